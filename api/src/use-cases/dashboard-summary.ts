import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { revenueByCurrency } from '../domain/reports/revenue-report.ts';
import { summaryPeriod } from '../domain/reports/summary-period.ts';
import { outstandingTotals } from '../domain/reports/summary-outstanding.ts';
import { weekAgainstWeek } from '../domain/reports/summary-revenue.ts';

/** The console shows this many of today's next appointments. */
export const NEXT_APPOINTMENTS = 10;

/**
 * The console's dashboard at `now`, in the tenant's zone: today's next appointments and count,
 * this week's cash revenue against last week's same span (the revenue report's sums), no-shows
 * this week, and what clients owe (the revenue report's outstanding figures).
 */
export async function dashboardSummary(scope: TenantScope, zone: string, now: Date) {
  const period = summaryPeriod(now, zone);
  const reports = scope.clientReports;
  const [next, today, week, thisWeekSums, lastWeekSums, outstanding] = await Promise.all([
    reports.upcoming(now, period.todayTo, NEXT_APPOINTMENTS),
    reports.countsBetween(period.todayFrom, period.todayTo, now),
    reports.countsBetween(period.weekFrom, period.weekTo, now),
    // Each span lies within one ISO week: one bucket of the revenue report, named by its Monday.
    scope.reports.revenueSums('cash', oneBucket(period.weekFrom, now, period.weekStart)),
    scope.reports.revenueSums(
      'cash',
      oneBucket(period.lastWeekFrom, period.lastWeekTo, period.lastWeekStart),
    ),
    scope.reports.outstanding(),
  ]);
  return {
    timezone: zone,
    now: now.toISOString(),
    today: {
      date: period.today,
      appointments: today.live,
      next: next.map((row) => ({
        id: row.id,
        startTimeUtc: row.startTimeUtc.toISOString(),
        endTimeUtc: row.endTimeUtc.toISOString(),
        clientName: row.clientName,
        serviceName: row.service.name,
        providerName: row.provider?.name ?? null,
        status: row.status,
      })),
    },
    week: {
      start: period.weekStart,
      lastWeekStart: period.lastWeekStart,
      lastWeekUntil: period.lastWeekTo.toISOString(),
      noShows: week.noShows,
      revenue: weekAgainstWeek(
        revenueByCurrency(thisWeekSums, [period.weekStart]),
        revenueByCurrency(lastWeekSums, [period.lastWeekStart]),
      ),
    },
    outstanding: outstandingTotals(outstanding),
  };
}

function oneBucket(from: Date, to: Date, start: string) {
  return { from, to, bucketBounds: [from], bucketStarts: [start] };
}
