import { LedgerEntryKind, sumCents } from './entries.ts';

/** The sum of a period's rows of one currency and kind (a row of the GROUP BY). */
export interface KindSum {
  currency: string;
  kind: LedgerEntryKind;
  cents: number;
}

/** A period's money in one currency: per kind (every kind, 0 when none moved) and all together. */
export interface CurrencyTotals {
  currency: string;
  byKind: Record<LedgerEntryKind, number>;
  netCents: number;
}

const KINDS = Object.values(LedgerEntryKind);

/**
 * Per-kind sums folded into one total per currency, currencies in alphabetical order. Amounts in
 * different currencies are never added. Every kind is present, so a client reads `byKind.REFUND`
 * without checking for it.
 */
export function totalsByCurrency(sums: readonly KindSum[]): CurrencyTotals[] {
  const currencies = [...new Set(sums.map((sum) => sum.currency))].sort();
  return currencies.map((currency) => {
    const rows = sums.filter((sum) => sum.currency === currency);
    const byKind = Object.fromEntries(
      KINDS.map((kind) => [kind, sumCents(rows.filter((row) => row.kind === kind).map((row) => row.cents))]),
    ) as Record<LedgerEntryKind, number>;
    return { currency, byKind, netCents: sumCents(rows.map((row) => row.cents)) };
  });
}
