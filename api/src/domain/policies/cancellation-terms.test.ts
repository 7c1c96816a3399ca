import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../time-units.ts';
import {
  cancellationTerms,
  DEFAULT_CANCELLATION_TIERS,
  hoursBeforeStart,
  refundForCancellation,
  tiersInForce,
} from './cancellation-terms.ts';

const start = new Date('2027-03-03T10:00:00Z');
const before = (ms: number) => new Date(start.getTime() - ms);

/** Cancelling a fully paid booking under the default policy (no tenant policy). */
function byDefault(now: Date, priceCents = 10_000, paidCents = priceCents) {
  return cancellationTerms({ policyTiers: null, priceCents, paidCents, startTimeUtc: start, now });
}

describe('the default cancellation policy', () => {
  it('is full refund over 48 h, 50 % from 48 h to 24 h, nothing under 24 h', () => {
    expect(DEFAULT_CANCELLATION_TIERS).toEqual([
      { hoursBeforeStart: 48, feePercentage: 50 },
      { hoursBeforeStart: 24, feePercentage: 100 },
    ]);
    expect(Object.isFrozen(DEFAULT_CANCELLATION_TIERS)).toBe(true);
  });

  it.each([
    // notice, fee, refund
    ['a week', 7 * 24 * HOUR, 0, 10_000],
    ['48 h + 1 min', 48 * HOUR + MINUTE, 0, 10_000],
    ['48 h + 1 ms', 48 * HOUR + 1, 0, 10_000],
    ['exactly 48 h (met: free)', 48 * HOUR, 0, 10_000],
    ['48 h − 1 ms', 48 * HOUR - 1, 5_000, 5_000],
    ['48 h − 1 min', 48 * HOUR - MINUTE, 5_000, 5_000],
    ['36 h', 36 * HOUR, 5_000, 5_000],
    ['24 h + 1 ms', 24 * HOUR + 1, 5_000, 5_000],
    ['exactly 24 h (met: half)', 24 * HOUR, 5_000, 5_000],
    ['24 h − 1 ms', 24 * HOUR - 1, 10_000, 0],
    ['24 h − 1 min', 24 * HOUR - MINUTE, 10_000, 0],
    ['1 min', MINUTE, 10_000, 0],
    ['0 h (at the start)', 0, 10_000, 0],
    ['an hour after the start', -HOUR, 10_000, 0],
  ])('%s before the start', (_name, notice, feeCents, refundCents) => {
    expect(byDefault(before(notice))).toMatchObject({ feeCents, refundCents, amountDueCents: 0 });
  });

  it('names the tier that applied and the notice in hours', () => {
    expect(byDefault(before(36 * HOUR))).toMatchObject({
      hoursBeforeStart: 36,
      tier: { hoursBeforeStart: 48, feePercentage: 50 },
    });
    expect(byDefault(before(48 * HOUR)).tier).toBeNull();
    expect(byDefault(before(24 * HOUR)).tier).toEqual({ hoursBeforeStart: 48, feePercentage: 50 });
    expect(byDefault(before(0)).tier).toEqual({ hoursBeforeStart: 24, feePercentage: 100 });
  });

  it('rounds the fee half up, so the refund is never more than the rest (minor units)', () => {
    // 50 % of 33.33: 16.665 → the fee 16.67, the refund 16.66.
    expect(byDefault(before(30 * HOUR), 3_333)).toMatchObject({ feeCents: 1_667, refundCents: 1_666 });
    expect(byDefault(before(30 * HOUR), 1)).toMatchObject({ feeCents: 1, refundCents: 0 });
  });

  it('takes JPY amounts as whole yen (no minor digits)', () => {
    expect(byDefault(before(30 * HOUR), 1_001)).toMatchObject({ feeCents: 501, refundCents: 500 });
    expect(byDefault(before(49 * HOUR), 1_001)).toMatchObject({ feeCents: 0, refundCents: 1_001 });
  });

  it('charges the fee on the price and settles it against what was paid', () => {
    // A 20.00 deposit on 100.00: half the price (50.00) is more than was paid.
    expect(byDefault(before(30 * HOUR), 10_000, 2_000)).toMatchObject({
      feeCents: 5_000,
      refundCents: 0,
      amountDueCents: 3_000,
    });
    // Over 48 h the deposit comes back whole.
    expect(byDefault(before(49 * HOUR), 10_000, 2_000)).toMatchObject({ refundCents: 2_000 });
  });

  it('gives way to any policy of the tenant, also one without tiers', () => {
    const free = cancellationTerms({
      policyTiers: [],
      priceCents: 10_000,
      paidCents: 10_000,
      startTimeUtc: start,
      now: before(HOUR),
    });
    expect(free).toMatchObject({ feeCents: 0, refundCents: 10_000, tier: null });
    const own = [{ hoursBeforeStart: 2, feeFixedCents: 700 }];
    expect(tiersInForce(own)).toBe(own);
    expect(tiersInForce(null)).toBe(DEFAULT_CANCELLATION_TIERS);
  });
});

describe('hoursBeforeStart', () => {
  it('is real elapsed hours, fractional, negative after the start', () => {
    expect(hoursBeforeStart(start, before(90 * MINUTE))).toBe(1.5);
    expect(hoursBeforeStart(start, before(-HOUR))).toBe(-1);
    // Across the switch to summer time in Berlin (28 March 2027, 02:00 → 03:00): 24 real hours.
    expect(hoursBeforeStart(new Date('2027-03-28T12:00:00Z'), new Date('2027-03-27T12:00:00Z'))).toBe(24);
  });
});

describe('refundForCancellation', () => {
  it.each([
    // paid, fee, refund, due
    [10_000, 0, 10_000, 0],
    [10_000, 5_000, 5_000, 0],
    [10_000, 10_000, 0, 0],
    [2_000, 5_000, 0, 3_000],
    [0, 0, 0, 0],
    [0, 4_000, 0, 4_000],
  ])('paid %i, fee %i → refund %i, due %i', (paidCents, feeCents, refundCents, amountDueCents) => {
    const result = refundForCancellation({ paidCents, feeCents });
    expect(result).toEqual({ refundCents, amountDueCents });
    expect(result.refundCents).toBeLessThanOrEqual(paidCents);
  });

  it.each([
    [-1, 0],
    [0, -1],
    [10.5, 0],
    [0, Number.NaN],
  ])('refuses paid %s, fee %s', (paidCents, feeCents) => {
    expect(() => refundForCancellation({ paidCents, feeCents })).toThrow(RangeError);
  });
});
