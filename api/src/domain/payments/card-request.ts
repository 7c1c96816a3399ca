/** A held booking's amounts, as booked. */
export interface BookedAmounts {
  paymentStatus: string;
  totalAmountCents: number;
  depositAmountCents: number;
  noShowFeeCents: number;
}

/**
 * What the client's card is asked for when a booking is held:
 * - a payment of what is due at booking (the deposit or the full price), keeping the card when
 *   something may be charged later without the client (the balance after a deposit, a no-show fee);
 * - with nothing to pay now but a no-show fee agreed, the card saved (a SetupIntent), not charged;
 * - otherwise nothing (null).
 */
export type CardRequest = { kind: 'payment'; amountCents: number; keepCard: boolean } | { kind: 'setup' };

export function cardRequestAtBooking(booking: BookedAmounts): CardRequest | null {
  const chargedLater = booking.noShowFeeCents > 0;
  if (booking.paymentStatus === 'AWAITING_PAYMENT' && booking.depositAmountCents > 0) {
    return {
      kind: 'payment',
      amountCents: booking.depositAmountCents,
      keepCard: chargedLater || booking.depositAmountCents < booking.totalAmountCents,
    };
  }
  return chargedLater ? { kind: 'setup' } : null;
}
