import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { reportPeriod, type ReportInterval, type RevenueBasis } from '../domain/reports/revenue-period.ts';
import { revenueByCurrency, type CurrencyRevenue } from '../domain/reports/revenue-report.ts';
import type { OutstandingRow } from '../domain/reports/outstanding.ts';

export interface RevenueReportQuery {
  startDate: string;
  endDate: string;
  interval: ReportInterval;
  basis: RevenueBasis;
}

/**
 * The tenant's revenue over the days startDate…endDate of its zone, per currency and bucket: the
 * ledger summed by PostgreSQL (one statement), every bucket filled in by the domain; and what
 * clients owe at this moment (`outstanding`, not bucketed: one more statement, run alongside).
 */
export async function revenueReport(
  scope: TenantScope,
  query: RevenueReportQuery,
  zone: string,
): Promise<
  RevenueReportQuery & { timezone: string; currencies: CurrencyRevenue[]; outstanding: OutstandingRow[] }
> {
  const period = reportPeriod(query, zone);
  const [sums, outstanding] = await Promise.all([
    scope.reports.revenueSums(query.basis, period),
    scope.reports.outstanding(),
  ]);
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    interval: query.interval,
    basis: query.basis,
    timezone: zone,
    currencies: revenueByCurrency(sums, period.bucketStarts),
    outstanding,
  };
}
