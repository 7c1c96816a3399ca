import type { CsvExport } from '../adapters/csv/csv-stream.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import {
  QBO_INVOICE_COLUMNS,
  qboInvoiceRows,
  type QboInvoiceColumn,
} from '../domain/quickbooks-export/qbo-invoice-rows.ts';

/**
 * The sales of the days startDate…endDate of the tenant's zone as a QuickBooks Online invoice
 * import file (api/README.md, "QuickBooks files"): one invoice per appointment and day money
 * moved (cash basis), a row per line. The period is checked before anything is read, so a bad
 * one is still a 400.
 */
export function exportQuickbooksCsv(
  scope: TenantScope,
  dates: { startDate: string; endDate: string },
  zone: string,
): CsvExport<QboInvoiceColumn> {
  const period = periodOfDays(dates, zone);
  return {
    filename: `quickbooks-${dates.startDate}-${dates.endDate}.csv`,
    columns: QBO_INVOICE_COLUMNS,
    records: (async function* () {
      for await (const day of scope.exports.quickbooksDays(period, zone)) yield* qboInvoiceRows(day);
    })(),
  };
}
