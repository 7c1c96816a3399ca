import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { providerLines, type ProviderLine } from '../domain/reports/provider-report.ts';
import { availableMilliseconds } from '../domain/reports/provider-hours.ts';
import { providerSchedules } from '../domain/reports/provider-schedules.ts';
import { reportPeriod } from '../domain/reports/revenue-period.ts';
import type { ReportDays } from './service-report.ts';

/**
 * Per provider, over the days startDate…endDate of the tenant's zone: booked and available hours,
 * utilisation, no-shows and revenue per currency. The appointment figures are summed by
 * PostgreSQL (one statement); the available hours are worked out here from the schedules (the
 * slot engine's domain code, per provider and day), less the busy blocks.
 */
export async function providerReport(
  scope: TenantScope,
  query: ReportDays,
  zone: string,
  now: Date,
): Promise<ReportDays & { timezone: string; providers: ProviderLine[] }> {
  const { from, to } = reportPeriod({ ...query, interval: 'month' }, zone);
  const [activity, data] = await Promise.all([
    scope.providerReports.activity(from, to, now),
    scope.providerReports.scheduleData(from, to),
  ]);
  const providers = data.providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    availableMilliseconds: availableMilliseconds(
      providerSchedules(provider, data, zone),
      data.busy.filter((block) => block.providerId === provider.id),
      from.getTime(),
      to.getTime(),
    ),
  }));
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    timezone: zone,
    providers: providerLines(providers, activity),
  };
}
