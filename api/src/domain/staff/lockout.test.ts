import { describe, expect, it } from 'vitest';
import { afterFailure, lockSeconds, retryAfterSeconds } from './lockout.ts';

describe('lockout backoff', () => {
  it('locks at the 5th failure for a minute and doubles after, capped at an hour', () => {
    expect([1, 2, 3, 4].map(lockSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50].map(lockSeconds)).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('counts a failure and sets the lock from now', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(afterFailure(3, now)).toEqual({ failures: 4, lockedUntil: null });
    expect(afterFailure(4, now)).toEqual({ failures: 5, lockedUntil: new Date('2026-12-02T10:01:00Z') });
    expect(afterFailure(5, now).lockedUntil).toEqual(new Date('2026-12-02T10:02:00Z'));
  });

  it('answers the seconds left, rounded up', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(retryAfterSeconds(null, now)).toBe(0);
    expect(retryAfterSeconds(new Date('2026-12-02T10:00:59.100Z'), now)).toBe(60);
    expect(retryAfterSeconds(new Date('2026-12-02T09:59:00Z'), now)).toBe(0);
  });
});
