import { amountDue, type AppointmentMoney } from '../payments/amount-due.ts';

/** Money clients still owe, per currency, as of the moment it is read (not bucketed). */
export interface OutstandingRow {
  currency: string;
  /** Bookings not cancelled with a deposit (some money) paid and a balance still due. */
  depositBalancesCount: number;
  depositBalancesCents: number;
  /** No-shows whose fee is still due (less what was paid and kept). */
  noShowFeesCount: number;
  noShowFeesCents: number;
}

/**
 * Where one appointment's due money goes in the outstanding figures, by the one amount-due rule
 * (domain/payments/amount-due.ts); adapters/db/outstanding-sql.ts is this in SQL, and
 * test/routes/revenue-report.test.ts compares the two.
 */
export function outstandingOf(
  money: AppointmentMoney,
): { kind: 'depositBalance' | 'noShowFee'; cents: number } | null {
  const cents = amountDue(money);
  if (cents <= 0) return null;
  if (money.status === 'NO_SHOW') return { kind: 'noShowFee', cents };
  return money.paidCents > 0 ? { kind: 'depositBalance', cents } : null;
}
