import type { Busy } from '../../domain/availability/slots.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { liveAppointmentSql } from './live-appointment-sql.ts';

/**
 * Time held on some providers and resources within [from, to), in one
 * statement: live appointments (with their buffers) and external busy blocks,
 * one row per provider or resource with its intervals as a JSON array (parsed
 * natively; far cheaper than one driver row per interval on a busy month).
 * Milliseconds come from date_part (double precision), rounded: extract()
 * computes in numeric, several times slower over thousands of rows.
 */

export interface BusyTimes {
  byProvider: Map<string, Busy[]>;
  byResource: Map<string, Busy[]>;
}

export interface BusyTimesQuery {
  tenantId: string;
  providerIds: readonly string[];
  resourceIds: readonly string[];
  from: number;
  to: number;
  now: Date;
  /** An appointment being moved does not stand in its own way. */
  excludeAppointmentId?: string | undefined;
}

export interface BusyRow {
  providerId: string | null;
  resourceId: string | null;
  intervals: string;
}

const NO_APPOINTMENT = '00000000-0000-0000-0000-000000000000';

export function busyTimesSql(q: BusyTimesQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT "providerId", "resourceId",
           json_agg(json_build_array(
             round(date_part('epoch', "occupiedStartUtc") * 1000),
             round(date_part('epoch', "occupiedEndUtc") * 1000),
             "sessionKey", seats))::text AS intervals
      FROM appointments
     WHERE "tenantId" = ${q.tenantId}::uuid
       AND ${liveAppointmentSql(q.now)}
       AND ("providerId" = ANY(${[...q.providerIds]}::uuid[]) OR "resourceId" = ANY(${[...q.resourceIds]}::uuid[]))
       AND "occupiedStartUtc" < ${new Date(q.to)} AND "occupiedEndUtc" > ${new Date(q.from)}
       AND id <> ${q.excludeAppointmentId ?? NO_APPOINTMENT}::uuid
     GROUP BY "providerId", "resourceId"
    UNION ALL
    SELECT "providerId", NULL::uuid,
           json_agg(json_build_array(
             round(date_part('epoch', "startTimeUtc") * 1000),
             round(date_part('epoch', "endTimeUtc") * 1000),
             'busy-block:' || id, 0))::text
      FROM busy_blocks
     WHERE "tenantId" = ${q.tenantId}::uuid
       AND "providerId" = ANY(${[...q.providerIds]}::uuid[])
       AND "startTimeUtc" < ${new Date(q.to)} AND "endTimeUtc" > ${new Date(q.from)}
     GROUP BY "providerId"`;
}

export function toBusyTimes(rows: readonly BusyRow[]): BusyTimes {
  const busy: BusyTimes = { byProvider: new Map(), byResource: new Map() };
  const add = (map: Map<string, Busy[]>, key: string, entries: Busy[]) => {
    const list = map.get(key);
    if (list) list.push(...entries);
    else map.set(key, entries);
  };
  for (const row of rows) {
    const entries = (JSON.parse(row.intervals) as Array<[number, number, string, number]>).map(
      ([start, end, sessionKey, seats]) => ({ start, end, sessionKey, seats }),
    );
    if (row.providerId) add(busy.byProvider, row.providerId, entries);
    if (row.resourceId) add(busy.byResource, row.resourceId, [...entries]);
  }
  return busy;
}
