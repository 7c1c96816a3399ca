import { describe, expect, it } from 'vitest';
import { cardRequestAtBooking, type BookedAmounts } from './card-request.ts';

const booked = (change: Partial<BookedAmounts>): BookedAmounts => ({
  paymentStatus: 'NOT_REQUIRED',
  totalAmountCents: 8000,
  depositAmountCents: 0,
  noShowFeeCents: 0,
  ...change,
});

describe('cardRequestAtBooking', () => {
  it('asks nothing of a booking paid at the venue without a no-show fee', () => {
    expect(cardRequestAtBooking(booked({}))).toBeNull();
  });

  it('charges a prepayment without keeping the card when nothing can be owed later', () => {
    expect(
      cardRequestAtBooking(booked({ paymentStatus: 'AWAITING_PAYMENT', depositAmountCents: 8000 })),
    ).toEqual({ kind: 'payment', amountCents: 8000, keepCard: false });
  });

  it('keeps the card of a deposit, for the balance', () => {
    expect(
      cardRequestAtBooking(booked({ paymentStatus: 'AWAITING_PAYMENT', depositAmountCents: 2000 })),
    ).toEqual({ kind: 'payment', amountCents: 2000, keepCard: true });
  });

  it('keeps the card of a prepayment when a no-show fee was agreed', () => {
    expect(
      cardRequestAtBooking(
        booked({ paymentStatus: 'AWAITING_PAYMENT', depositAmountCents: 8000, noShowFeeCents: 2500 }),
      ),
    ).toEqual({ kind: 'payment', amountCents: 8000, keepCard: true });
  });

  it('saves the card, charging nothing, when only a no-show fee was agreed', () => {
    expect(cardRequestAtBooking(booked({ totalAmountCents: 0, noShowFeeCents: 2500 }))).toEqual({
      kind: 'setup',
    });
  });
});
