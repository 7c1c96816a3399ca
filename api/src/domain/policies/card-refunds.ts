import { InvalidStateError, ValidationError } from '../errors.ts';

/**
 * How much of an appointment's money can go back by card, and from which payment. Only card
 * payments (a PaymentIntent) can be refunded by card; money taken at the venue has no card to
 * return to. A refund on its way (PENDING: recorded before Stripe was asked, or accepted by Stripe
 * and not final yet) counts as refunded, so two refunds at once can never exceed what was paid.
 */
export interface RefundablePaymentFacts {
  payment: { amountCents: number; stripePaymentIntentId: string | null };
  refundedCents: number;
  pendingRefundCents: number;
}

const leftOf = (p: RefundablePaymentFacts) => p.payment.amountCents - p.refundedCents - p.pendingRefundCents;
const byCard = (p: RefundablePaymentFacts) => p.payment.stripePaymentIntentId !== null;

/** What is left to refund by card: card payments less their refunds, made or on their way. */
export function refundableByCard(payments: readonly RefundablePaymentFacts[]): number {
  return payments.filter(byCard).reduce((sum, p) => sum + Math.max(0, leftOf(p)), 0);
}

/**
 * `amountCents` split over the card payments in the order given (newest first: a balance before
 * its deposit), each up to what is left of it. What no payment can take is not in the parts: the
 * caller checks the amount first (assertRefundableByCard) or refunds as much as there is.
 */
export function splitRefund<P extends RefundablePaymentFacts>(
  payments: readonly P[],
  amountCents: number,
): Array<{ source: P; amountCents: number }> {
  const parts: Array<{ source: P; amountCents: number }> = [];
  let owed = amountCents;
  for (const source of payments) {
    const part = Math.min(owed, leftOf(source));
    if (part <= 0 || !byCard(source)) continue;
    parts.push({ source, amountCents: part });
    owed -= part;
  }
  return parts;
}

/**
 * Throws unless `amountCents` can be refunded by card. Beyond it: 409 when money paid at the venue
 * is why (it must be given back there), else 400 naming `field` with the most that can go back.
 */
export function assertRefundableByCard(
  payments: readonly RefundablePaymentFacts[],
  amountCents: number,
  field: string,
): void {
  const card = refundableByCard(payments);
  if (amountCents <= card) return;
  const venue = payments
    .filter((p) => !byCard(p))
    .reduce((sum, p) => sum + p.payment.amountCents - p.refundedCents, 0);
  if (venue > 0) {
    throw new InvalidStateError(
      `${venue} (minor units) of this booking was paid at the venue and cannot be refunded by card: ` +
        `give it back there. By card, at most ${card} can be refunded.`,
      [{ path: field, message: `must be at most ${card}: what was paid by card and not refunded yet` }],
    );
  }
  throw new ValidationError(`At most ${card} (minor units) can be refunded by card.`, [
    { path: field, message: `must be at most ${card}: what was paid by card and not refunded yet` },
  ]);
}
