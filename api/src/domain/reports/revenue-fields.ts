import type { LedgerEntryKind } from '../../generated/prisma/enums.ts';
import { sumCents } from '../ledger/entries.ts';

/**
 * The revenue report's figures, in signed minor units as the ledger stores them: money in
 * positive, refunds and disputes negative, fees negative (positive when returned).
 */
export const REVENUE_FIELDS = [
  'grossCents',
  'depositsCents',
  'balancesCardCents',
  'balancesVenueCents',
  'noShowFeesCents',
  'refundsCents',
  'disputesCents',
  'stripeFeesCents',
  'platformFeesCents',
  'netCents',
] as const;
export type RevenueField = (typeof REVENUE_FIELDS)[number];
export type RevenueFigures = Record<RevenueField, number>;

/**
 * The fields each kind adds to (besides netCents, which every row adds to). A Record over the
 * enum, so a new kind is a type error here until someone decides where its money goes.
 *
 * grossCents is all money in from clients: a whole price by card (CHARGE, which has no field of
 * its own: it is gross less the parts below) plus deposits, balances and no-show fees by card or
 * at the venue. DISPUTE_REVERSAL is money in too, but it is a dispute undone, so it sits with
 * DISPUTE in disputesCents (won disputes net to 0 there) and not in gross. Corrections
 * (rows with correctsEntryId) are rows of their own kind and count there, so a charge recorded
 * 1.00 too high and its −1.00 correction leave gross right.
 */
export const KIND_FIELDS: Readonly<Record<LedgerEntryKind, readonly RevenueField[]>> = {
  CHARGE: ['grossCents'],
  DEPOSIT: ['grossCents', 'depositsCents'],
  BALANCE_CARD: ['grossCents', 'balancesCardCents'],
  BALANCE_VENUE: ['grossCents', 'balancesVenueCents'],
  NO_SHOW_FEE: ['grossCents', 'noShowFeesCents'],
  NO_SHOW_FEE_VENUE: ['grossCents', 'noShowFeesCents'],
  REFUND: ['refundsCents'],
  DISPUTE: ['disputesCents'],
  DISPUTE_REVERSAL: ['disputesCents'],
  STRIPE_FEE: ['stripeFeesCents'],
  PLATFORM_FEE: ['platformFeesCents'],
};

export function emptyFigures(): RevenueFigures {
  return Object.fromEntries(REVENUE_FIELDS.map((field) => [field, 0])) as RevenueFigures;
}

/** Adds `cents` of `kind` to `figures` (in place): to its fields and to netCents. */
export function addKind(figures: RevenueFigures, kind: LedgerEntryKind, cents: number): void {
  for (const field of [...KIND_FIELDS[kind], 'netCents'] as const) {
    figures[field] = sumCents([figures[field], cents]);
  }
}

/** The field-by-field sum of `all` (the report's totals are the sum of its buckets). */
export function sumFigures(all: readonly RevenueFigures[]): RevenueFigures {
  const total = emptyFigures();
  for (const field of REVENUE_FIELDS) total[field] = sumCents(all.map((figures) => figures[field]));
  return total;
}
