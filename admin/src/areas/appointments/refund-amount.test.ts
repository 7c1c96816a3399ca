import { describe, expect, it } from 'vitest';
import { checkRefundAmount } from './refund-amount.ts';

describe('a refund amount typed in euros', () => {
  it('takes an amount up to the most refundable, in cents', () => {
    expect(checkRefundAmount('5', 'EUR', 1500, { allowZero: false })).toEqual({ ok: true, cents: 500 });
    expect(checkRefundAmount('15,00', 'EUR', 1500, { allowZero: false })).toEqual({ ok: true, cents: 1500 });
    expect(checkRefundAmount('0', 'EUR', 1500, { allowZero: true })).toEqual({ ok: true, cents: 0 });
  });

  it('refuses more than was paid, zero when a refund needs an amount, and what is not an amount', () => {
    expect(checkRefundAmount('15.01', 'EUR', 1500, { allowZero: false })).toEqual({
      ok: false,
      message: 'At most €15.00 can be refunded by card.',
    });
    expect(checkRefundAmount('0', 'EUR', 1500, { allowZero: false })).toEqual({
      ok: false,
      message: 'Enter an amount above zero.',
    });
    expect(checkRefundAmount('ten', 'EUR', 1500, { allowZero: true }).ok).toBe(false);
    expect(checkRefundAmount('1.234', 'EUR', 1500, { allowZero: true }).ok).toBe(false);
  });
});
