import { describe, expect, it } from 'vitest';
import { platformFeeCents } from './platform-fee.ts';

describe('platformFeeCents', () => {
  it.each([
    [10000, 0, 0],
    [10000, 2.5, 250],
    [3333, 10, 333],
    [3335, 10, 334], // 333.5 rounds half up
    [199, 1, 2], // 1.99 → 2
    [1, 100, 1],
    [0, 50, 0],
    [999999, 0.01, 100], // 99.9999 → 100
  ])('%i minor units at %f %% → %i', (amount, percent, fee) => {
    expect(platformFeeCents(amount, percent)).toBe(fee);
  });

  it('refuses amounts and percentages that are not money', () => {
    expect(() => platformFeeCents(-1, 5)).toThrow(RangeError);
    expect(() => platformFeeCents(1.5, 5)).toThrow(RangeError);
    expect(() => platformFeeCents(100, 101)).toThrow(RangeError);
    expect(() => platformFeeCents(100, Number.NaN)).toThrow(RangeError);
  });
});
