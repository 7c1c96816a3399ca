import { Prisma } from '../../generated/prisma/client.ts';
import type { Client } from './prisma-client.ts';
import { safeNumber } from './repositories/report-numbers.ts';

/**
 * The appointments of one tenant starting in [from, to), as a subquery for the services and
 * providers reports, with `booked`: whether the appointment is a booking (domain/reports/
 * service-report.ts): confirmed at some point (CONFIRMED, COMPLETED and NO_SHOW always are; a
 * CANCELLED one only if confirmedAt is set), or a hold still live at `now`. An expired hold is
 * CANCELLED by the system (or still PENDING until the next booking nearby releases it), never
 * confirmed: not a booking. With `cancelledBy`, also the actor of its CANCELLED event (CLIENT or
 * ADMIN; a booking is cancelled once), looked up (one index probe) for cancelled bookings only.
 */
export function periodAppointmentsSql(
  tenantId: string,
  period: { from: Date; to: Date; now: Date },
  options: { cancelledBy: boolean },
): Prisma.Sql {
  const cancelledBy = options.cancelledBy
    ? Prisma.sql`,
           CASE WHEN appointments.status = 'CANCELLED' AND appointments."confirmedAt" IS NOT NULL THEN
             (SELECT e.actor::text FROM appointment_events e
               WHERE e."tenantId" = appointments."tenantId" AND e."appointmentId" = appointments.id
                 AND e.type = 'CANCELLED'
               ORDER BY e.seq DESC LIMIT 1)
           END AS "cancelledBy"`
    : Prisma.empty;
  return Prisma.sql`
    SELECT appointments.id, appointments."serviceId", appointments."providerId", appointments.currency,
           appointments.status, appointments."totalAmountCents", appointments."sessionKey",
           extract(epoch FROM appointments."endTimeUtc" - appointments."startTimeUtc") * 1000 AS ms,
           (appointments."confirmedAt" IS NOT NULL
             OR appointments.status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')
             OR (appointments.status = 'PENDING' AND appointments."holdExpiresAt" > ${period.now})) AS booked
           ${cancelledBy}
      FROM appointments
     WHERE appointments."tenantId" = ${tenantId}::uuid
       AND appointments."startTimeUtc" >= ${period.from} AND appointments."startTimeUtc" < ${period.to}`;
}

/**
 * The net ledger money of the appointments starting in [from, to), per `groupColumn` (of
 * `appointments a`) and currency (service basis: every row, whenever it moved). Its own scan of
 * the period's appointments (only the columns it needs), hash-joined to the tenant's ledger: the
 * reports run it as a statement of its own beside their counts (periodRevenue below), so over a
 * year the two scans take one core each instead of adding up.
 */
export function periodRevenueSql(
  tenantId: string,
  period: { from: Date; to: Date },
  groupColumn: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
    SELECT ${groupColumn}::text AS group_id, l.currency, sum(l."amountCents")::bigint AS revenue
      FROM appointments a
      JOIN ledger_entries l ON l."tenantId" = a."tenantId" AND l."appointmentId" = a.id
     WHERE a."tenantId" = ${tenantId}::uuid AND a."startTimeUtc" >= ${period.from} AND a."startTimeUtc" < ${period.to}
     GROUP BY 1, 2`;
}

/** One group's net ledger money in one currency (periodRevenueSql's rows). */
export interface GroupRevenue {
  groupId: string;
  currency: string;
  revenueCents: number;
}

/** periodRevenueSql run on `db`, its sums as numbers. */
export async function periodRevenue(
  db: Client,
  tenantId: string,
  period: { from: Date; to: Date },
  groupColumn: Prisma.Sql,
): Promise<GroupRevenue[]> {
  const rows = await db.$queryRaw<Array<{ group_id: string | null; currency: string; revenue: bigint }>>(
    periodRevenueSql(tenantId, period, groupColumn),
  );
  return rows.flatMap((row) =>
    row.group_id === null
      ? []
      : [{ groupId: row.group_id, currency: row.currency, revenueCents: safeNumber(row.revenue) }],
  );
}

/**
 * `rows` (one per group and currency) with their revenue added. A group and currency with money
 * but no row (money in a currency none of its appointments is priced in, or a booking made
 * between the two statements) gets a row of its own from `empty`.
 */
export function withRevenue<Row extends { currency: string; revenueCents: number }>(
  rows: readonly Row[],
  revenue: readonly GroupRevenue[],
  groupOf: (row: Row) => string,
  empty: (groupId: string, currency: string) => Row,
): Row[] {
  const key = (groupId: string, currency: string) => `${groupId} ${currency}`;
  const byKey = new Map(rows.map((row) => [key(groupOf(row), row.currency), { ...row }]));
  for (const money of revenue) {
    const at = key(money.groupId, money.currency);
    const row = byKey.get(at) ?? empty(money.groupId, money.currency);
    row.revenueCents += money.revenueCents;
    byKey.set(at, row);
  }
  return [...byKey.values()];
}
