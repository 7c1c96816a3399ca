import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { reportPeriod } from '../domain/reports/revenue-period.ts';
import { serviceLines, type ServiceLine } from '../domain/reports/service-report.ts';

export interface ReportDays {
  startDate: string;
  endDate: string;
}

/**
 * Per service and currency, the tenant's appointments starting on the days startDate…endDate of
 * its zone (at most a year, as the revenue report): counted and summed by PostgreSQL in one
 * statement (what counts: domain/reports/service-report.ts).
 */
export async function serviceReport(
  scope: TenantScope,
  query: ReportDays,
  zone: string,
  now: Date,
): Promise<ReportDays & { timezone: string; services: ServiceLine[] }> {
  const { from, to } = reportPeriod({ ...query, interval: 'month' }, zone);
  const rows = await scope.serviceReports.counts(from, to, now);
  return { startDate: query.startDate, endDate: query.endDate, timezone: zone, services: serviceLines(rows) };
}
