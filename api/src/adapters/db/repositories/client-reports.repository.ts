import { Prisma } from '../../../generated/prisma/client.ts';
import type { ClientPosition } from '../../../domain/reports/client-cursor.ts';
import type { ClientFigures, ClientMoney } from '../../../domain/reports/client-report.ts';
import type { Client } from '../prisma-client.ts';

/** The clients of a period, narrowed by a search, as the report's statements read them. */
export interface ClientFilter {
  from: Date;
  to: Date;
  /** Found in the client's latest name or email, case-insensitive; literal (no wildcards). */
  q?: string | undefined;
}

/**
 * What a client owes now on one appointment, as domain/payments/amount-due.ts computes it, in SQL
 * for a client's totals (client-history.test.ts compares it with the appointments' amountDueCents).
 * adapters/db/outstanding-sql.ts has the same rule without the CANCELLED case (it never reads those).
 */
const AMOUNT_DUE = Prisma.sql`CASE
  WHEN a.status = 'CANCELLED' THEN 0
  WHEN a.status = 'NO_SHOW' THEN greatest(0, a."noShowFeeCents" - (a."paidCents" - a."refundedCents"))
  WHEN a."refundedCents" > 0 THEN 0
  ELSE greatest(0, a."totalAmountCents" - a."paidCents") END`;

/** The appointments of the history: at most this many, newest first (totals count them all). */
export const HISTORY_LIMIT = 1_000;

/**
 * Reads for the clients report, one client's history and the dashboard summary: aggregates
 * computed by PostgreSQL. A client is lower("clientEmail") within the tenant; one client's rows are
 * found through the index appointments_tenantId_client_email_idx (migration
 * 20261210020000_client_report_indexes).
 */
export class ClientReportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * A page of the period's clients (with the search): up to `take` after `after`, by
   * (lower(name), email), with their figures, and the count of all of them and of the repeat
   * ones. One statement and one pass over the tenant's appointments (grouped by client, keeping
   * those with an appointment in the period), so a page costs the same wherever it starts.
   */
  async page(
    filter: ClientFilter,
    after: ClientPosition | undefined,
    take: number,
    repeatVisits: number,
  ): Promise<{ clients: number; repeatClients: number; rows: ClientFigures[] }> {
    const inPeriod = Prisma.sql`a."startTimeUtc" >= ${filter.from} AND a."startTimeUtc" < ${filter.to}`;
    const search =
      filter.q === undefined
        ? Prisma.empty
        : // strpos, not LIKE: every character of q is literal, % and _ included.
          Prisma.sql`WHERE strpos(lower(name), lower(${filter.q})) > 0 OR strpos(email, lower(${filter.q})) > 0`;
    const cursor = after
      ? Prisma.sql`WHERE (name_key, email) > (${after.nameKey}, ${after.email})`
      : Prisma.empty;
    const rows = await this.db.$queryRaw<
      Array<{
        clients: number;
        repeat_clients: number;
        email: string | null;
        name: string;
        name_key: string;
        bookings: number;
        visits: number;
        no_shows: number;
        cancellations: number;
        lifetime_visits: number;
        first_visit: Date | null;
        last_visit: Date | null;
      }>
    >`
      WITH clients AS (
        SELECT lower(a."clientEmail") AS email,
               -- The name on the latest appointment (by start; the latest booked on a tie).
               (array_agg(a."clientName" ORDER BY a."startTimeUtc" DESC, a."createdAt" DESC, a.id DESC))[1] AS name,
               (count(*) FILTER (WHERE ${inPeriod}))::int AS bookings,
               (count(*) FILTER (WHERE ${inPeriod} AND a.status = 'COMPLETED'))::int AS visits,
               (count(*) FILTER (WHERE ${inPeriod} AND a.status = 'NO_SHOW'))::int AS no_shows,
               (count(*) FILTER (WHERE ${inPeriod} AND a.status = 'CANCELLED'))::int AS cancellations,
               (count(*) FILTER (WHERE a.status = 'COMPLETED'))::int AS lifetime_visits,
               min(a."startTimeUtc") FILTER (WHERE a.status = 'COMPLETED') AS first_visit,
               max(a."startTimeUtc") FILTER (WHERE a.status = 'COMPLETED') AS last_visit
          FROM appointments a
         WHERE a."tenantId" = ${this.tenantId}::uuid
         GROUP BY 1
        HAVING count(*) FILTER (WHERE ${inPeriod}) > 0
      ), matching AS (
        SELECT clients.*, lower(name) AS name_key FROM clients ${search}
      ), totals AS (
        SELECT count(*)::int AS clients,
               (count(*) FILTER (WHERE lifetime_visits >= ${repeatVisits}))::int AS repeat_clients
          FROM matching
      ), page AS (
        SELECT * FROM matching ${cursor} ORDER BY name_key, email LIMIT ${take}
      )
      SELECT totals.*, page.* FROM totals LEFT JOIN page ON true
       ORDER BY page.name_key, page.email`;
    const first = rows[0];
    return {
      clients: first?.clients ?? 0,
      repeatClients: first?.repeat_clients ?? 0,
      // A page past the last client is the totals' row alone, with nulls for the page's columns.
      rows: rows
        .filter((row) => row.email !== null)
        .map((row) => ({
          email: row.email!,
          name: row.name,
          nameKey: row.name_key,
          bookings: row.bookings,
          visits: row.visits,
          noShows: row.no_shows,
          cancellations: row.cancellations,
          lifetimeVisits: row.lifetime_visits,
          firstVisit: row.first_visit,
          lastVisit: row.last_visit,
        })),
    };
  }

  /** The net ledger money of all the appointments of `emails` (lower-cased), per client and currency. */
  async money(emails: readonly string[]): Promise<ClientMoney[]> {
    if (emails.length === 0) return [];
    const rows = await this.db.$queryRaw<Array<{ email: string; currency: string; cents: bigint }>>`
      SELECT lower(a."clientEmail") AS email, l.currency, sum(l."amountCents")::bigint AS cents
        FROM appointments a
        JOIN ledger_entries l ON l."tenantId" = a."tenantId" AND l."appointmentId" = a.id
       WHERE a."tenantId" = ${this.tenantId}::uuid AND lower(a."clientEmail") IN (${Prisma.join(emails)})
       GROUP BY 1, 2`;
    return rows.map((row) => ({ email: row.email, currency: row.currency, netCents: safeNumber(row.cents) }));
  }

  /** One client's appointments, newest first (at most `take`), with service, provider, payments and refunds. */
  async history(email: string, take = HISTORY_LIMIT) {
    const ids = await this.db.$queryRaw<Array<{ id: string }>>`
      SELECT a.id FROM appointments a
       WHERE a."tenantId" = ${this.tenantId}::uuid AND lower(a."clientEmail") = lower(${email})
       ORDER BY a."startTimeUtc" DESC, a.id DESC
       LIMIT ${take}`;
    if (ids.length === 0) return [];
    const appointments = await this.db.appointment.findMany({
      where: { tenantId: this.tenantId, id: { in: ids.map((row) => row.id) } },
      include: {
        service: { select: { id: true, name: true } },
        provider: { select: { id: true, name: true } },
        payments: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: { refunds: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
        },
      },
      orderBy: [{ startTimeUtc: 'desc' }, { id: 'desc' }],
    });
    const nets = await this.db.ledgerEntry.groupBy({
      by: ['appointmentId', 'currency'],
      where: { tenantId: this.tenantId, appointmentId: { in: appointments.map((row) => row.id) } },
      _sum: { amountCents: true },
    });
    return appointments.map((appointment) => ({
      ...appointment,
      ledger: nets
        .filter((net) => net.appointmentId === appointment.id)
        .map((net) => ({ currency: net.currency, netCents: net._sum.amountCents ?? 0 })),
    }));
  }

  /** One client's totals over all their appointments, per currency (booked and ledger currencies alike). */
  async historyTotals(email: string) {
    const rows = await this.db.$queryRaw<
      Array<{
        currency: string;
        appointments: number;
        paid: bigint;
        refunded: bigint;
        due: bigint;
        net: bigint;
      }>
    >`
      WITH mine AS (
        SELECT a.* FROM appointments a
         WHERE a."tenantId" = ${this.tenantId}::uuid AND lower(a."clientEmail") = lower(${email})
      ), booked AS (
        SELECT a.currency, count(*)::int AS appointments, sum(a."paidCents") AS paid,
               sum(a."refundedCents") AS refunded, sum(${AMOUNT_DUE}) AS due
          FROM mine a GROUP BY 1
      ), moved AS (
        SELECT l.currency, sum(l."amountCents") AS net
          FROM mine a JOIN ledger_entries l ON l."tenantId" = a."tenantId" AND l."appointmentId" = a.id
         GROUP BY 1
      )
      SELECT currency, coalesce(b.appointments, 0)::int AS appointments, coalesce(b.paid, 0)::bigint AS paid,
             coalesce(b.refunded, 0)::bigint AS refunded, coalesce(b.due, 0)::bigint AS due,
             coalesce(m.net, 0)::bigint AS net
        FROM booked b FULL JOIN moved m USING (currency)
       ORDER BY currency`;
    return rows.map((row) => ({
      currency: row.currency,
      appointments: row.appointments,
      paidCents: safeNumber(row.paid),
      refundedCents: safeNumber(row.refunded),
      amountDueCents: safeNumber(row.due),
      netCents: safeNumber(row.net),
    }));
  }

  /** Live appointments starting in [now, until), soonest first: not cancelled, not an expired hold. */
  async upcoming(now: Date, until: Date, take: number) {
    return this.db.appointment.findMany({
      select: {
        id: true,
        startTimeUtc: true,
        endTimeUtc: true,
        status: true,
        clientName: true,
        service: { select: { name: true } },
        provider: { select: { name: true } },
      },
      where: {
        tenantId: this.tenantId,
        startTimeUtc: { gte: now, lt: until },
        status: { not: 'CANCELLED' },
        NOT: { status: 'PENDING', holdExpiresAt: { lte: now } },
      },
      orderBy: [{ startTimeUtc: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** Appointments starting in [from, to), in one pass: all but cancelled ones and expired holds, and no-shows. */
  async countsBetween(from: Date, to: Date, now: Date): Promise<Record<'live' | 'noShows', number>> {
    const [row] = await this.db.$queryRaw<Array<{ live: number; no_shows: number }>>`
      SELECT (count(*) FILTER (WHERE a.status <> 'CANCELLED'
                AND NOT (a.status = 'PENDING' AND a."holdExpiresAt" <= ${now})))::int AS live,
             (count(*) FILTER (WHERE a.status = 'NO_SHOW'))::int AS no_shows
        FROM appointments a
       WHERE a."tenantId" = ${this.tenantId}::uuid AND a."startTimeUtc" >= ${from} AND a."startTimeUtc" < ${to}`;
    return { live: row?.live ?? 0, noShows: row?.no_shows ?? 0 };
  }
}

function safeNumber(value: bigint | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`A sum past the safe integer range: ${value}`);
  return number;
}
