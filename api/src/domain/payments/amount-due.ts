import type { AppointmentStatus, PaymentKind } from '../../generated/prisma/enums.ts';

/** An appointment's money, as its row keeps it (minor units of its currency). */
export interface AppointmentMoney {
  status: AppointmentStatus;
  totalAmountCents: number;
  noShowFeeCents: number;
  /** What its succeeded payments brought in, card or venue. */
  paidCents: number;
  refundedCents: number;
}

/**
 * What the client still owes:
 * - a live or completed booking: the price less what was paid; once money was given back (a
 *   goodwill refund) the business has settled with the client and nothing more is asked;
 * - a no-show: the fee agreed at booking, less what the client paid and kept paid (a deposit
 *   counts toward the fee; a client who paid in full owes nothing more);
 * - a cancelled booking: nothing (a late-cancellation fee is kept from what was paid, never
 *   charged afterwards).
 */
export function amountDue(money: AppointmentMoney): number {
  switch (money.status) {
    case 'CANCELLED':
      return 0;
    case 'NO_SHOW':
      return Math.max(0, money.noShowFeeCents - (money.paidCents - money.refundedCents));
    case 'PENDING':
    case 'CONFIRMED':
    case 'COMPLETED':
      return money.refundedCents > 0 ? 0 : Math.max(0, money.totalAmountCents - money.paidCents);
  }
}

/** The kind of payment that collects what is due now: the no-show fee, or the balance. */
export function kindOfDue(status: AppointmentStatus): 'NO_SHOW_FEE' | 'BALANCE' {
  return status === 'NO_SHOW' ? 'NO_SHOW_FEE' : 'BALANCE';
}

/**
 * Whether a payment of `kind` that succeeds now is still what the appointment asked for. A
 * deposit or prepayment pays a booking that holds its time; a balance, a booking that is on or
 * done; a no-show fee, a no-show. Otherwise the booking moved on while the card was being
 * charged (its hold ended, it was cancelled): the money is given back (settle-payment.ts).
 */
export function paymentWanted(kind: PaymentKind, status: AppointmentStatus): boolean {
  switch (kind) {
    case 'DEPOSIT':
    case 'FULL':
      return status === 'PENDING' || status === 'CONFIRMED';
    case 'BALANCE':
      return status === 'PENDING' || status === 'CONFIRMED' || status === 'COMPLETED';
    case 'NO_SHOW_FEE':
      return status === 'NO_SHOW';
  }
}

/** The payment state once `amountCents` more is paid: PAID when nothing is left to pay. */
export function paymentStatusAfterPaying(
  money: AppointmentMoney,
  amountCents: number,
): 'PAID' | 'DEPOSIT_PAID' {
  return amountDue({ ...money, paidCents: money.paidCents + amountCents }) === 0 ? 'PAID' : 'DEPOSIT_PAID';
}
