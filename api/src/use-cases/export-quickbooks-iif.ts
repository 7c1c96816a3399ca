import type { IifExport } from '../adapters/csv/iif-stream.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import { IIF_HEADER, iifTransaction } from '../domain/quickbooks-export/iif-transaction.ts';

/**
 * The money of the days startDate…endDate of the tenant's zone as a QuickBooks Desktop IIF file
 * (api/README.md, "QuickBooks files"): one balanced journal entry per appointment and day money
 * moved, fees included. The period is checked before anything is read, so a bad one is still a 400.
 */
export function exportQuickbooksIif(
  scope: TenantScope,
  dates: { startDate: string; endDate: string },
  zone: string,
): IifExport {
  const period = periodOfDays(dates, zone);
  return {
    filename: `quickbooks-${dates.startDate}-${dates.endDate}.iif`,
    rows: (async function* () {
      yield* IIF_HEADER;
      for await (const day of scope.exports.quickbooksDays(period, zone)) yield* iifTransaction(day);
    })(),
  };
}
