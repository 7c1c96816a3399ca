import type { CsvExport } from '../adapters/csv/csv-stream.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { localMinute, majorUnits } from '../domain/exports/csv-cells.ts';
import { periodOfDays } from '../domain/ledger/period.ts';

export const LEDGER_CSV_COLUMNS = [
  'id',
  'occurredAt',
  'occurredLocal',
  'kind',
  'amountCents',
  'amount',
  'currency',
  'appointmentId',
  'paymentId',
  'refundId',
  'stripeObjectId',
  'stripeBalanceTransactionId',
] as const;
type LedgerColumn = (typeof LEDGER_CSV_COLUMNS)[number];

/**
 * The ledger rows of the days startDate…endDate of the tenant's zone as CSV, oldest first: the
 * same period and rules as GET /v1/tenant-admin/ledger (periodOfDays), so an export and a listing
 * of one period hold the same rows. The period is checked here, before anything is read or sent:
 * a bad one throws ValidationError while the answer can still be a 400.
 */
export function exportLedger(
  scope: TenantScope,
  dates: { startDate: string; endDate: string },
  zone: string,
): CsvExport<LedgerColumn> {
  const period = periodOfDays(dates, zone);
  return {
    filename: `ledger-${dates.startDate}-${dates.endDate}.csv`,
    columns: LEDGER_CSV_COLUMNS,
    records: (async function* () {
      for await (const row of scope.exports.ledger(period)) {
        yield {
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          occurredLocal: localMinute(row.occurredAt, zone),
          kind: row.kind,
          amountCents: row.amountCents,
          amount: majorUnits(row.amountCents, row.currency),
          currency: row.currency,
          appointmentId: row.appointmentId,
          paymentId: row.paymentId,
          refundId: row.refundId,
          stripeObjectId: row.stripeObjectId,
          stripeBalanceTransactionId: row.stripeBalanceTransactionId,
        };
      }
    })(),
  };
}
