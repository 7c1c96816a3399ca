import { describe, expect, it } from 'vitest';
import { outstandingOf } from './outstanding.ts';

const money = { totalAmountCents: 10_000, noShowFeeCents: 3_000, paidCents: 0, refundedCents: 0 };

describe('outstandingOf', () => {
  it('puts a part-paid live or completed booking in deposit balances', () => {
    expect(outstandingOf({ ...money, status: 'CONFIRMED', paidCents: 2_000 })).toEqual({
      kind: 'depositBalance',
      cents: 8_000,
    });
    expect(outstandingOf({ ...money, status: 'COMPLETED', paidCents: 2_000 })!.cents).toBe(8_000);
  });

  it('leaves out unpaid, fully paid, refunded and cancelled bookings', () => {
    expect(outstandingOf({ ...money, status: 'CONFIRMED' })).toBeNull();
    expect(outstandingOf({ ...money, status: 'CONFIRMED', paidCents: 10_000 })).toBeNull();
    expect(outstandingOf({ ...money, status: 'CONFIRMED', paidCents: 2_000, refundedCents: 500 })).toBeNull();
    expect(outstandingOf({ ...money, status: 'CANCELLED', paidCents: 2_000 })).toBeNull();
  });

  it('puts a no-show with its fee not yet covered in no-show fees', () => {
    expect(outstandingOf({ ...money, status: 'NO_SHOW' })).toEqual({ kind: 'noShowFee', cents: 3_000 });
    expect(outstandingOf({ ...money, status: 'NO_SHOW', paidCents: 2_000 })!.cents).toBe(1_000);
    expect(outstandingOf({ ...money, status: 'NO_SHOW', paidCents: 3_000 })).toBeNull();
  });
});
