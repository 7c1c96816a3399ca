import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../time-units.ts';
import {
  assertRescheduleAllowed,
  rescheduleAllowedUntil,
  rescheduleLimitHours,
  RescheduleTooLateError,
  type ReschedulePolicy,
} from './reschedule-window.ts';

const start = new Date('2027-03-03T10:00:00Z');
const before = (ms: number) => new Date(start.getTime() - ms);
const policy = (
  rescheduleAllowedUntilHours: number | null,
  tiers: ReschedulePolicy['tiers'] = [],
): ReschedulePolicy => ({ rescheduleAllowedUntilHours, tiers });

function allowed(p: ReschedulePolicy | null, notice: number, priceCents = 10_000): boolean {
  try {
    assertRescheduleAllowed({ policy: p, priceCents, startTimeUtc: start, now: before(notice) });
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(RescheduleTooLateError);
    expect((error as RescheduleTooLateError).code).toBe('reschedule_too_late');
    return false;
  }
}

describe('rescheduleLimitHours', () => {
  it('is the policy’s own hours when set, whatever its tiers', () => {
    expect(rescheduleLimitHours(policy(12, [{ hoursBeforeStart: 48, feePercentage: 50 }]), 10_000)).toBe(12);
    expect(rescheduleLimitHours(policy(0), 10_000)).toBe(0);
    expect(rescheduleLimitHours(policy(8760), 0)).toBe(8760);
  });

  it('without a policy: the default tiers, free until 48 h', () => {
    expect(rescheduleLimitHours(null, 10_000)).toBe(48);
  });

  it('otherwise the start of the first tier that charges this price a fee', () => {
    const tiers = [
      { hoursBeforeStart: 168, feePercentage: 0 },
      { hoursBeforeStart: 24, feeFixedCents: 0 },
      { hoursBeforeStart: 12, feeFixedCents: 500 },
      { hoursBeforeStart: 2, feePercentage: 100 },
    ];
    expect(rescheduleLimitHours(policy(null, tiers), 10_000)).toBe(12);
    // 1 % of 0.40 rounds to nothing: that tier costs nothing for this price.
    const tiny = [{ hoursBeforeStart: 72, feePercentage: 1 }];
    expect(rescheduleLimitHours(policy(null, tiny), 40)).toBeNull();
    expect(rescheduleLimitHours(policy(null, tiny), 50)).toBe(72);
  });

  it('no limit when cancelling is always free: no tiers, only 0 % tiers, or a free booking', () => {
    expect(rescheduleLimitHours(policy(null), 10_000)).toBeNull();
    expect(
      rescheduleLimitHours(policy(null, [{ hoursBeforeStart: 24, feePercentage: 0 }]), 10_000),
    ).toBeNull();
    expect(rescheduleLimitHours(null, 0)).toBeNull();
  });
});

describe('assertRescheduleAllowed at the boundary', () => {
  it.each([
    // notice, allowed
    ['a week', 7 * 24 * HOUR, true],
    ['48 h + 1 ms', 48 * HOUR + 1, true],
    ['exactly 48 h (in time, as for a free cancel)', 48 * HOUR, true],
    ['48 h − 1 ms', 48 * HOUR - 1, false],
    ['48 h − 1 min', 48 * HOUR - MINUTE, false],
    ['1 min', MINUTE, false],
  ])('default policy, %s before the start', (_name, notice, expected) => {
    expect(allowed(null, notice)).toBe(expected);
  });

  it.each([
    ['6 h + 1 ms', 6 * HOUR + 1, true],
    ['exactly 6 h', 6 * HOUR, true],
    ['6 h − 1 ms', 6 * HOUR - 1, false],
  ])('rescheduleAllowedUntilHours 6 (tiers at 48 h ignored), %s before', (_name, notice, expected) => {
    expect(allowed(policy(6, [{ hoursBeforeStart: 48, feePercentage: 50 }]), notice)).toBe(expected);
  });

  it('0 hours: until the start itself', () => {
    expect(allowed(policy(0), 0)).toBe(true);
    expect(allowed(policy(0), -1)).toBe(false);
  });

  it('no limit: any time before the start', () => {
    expect(allowed(policy(null), MINUTE)).toBe(true);
    expect(allowed(null, MINUTE, 0)).toBe(true);
  });

  it('names the limit and the instant in its message', () => {
    expect(() =>
      assertRescheduleAllowed({ policy: null, priceCents: 1, startTimeUtc: start, now: before(HOUR) }),
    ).toThrow('until 48 hours before its start (2027-03-01T10:00:00.000Z)');
  });
});

describe('rescheduleAllowedUntil', () => {
  it('is the start minus the limit, or null without one', () => {
    const at = (p: ReschedulePolicy | null, priceCents = 10_000) =>
      rescheduleAllowedUntil({ policy: p, priceCents, startTimeUtc: start })?.toISOString() ?? null;
    expect(at(null)).toBe('2027-03-01T10:00:00.000Z');
    expect(at(policy(6))).toBe('2027-03-03T04:00:00.000Z');
    expect(at(policy(null))).toBeNull();
  });
});
