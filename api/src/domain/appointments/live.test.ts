import { describe, expect, it } from 'vitest';
import { isExpiredHold, isLive } from './live.ts';

const now = new Date('2027-03-01T12:00:00Z');
const later = new Date('2027-03-01T12:05:00Z');

describe('isLive', () => {
  it.each([
    ['CONFIRMED', null, true],
    ['PENDING', later, true],
    ['PENDING', now, false],
    ['CANCELLED', null, false],
    ['COMPLETED', null, false],
    ['NO_SHOW', null, false],
  ] as const)('%s with hold until %s → %s', (status, holdExpiresAt, live) => {
    expect(isLive({ status, holdExpiresAt }, now)).toBe(live);
    expect(isExpiredHold({ status, holdExpiresAt }, now)).toBe(status === 'PENDING' && !live);
  });
});
