import type { ServiceCountsRow } from '../../../domain/reports/service-report.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Client } from '../prisma-client.ts';
import { periodAppointmentsSql, periodRevenue, withRevenue } from '../report-bookings-sql.ts';
import { safeNumber } from './report-numbers.ts';

/** The services report's figures, summed by PostgreSQL. */
export class ServiceReportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * Per service and currency, the appointments starting in [from, to) counted (what counts:
   * domain/reports/service-report.ts) and their ledger rows summed, whenever the money moved: two
   * statements at once (counts, and the ledger join), and the services' names for money with no
   * count row.
   */
  async counts(from: Date, to: Date, now: Date): Promise<ServiceCountsRow[]> {
    const [counted, revenue, names] = await Promise.all([
      this.db.$queryRaw<
        Array<Omit<ServiceCountsRow, 'keptPriceCents' | 'revenueCents'> & { keptPriceCents: bigint }>
      >(serviceCountsSql(this.tenantId, from, to, now)),
      periodRevenue(this.db, this.tenantId, { from, to }, Prisma.sql`a."serviceId"`),
      this.db.service.findMany({ where: { tenantId: this.tenantId }, select: { id: true, name: true } }),
    ]);
    const nameOf = new Map(names.map((service) => [service.id, service.name]));
    return withRevenue(
      counted.map((row) => ({ ...row, keptPriceCents: safeNumber(row.keptPriceCents), revenueCents: 0 })),
      revenue,
      (row) => row.serviceId,
      (serviceId, currency) => ({
        serviceId,
        serviceName: nameOf.get(serviceId) ?? '',
        currency,
        bookings: 0,
        completed: 0,
        cancelledByClient: 0,
        cancelledByAdmin: 0,
        noShows: 0,
        keptBookings: 0,
        keptPriceCents: 0,
        revenueCents: 0,
      }),
    );
  }
}

/** The services report's counts (exported for EXPLAIN in benchmarks). */
export function serviceCountsSql(tenantId: string, from: Date, to: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
      WITH counts AS (
        SELECT "serviceId" AS group_id, currency,
               count(*) FILTER (WHERE booked)::int AS bookings,
               count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
               count(*) FILTER (WHERE booked AND "cancelledBy" = 'CLIENT')::int AS "cancelledByClient",
               count(*) FILTER (WHERE booked AND "cancelledBy" = 'ADMIN')::int AS "cancelledByAdmin",
               count(*) FILTER (WHERE status = 'NO_SHOW')::int AS "noShows",
               count(*) FILTER (WHERE booked AND status <> 'CANCELLED')::int AS "keptBookings",
               coalesce(sum("totalAmountCents") FILTER (WHERE booked AND status <> 'CANCELLED'), 0)::bigint
                 AS "keptPriceCents"
          FROM (${periodAppointmentsSql(tenantId, { from, to, now }, { cancelledBy: true })}) period
         GROUP BY 1, 2)
      SELECT c.group_id::text AS "serviceId", s.name AS "serviceName", c.currency,
             bookings, completed, "cancelledByClient", "cancelledByAdmin", "noShows", "keptBookings",
             "keptPriceCents"
        FROM counts c
        JOIN services s ON s."tenantId" = ${tenantId}::uuid AND s.id = c.group_id`;
}
