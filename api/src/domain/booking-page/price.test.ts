import { describe, expect, it } from 'vitest';
import { decimalPrice } from './price.ts';

describe('decimalPrice', () => {
  it("writes minor units with the currency's decimals", () => {
    expect(decimalPrice(4550, 'EUR')).toBe('45.50');
    expect(decimalPrice(5, 'USD')).toBe('0.05');
    expect(decimalPrice(0, 'EUR')).toBe('0.00');
    expect(decimalPrice(5000, 'JPY')).toBe('5000');
    expect(decimalPrice(12345, 'KWD')).toBe('12.345');
  });
});
