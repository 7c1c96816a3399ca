/**
 * Which actions the appointment page offers, from the appointment's state, the account's role and
 * the time: the same rules the API applies (api/src/domain/appointments/status.ts, collect-balance,
 * refund-appointment, resend-confirmation), so a button is there only when pressing it can work.
 */

export type AppointmentAction = 'cancel' | 'complete' | 'noShow' | 'collectBalance' | 'refund' | 'resend';

export interface ActionFacts {
  status: 'PENDING' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
  paymentStatus: string;
  startTimeUtc: string;
  endTimeUtc: string;
  holdExpiresAt: string | null;
  amountDueCents: number;
}

export interface ActionMoney {
  /** Paid by card and not refunded (from the ledger: card payments less refunds). */
  refundableByCardCents: number;
}

const COLLECTS = new Set(['PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW']);

/** The actions open now, in the order the page shows them. */
export function availableActions(
  appointment: ActionFacts,
  money: ActionMoney,
  role: 'owner' | 'manager' | 'provider',
  now: Date,
): AppointmentAction[] {
  const started = Date.parse(appointment.startTimeUtc) <= now.getTime();
  const ended = Date.parse(appointment.endTimeUtc) <= now.getTime();
  const expiredHold =
    appointment.status === 'PENDING' &&
    appointment.holdExpiresAt !== null &&
    Date.parse(appointment.holdExpiresAt) <= now.getTime();
  const live = appointment.status === 'CONFIRMED' || (appointment.status === 'PENDING' && !expiredHold);
  const manager = role !== 'provider';
  const actions: AppointmentAction[] = [];
  if (appointment.status === 'CONFIRMED' && started) actions.push('complete', 'noShow');
  if (manager && COLLECTS.has(appointment.status) && appointment.amountDueCents > 0) {
    actions.push('collectBalance');
  }
  if (manager && money.refundableByCardCents > 0) actions.push('refund');
  if (manager && appointment.status === 'CONFIRMED' && !ended) actions.push('resend');
  if (live) actions.push('cancel');
  return actions;
}

/** The ledger kinds that are the client's card money: in (payments) and back out (refunds, disputes). */
const CARD_MONEY = new Set([
  'CHARGE',
  'DEPOSIT',
  'BALANCE_CARD',
  'NO_SHOW_FEE',
  'REFUND',
  'DISPUTE',
  'DISPUTE_REVERSAL',
]);

/**
 * What is left to refund by card, from the appointment's ledger rows (Stripe's fees and money taken
 * at the venue are not card money to give back). A refund still on its way is not in the ledger
 * yet: the API, which counts it, has the last word.
 */
export function refundableByCard(ledger: ReadonlyArray<{ kind: string; amountCents: number }>): number {
  const cents = ledger
    .filter((entry) => CARD_MONEY.has(entry.kind))
    .reduce((sum, entry) => sum + entry.amountCents, 0);
  return Math.max(0, cents);
}
