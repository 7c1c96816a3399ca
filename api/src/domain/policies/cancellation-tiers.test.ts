import { describe, expect, it } from 'vitest';
import {
  applicableTier,
  cancellationFee,
  sortTiers,
  tierViolations,
  type TierShape,
} from './cancellation-tiers.ts';

const week = { hoursBeforeStart: 168, feePercentage: 0 };
const day = { hoursBeforeStart: 24, feePercentage: 50 };
const twoHours = { hoursBeforeStart: 2, feeFixedCents: 4000 };
const noShow = { hoursBeforeStart: 0, feePercentage: 100 };
const policy: TierShape[] = [day, noShow, week, twoHours];

describe('tierViolations', () => {
  it('accepts distinct tiers with one fee kind each, and no tiers at all', () => {
    expect(tierViolations(policy)).toEqual([]);
    expect(tierViolations([])).toEqual([]);
  });

  it.each([
    [
      'both fee kinds',
      [{ hoursBeforeStart: 24, feePercentage: 50, feeFixedCents: 100 }],
      [
        {
          path: 'tiers.0.feeFixedCents',
          message: 'a tier needs exactly one of feePercentage or feeFixedCents',
        },
      ],
    ],
    [
      'neither fee kind',
      [{ hoursBeforeStart: 24 }],
      [
        {
          path: 'tiers.0.feePercentage',
          message: 'a tier needs exactly one of feePercentage or feeFixedCents',
        },
      ],
    ],
    [
      'nulls count as absent',
      [{ hoursBeforeStart: 24, feePercentage: null, feeFixedCents: null }],
      [
        {
          path: 'tiers.0.feePercentage',
          message: 'a tier needs exactly one of feePercentage or feeFixedCents',
        },
      ],
    ],
    [
      'duplicate hours',
      [day, { hoursBeforeStart: 48, feePercentage: 10 }, { hoursBeforeStart: 24, feeFixedCents: 0 }],
      [{ path: 'tiers.2.hoursBeforeStart', message: 'must be distinct across tiers' }],
    ],
  ])('reports %s', (_name, tiers: TierShape[], expected) => {
    expect(tierViolations(tiers)).toEqual(expected);
  });
});

describe('sortTiers', () => {
  it('orders by hoursBeforeStart descending without changing the input', () => {
    expect(sortTiers(policy).map((tier) => tier.hoursBeforeStart)).toEqual([168, 24, 2, 0]);
    expect(policy.map((tier) => tier.hoursBeforeStart)).toEqual([24, 0, 168, 2]);
  });
});

describe('applicableTier', () => {
  it.each([
    [200, null],
    [168, null],
    [167.99, week],
    [24, week],
    [23.5, day],
    [2, day],
    [1, twoHours],
    [0, twoHours],
    [-0.5, noShow],
  ])('%s hours before the start → %o', (hours, expected) => {
    expect(applicableTier(policy, hours)).toBe(expected);
  });
});

describe('cancellationFee', () => {
  it.each([
    // tiers, price, hours before start, fee, refund
    ['no tiers', [], 10_000, 1, 0, 10_000],
    ['outside every tier', policy, 10_000, 500, 0, 10_000],
    ['a 0% tier', policy, 10_000, 100, 0, 10_000],
    ['50% of an even price', policy, 10_000, 12, 5_000, 5_000],
    ['50% rounds half up', policy, 3_333, 12, 1_667, 1_666],
    ['50% of 1 cent rounds up', policy, 1, 12, 1, 0],
    ['33% rounds down below half', [{ hoursBeforeStart: 10, feePercentage: 33 }], 1_001, 5, 330, 671],
    [
      '50% of an odd price rounds half up',
      [{ hoursBeforeStart: 10, feePercentage: 50 }],
      2_001,
      5,
      1_001,
      1_000,
    ],
    ['a fixed fee', policy, 10_000, 1, 4_000, 6_000],
    ['a fixed fee capped at the price', policy, 2_500, 1, 2_500, 0],
    ['100% after the start', policy, 10_000, -1, 10_000, 0],
    ['a free service', policy, 0, -1, 0, 0],
    [
      'the largest price at 99%',
      [{ hoursBeforeStart: 1, feePercentage: 99 }],
      2_000_000_000,
      0,
      1_980_000_000,
      20_000_000,
    ],
  ])('%s', (_name, tiers: TierShape[], price, hours, feeCents, refundCents) => {
    const result = cancellationFee(tiers, price, hours);
    expect(result.feeCents).toBe(feeCents);
    expect(result.refundCents).toBe(refundCents);
    expect(Number.isInteger(result.feeCents)).toBe(true);
  });

  it('returns the tier that applied', () => {
    expect(cancellationFee(policy, 10_000, 12).tier).toBe(day);
    expect(cancellationFee(policy, 10_000, 500).tier).toBeNull();
  });

  it.each([-1, 1.5, Number.NaN])('refuses a price of %s', (price) => {
    expect(() => cancellationFee(policy, price, 1)).toThrow(RangeError);
  });
});
