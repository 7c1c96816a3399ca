import type { Interval } from '../../../domain/availability/intervals.ts';
import type { StoredOverride, StoredRule } from '../../../domain/availability/schedule-resolution.ts';
import type { ProviderActivityRow } from '../../../domain/reports/provider-report.ts';
import { DAY } from '../../../domain/time-units.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Client } from '../prisma-client.ts';
import { periodAppointmentsSql, periodRevenue, withRevenue } from '../report-bookings-sql.ts';
import { safeNumber } from './report-numbers.ts';

/** What the providers report needs to work out each provider's available hours. */
export interface ProviderScheduleData {
  providers: Array<{ id: string; name: string; timezone: string | null; serviceIds: string[] }>;
  services: Array<{ id: string; timezone: string | null }>;
  rules: StoredRule[];
  overrides: StoredOverride[];
  busy: Array<Interval & { providerId: string }>;
}

/** The providers report's reads: the appointment figures summed by PostgreSQL, and the schedules. */
export class ProviderReportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * Per provider and currency, the appointments starting in [from, to): bookings not cancelled,
   * no-shows, the length of their sessions (a class's seats share a sessionKey and count once)
   * and their ledger rows summed: two statements at once (counts, and the ledger join).
   */
  async activity(from: Date, to: Date, now: Date): Promise<ProviderActivityRow[]> {
    const [rows, revenue] = await Promise.all([
      this.db.$queryRaw<
        Array<{ providerId: string; currency: string; bookings: number; noShows: number; bookedMs: bigint }>
      >(providerActivitySql(this.tenantId, from, to, now)),
      periodRevenue(this.db, this.tenantId, { from, to }, Prisma.sql`a."providerId"`),
    ]);
    return withRevenue(
      rows.map((row) => ({
        providerId: row.providerId,
        currency: row.currency,
        bookings: row.bookings,
        noShows: row.noShows,
        bookedMilliseconds: safeNumber(row.bookedMs),
        revenueCents: 0,
      })),
      revenue,
      (row) => row.providerId,
      (providerId, currency) => ({
        providerId,
        currency,
        bookings: 0,
        noShows: 0,
        bookedMilliseconds: 0,
        revenueCents: 0,
      }),
    );
  }

  /**
   * The tenant's providers (active ones, and any with appointments in [from, to)) with the
   * services they perform, every weekly rule, the date overrides around the period and the busy
   * blocks overlapping it: configuration, not appointment rows. One statement.
   */
  async scheduleData(from: Date, to: Date): Promise<ProviderScheduleData> {
    const t = this.tenantId;
    // Local dates differ from UTC dates by at most a day; two days of margin is safe.
    const firstDate = new Date(from.getTime() - 2 * DAY).toISOString().slice(0, 10);
    const lastDate = new Date(to.getTime() + 2 * DAY).toISOString().slice(0, 10);
    const [row] = await this.db.$queryRaw<
      Array<{ providers: string; services: string; rules: string; overrides: string; busy: string }>
    >`
      SELECT
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'timezone', p.timezone,
                  'serviceIds', (SELECT coalesce(json_agg(ps."serviceId"), '[]') FROM provider_services ps
                                  WHERE ps."tenantId" = p."tenantId" AND ps."providerId" = p.id))), '[]')
           FROM providers p
          WHERE p."tenantId" = ${t}::uuid
            AND (p.active OR EXISTS (SELECT 1 FROM appointments a
                  WHERE a."tenantId" = p."tenantId" AND a."providerId" = p.id
                    AND a."startTimeUtc" >= ${from} AND a."startTimeUtc" < ${to}))
        )::text AS providers,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'timezone', timezone)), '[]')
           FROM services WHERE "tenantId" = ${t}::uuid)::text AS services,
        (SELECT coalesce(json_agg(json_build_object(
                  'providerId', "providerId", 'serviceId', "serviceId", 'dayOfWeek', "dayOfWeek",
                  'startTime', "startTime", 'endTime', "endTime",
                  'effectiveFrom', "effectiveFrom", 'effectiveTo', "effectiveTo")), '[]')
           FROM availability_rules WHERE "tenantId" = ${t}::uuid)::text AS rules,
        (SELECT coalesce(json_agg(json_build_object(
                  'providerId', "providerId", 'date', date, 'closed', closed,
                  'startTime', "startTime", 'endTime', "endTime")), '[]')
           FROM availability_overrides
          WHERE "tenantId" = ${t}::uuid AND date BETWEEN ${firstDate}::date AND ${lastDate}::date)::text AS overrides,
        (SELECT coalesce(json_agg(json_build_object('providerId', "providerId",
                  'start', (extract(epoch FROM "startTimeUtc") * 1000)::bigint,
                  'end', (extract(epoch FROM "endTimeUtc") * 1000)::bigint)), '[]')
           FROM busy_blocks
          WHERE "tenantId" = ${t}::uuid AND "startTimeUtc" < ${to} AND "endTimeUtc" > ${from})::text AS busy`;
    return {
      providers: JSON.parse(row!.providers) as ProviderScheduleData['providers'],
      services: JSON.parse(row!.services) as ProviderScheduleData['services'],
      rules: JSON.parse(row!.rules) as StoredRule[],
      overrides: JSON.parse(row!.overrides) as StoredOverride[],
      busy: JSON.parse(row!.busy) as ProviderScheduleData['busy'],
    };
  }
}

/** The providers report's appointment statement (exported for EXPLAIN in benchmarks). */
export function providerActivitySql(tenantId: string, from: Date, to: Date, now: Date): Prisma.Sql {
  const period = periodAppointmentsSql(tenantId, { from, to, now }, { cancelledBy: false });
  // A 1:1 booking's sessionKey is its own id (take-slot.ts), so only class seats need the
  // sessions grouped to count a session once; summing the rest directly keeps the big GROUP BY
  // (one group per appointment) out of the plan.
  return Prisma.sql`
      WITH counts AS (
        SELECT "providerId" AS group_id, currency, count(*)::int AS bookings,
               count(*) FILTER (WHERE status = 'NO_SHOW')::int AS "noShows",
               coalesce(sum(ms) FILTER (WHERE "sessionKey" = id::text), 0) AS single_ms
          FROM (${period}) p
         WHERE "providerId" IS NOT NULL AND booked AND status <> 'CANCELLED'
         GROUP BY 1, 2),
      classes AS (
        SELECT group_id, currency, sum(ms) AS class_ms
          FROM (SELECT "providerId" AS group_id, currency, "sessionKey", max(ms) AS ms
                  FROM (${period}) p
                 WHERE "providerId" IS NOT NULL AND booked AND status <> 'CANCELLED' AND "sessionKey" <> id::text
                 GROUP BY 1, 2, 3) sessions
         GROUP BY 1, 2)
      SELECT group_id::text AS "providerId", currency,
             bookings, "noShows", (coalesce(single_ms, 0) + coalesce(class_ms, 0))::bigint AS "bookedMs"
        FROM counts
        LEFT JOIN classes USING (group_id, currency)
       WHERE group_id IS NOT NULL`;
}
