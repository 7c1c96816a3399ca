import { describe, expect, it } from 'vitest';
import { taxOf } from './tax.ts';

describe('taxOf', () => {
  it.each([
    // amount, rate, inclusive → subtotal, tax, total
    [5000, 1900, true, 4202, 798, 5000],
    [5000, 1900, false, 5000, 950, 5950],
    [0, 1900, true, 0, 0, 0],
    [5000, 0, true, 5000, 0, 5000],
    [5000, 0, false, 5000, 0, 5000],
    // 100 %: inclusive halves the price; exclusive doubles it.
    [5000, 10_000, true, 2500, 2500, 5000],
    [5000, 10_000, false, 5000, 5000, 10_000],
    // JPY (zero decimals): 1,000 yen at 10 % inclusive → tax round(90.909) = 91 yen.
    [1000, 1000, true, 909, 91, 1000],
    [1001, 1000, false, 1001, 100, 1101],
    // Halves round up: 5 × 10 % = 0.5 → 1; 15 × 10 % = 1.5 → 2.
    [5, 1000, false, 5, 1, 6],
    [15, 1000, false, 15, 2, 17],
    // 7.5 % exclusive of 333 → 24.975 → 25.
    [333, 750, false, 333, 25, 358],
    // Inclusive 21 % of 121 → exactly 21.
    [121, 2100, true, 100, 21, 121],
    // The largest stored amount stays exact.
    [2_000_000_000, 10_000, false, 2_000_000_000, 2_000_000_000, 4_000_000_000],
  ])('%i at %i bp (inclusive %s) → %i + %i = %i', (amount, rate, inclusive, subtotal, tax, total) => {
    const result = taxOf(amount, { rateBasisPoints: rate, inclusive });
    expect(result).toEqual({ subtotalCents: subtotal, taxCents: tax, totalCents: total });
    expect(result.subtotalCents + result.taxCents).toBe(result.totalCents);
  });

  it('refuses fractions, negatives and rates out of range', () => {
    expect(() => taxOf(1.5, { rateBasisPoints: 100, inclusive: true })).toThrow(RangeError);
    expect(() => taxOf(-1, { rateBasisPoints: 100, inclusive: true })).toThrow(RangeError);
    expect(() => taxOf(100, { rateBasisPoints: 10_001, inclusive: true })).toThrow(RangeError);
    expect(() => taxOf(100, { rateBasisPoints: -1, inclusive: false })).toThrow(RangeError);
  });
});
