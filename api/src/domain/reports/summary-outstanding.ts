import type { OutstandingRow } from './outstanding.ts';

export interface OutstandingTotal {
  currency: string;
  /** Appointments with something due, and how much: deposit balances and no-show fees together. */
  appointments: number;
  amountDueCents: number;
  depositBalancesCents: number;
  noShowFeesCents: number;
}

/** The revenue report's outstanding figures (domain/reports/outstanding.ts) as the dashboard's totals. */
export function outstandingTotals(rows: readonly OutstandingRow[]): OutstandingTotal[] {
  return rows.map((row) => ({
    currency: row.currency,
    appointments: row.depositBalancesCount + row.noShowFeesCount,
    amountDueCents: row.depositBalancesCents + row.noShowFeesCents,
    depositBalancesCents: row.depositBalancesCents,
    noShowFeesCents: row.noShowFeesCents,
  }));
}
