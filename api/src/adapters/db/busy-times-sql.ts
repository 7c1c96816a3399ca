import type { Busy } from '../../domain/availability/slots.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { liveAppointmentSql } from './live-appointment-sql.ts';

/**
 * Time held on some providers and resources within [from, to), in one
 * statement: live appointments (with their buffers) and external busy blocks,
 * one row per provider or resource with its intervals aggregated as text (far
 * cheaper than one driver row per interval on a busy month).
 * Milliseconds come from date_part (double precision): extract() computes in
 * numeric, several times slower over thousands of rows.
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
           string_agg(${interval(Prisma.sql`"occupiedStartUtc"`, Prisma.sql`"occupiedEndUtc"`, Prisma.sql`seats`, Prisma.sql`"sessionKey"`)}, ';') AS intervals
      FROM appointments
     WHERE "tenantId" = ${q.tenantId}::uuid
       AND ${liveAppointmentSql(q.now)}
       AND ("providerId" = ANY(${[...q.providerIds]}::uuid[]) OR "resourceId" = ANY(${[...q.resourceIds]}::uuid[]))
       AND "occupiedStartUtc" < ${new Date(q.to)} AND "occupiedEndUtc" > ${new Date(q.from)}
       AND id <> ${q.excludeAppointmentId ?? NO_APPOINTMENT}::uuid
     GROUP BY "providerId", "resourceId"
    UNION ALL
    SELECT "providerId", NULL::uuid,
           string_agg(${interval(Prisma.sql`"startTimeUtc"`, Prisma.sql`"endTimeUtc"`, Prisma.sql`0`, Prisma.sql`'busy-block:' || id`)}, ';')
      FROM busy_blocks
     WHERE "tenantId" = ${q.tenantId}::uuid
       AND "providerId" = ANY(${[...q.providerIds]}::uuid[])
       AND "startTimeUtc" < ${new Date(q.to)} AND "endTimeUtc" > ${new Date(q.from)}
     GROUP BY "providerId"`;
}

/**
 * One interval as text, "startMs,endMs,seats,sessionKey": plain text aggregates
 * about twice as fast as JSON in PostgreSQL, and session keys (UUIDs, ISO
 * instants, "busy-block:<uuid>") hold no "," or ";".
 */
function interval(start: Prisma.Sql, end: Prisma.Sql, seats: Prisma.Sql, sessionKey: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(date_part('epoch', ${start}) * 1000)::bigint || ',' || (date_part('epoch', ${end}) * 1000)::bigint
    || ',' || ${seats} || ',' || ${sessionKey}`;
}

export function toBusyTimes(rows: readonly BusyRow[]): BusyTimes {
  const busy: BusyTimes = { byProvider: new Map(), byResource: new Map() };
  const add = (map: Map<string, Busy[]>, key: string, entries: Busy[]) => {
    const list = map.get(key);
    if (list) list.push(...entries);
    else map.set(key, entries);
  };
  for (const row of rows) {
    const entries = row.intervals.split(';').map(parseInterval);
    if (row.providerId) add(busy.byProvider, row.providerId, entries);
    if (row.resourceId) add(busy.byResource, row.resourceId, [...entries]);
  }
  return busy;
}

function parseInterval(text: string): Busy {
  const first = text.indexOf(',');
  const second = text.indexOf(',', first + 1);
  const third = text.indexOf(',', second + 1);
  return {
    start: Number(text.slice(0, first)),
    end: Number(text.slice(first + 1, second)),
    seats: Number(text.slice(second + 1, third)),
    sessionKey: text.slice(third + 1),
  };
}
