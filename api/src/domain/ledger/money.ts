import { InvalidStateError } from '../errors.ts';
import { KIND_RULES, sumCents, type LedgerEntry } from './entries.ts';

/**
 * Totals over ledger rows, always per currency: amounts in different
 * currencies are never added. Corrections count under their own kind.
 */

/** The sum of all rows per currency: what the business holds, after refunds, disputes and fees. */
export function balanceByCurrency(entries: readonly LedgerEntry[]): Record<string, number> {
  const byCurrency = new Map<string, number[]>();
  for (const entry of entries) {
    const amounts = byCurrency.get(entry.currency) ?? [];
    amounts.push(entry.amountCents);
    byCurrency.set(entry.currency, amounts);
  }
  return Object.fromEntries(
    [...byCurrency.keys()].sort().map((currency) => [currency, sumCents(byCurrency.get(currency)!)]),
  );
}

export interface AppointmentMoney {
  currency: string;
  /** Money from the client: card payments, venue payments, no-show fees (≥ 0 unless corrected below). */
  paidCents: number;
  /** Money returned to the client, as a positive number. */
  refundedCents: number;
  /** Money taken back by disputes, net of reinstatements, as a positive number. */
  disputedCents: number;
  /** Stripe's and our fees, net of returned fees, as a positive number. */
  feesCents: number;
  /** What the client's money left the business with: paid − refunded − disputed − fees (the rows' sum). */
  netCents: number;
  /** What the client still owes of `owed` (never negative); only for the owed amount's currency. */
  dueCents?: number;
}

/**
 * An appointment's money per currency (normally one). `owed` is what the
 * client owes in total (the price, or a cancellation fee); with it, `dueCents`
 * is that amount less what the client paid and kept paid (paid − refunded −
 * disputed), at least 0.
 */
export function appointmentMoney(
  entries: readonly LedgerEntry[],
  owed?: { amountCents: number; currency: string },
): Record<string, AppointmentMoney> {
  const currencies = new Set(entries.map((entry) => entry.currency));
  if (owed) currencies.add(owed.currency);
  const result: Record<string, AppointmentMoney> = {};
  for (const currency of [...currencies].sort()) {
    const rows = entries.filter((entry) => entry.currency === currency);
    const bucket = (name: string) =>
      sumCents(
        rows.filter((entry) => KIND_RULES[entry.kind].bucket === name).map((entry) => entry.amountCents),
      );
    const money: AppointmentMoney = {
      currency,
      paidCents: bucket('paid'),
      // 0 - x, not -x: no negative zero in answers.
      refundedCents: 0 - bucket('refunded'),
      disputedCents: 0 - bucket('disputed'),
      feesCents: 0 - bucket('fees'),
      netCents: sumCents(rows.map((entry) => entry.amountCents)),
    };
    if (owed?.currency === currency) {
      if (!Number.isSafeInteger(owed.amountCents) || owed.amountCents < 0) {
        throw new RangeError(`owed must be a non-negative integer, got ${owed.amountCents}`);
      }
      money.dueCents = Math.max(0, owed.amountCents - keptCents(money));
    }
    result[currency] = money;
  }
  return result;
}

/** What the client paid and still has paid: the most that can be refunded. */
function keptCents(money: AppointmentMoney): number {
  return money.paidCents - money.refundedCents - money.disputedCents;
}

/** The most that can still be refunded in `currency` (0 when nothing was paid in it). */
export function refundableCents(entries: readonly LedgerEntry[], currency: string): number {
  const money = appointmentMoney(entries)[currency];
  return money ? Math.max(0, keptCents(money)) : 0;
}

/**
 * Refuses a refund that would take an appointment's refunds past what was paid
 * (less what disputes already took back), in the refund's currency. Throws
 * InvalidStateError (409 `invalid_state`). `inFlightCents` are refunds
 * requested from Stripe but not yet in the ledger: the caller must count them,
 * or two quick refunds could each pass alone.
 */
export function assertRefundWithinPaid(
  entries: readonly LedgerEntry[],
  refund: { amountCents: number; currency: string },
  options: { inFlightCents?: number } = {},
): void {
  const inFlight = options.inFlightCents ?? 0;
  if (!Number.isSafeInteger(refund.amountCents) || refund.amountCents <= 0) {
    throw new RangeError(`A refund must be a positive integer of minor units, got ${refund.amountCents}`);
  }
  if (!Number.isSafeInteger(inFlight) || inFlight < 0) {
    throw new RangeError(`inFlightCents must be a non-negative integer, got ${inFlight}`);
  }
  const appointments = new Set(entries.map((entry) => entry.appointmentId));
  if (appointments.size > 1) throw new RangeError('The entries of one appointment only');
  const available = refundableCents(entries, refund.currency) - inFlight;
  if (refund.amountCents > available) {
    throw new InvalidStateError(
      `A refund of ${refund.amountCents} ${refund.currency} (minor units) exceeds the ${Math.max(0, available)} still refundable.`,
      [{ path: 'amountCents', message: `must be at most ${Math.max(0, available)}` }],
    );
  }
}
