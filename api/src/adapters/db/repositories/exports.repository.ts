import { Prisma } from '../../../generated/prisma/client.ts';
import type { Period } from '../../../domain/ledger/period.ts';
import {
  kindsOf,
  MONEY_LINES,
  type MoneyDay,
  type MoneyLine,
} from '../../../domain/quickbooks-export/money-day.ts';
import type { Client } from '../prisma-client.ts';

/** Rows per statement: big enough that a quarter of a busy tenant is a few hundred statements, small enough to hold. */
export const EXPORT_BATCH_SIZE = 1_000;

const ledgerColumns = {
  id: true,
  occurredAt: true,
  kind: true,
  amountCents: true,
  currency: true,
  appointmentId: true,
  paymentId: true,
  refundId: true,
  stripeObjectId: true,
  stripeBalanceTransactionId: true,
} as const;

const appointmentColumns = {
  id: true,
  startTimeUtc: true,
  endTimeUtc: true,
  status: true,
  paymentStatus: true,
  serviceId: true,
  providerId: true,
  clientName: true,
  clientEmail: true,
  clientPhone: true,
  seats: true,
  currency: true,
  totalAmountCents: true,
  noShowFeeCents: true,
  paidCents: true,
  refundedCents: true,
  createdAt: true,
  service: { select: { name: true } },
  provider: { select: { name: true } },
} as const;

/**
 * Every row of a period for a CSV export, oldest first, read in keyset batches over
 * (instant, id): each batch is one statement that starts after the last row of the one before, so
 * memory holds one batch whatever the period's size, and no connection is held between batches (a
 * slow download never keeps one from the pool). Rows written during an export are in it or not
 * depending on where it has got to; the ledger is append-only, so nothing read changes meanwhile.
 */
export class ExportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** Ledger rows whose money moved in [from, to), by (occurredAt, id). */
  async *ledger(period: Period, batchSize = EXPORT_BATCH_SIZE) {
    let after: { occurredAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await this.db.ledgerEntry.findMany({
        select: ledgerColumns,
        where: {
          tenantId: this.tenantId,
          occurredAt: { gte: period.from, lt: period.to },
          ...(after && {
            OR: [
              { occurredAt: { gt: after.occurredAt } },
              { occurredAt: after.occurredAt, id: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        take: batchSize,
      });
      yield* rows;
      if (rows.length < batchSize) return;
      after = rows.at(-1);
    }
  }

  /** Appointments (any status) starting in [from, to), by (startTimeUtc, id), with their service's and provider's names. */
  async *appointments(period: Period, batchSize = EXPORT_BATCH_SIZE) {
    let after: { startTimeUtc: Date; id: string } | undefined;
    for (;;) {
      const rows = await this.db.appointment.findMany({
        select: appointmentColumns,
        where: {
          tenantId: this.tenantId,
          startTimeUtc: { gte: period.from, lt: period.to },
          ...(after && {
            OR: [
              { startTimeUtc: { gt: after.startTimeUtc } },
              { startTimeUtc: after.startTimeUtc, id: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ startTimeUtc: 'asc' }, { id: 'asc' }],
        take: batchSize,
      });
      yield* rows;
      if (rows.length < batchSize) return;
      after = rows.at(-1);
    }
  }

  /**
   * The QuickBooks files' unit: each appointment's money per local day of `zone` and currency in
   * [from, to), summed per QuickBooks line by PostgreSQL (one GROUP BY per batch), with the
   * appointment's client, service and invoice (LEFT JOIN: none before invoices are issued). Read
   * in keyset batches over (day, appointmentId, currency), the GROUP BY's own key, so each
   * batch's WHERE skips the rows of the groups already sent.
   */
  async *quickbooksDays(
    period: Period,
    zone: string,
    batchSize = EXPORT_BATCH_SIZE,
  ): AsyncGenerator<MoneyDay> {
    const sums = Prisma.join(
      MONEY_LINES.map(
        (line) =>
          Prisma.sql`coalesce(sum(e."amountCents") FILTER (WHERE e.kind::text IN (${Prisma.join(kindsOf(line))})), 0)::bigint AS ${Prisma.raw(`"${line}"`)}`,
      ),
    );
    const day = Prisma.sql`to_char(e."occurredAt" AT TIME ZONE ${zone}, 'YYYY-MM-DD')`;
    let after: { day: string; appointmentId: string; currency: string } | undefined;
    for (;;) {
      const rows = await this.db.$queryRaw<Array<QuickBooksDayRow>>`
        SELECT g.day, g."appointmentId"::text AS "appointmentId", g.currency,
               s.name AS "serviceName", a."clientName", a."clientEmail",
               to_char(a."startTimeUtc" AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS "serviceDay",
               i.number AS "invoiceNumber",
               to_char(i."issuedAt" AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS "invoiceDay",
               g.payments, g."noShowFees", g.refunds, g.disputes, g."stripeFees", g."platformFees"
          FROM (SELECT ${day} AS day, e."appointmentId", e.currency, ${sums}
                  FROM ledger_entries e
                 WHERE e."tenantId" = ${this.tenantId}::uuid
                   AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
                   ${after ? Prisma.sql`AND (${day}, e."appointmentId", e.currency::text) > (${after.day}, ${after.appointmentId}::uuid, ${after.currency})` : Prisma.empty}
                 GROUP BY 1, 2, 3
                 ORDER BY 1, 2, 3
                 LIMIT ${batchSize}) g
          JOIN appointments a ON a."tenantId" = ${this.tenantId}::uuid AND a.id = g."appointmentId"
          JOIN services s ON s."tenantId" = ${this.tenantId}::uuid AND s.id = a."serviceId"
          LEFT JOIN LATERAL (
                SELECT number, "issuedAt" FROM invoices
                 WHERE "tenantId" = ${this.tenantId}::uuid AND "appointmentId" = g."appointmentId"
                 ORDER BY number LIMIT 1) i ON true
         ORDER BY g.day, g."appointmentId", g.currency`;
      for (const row of rows) {
        yield {
          day: row.day,
          appointmentId: row.appointmentId,
          currency: row.currency,
          serviceName: row.serviceName,
          clientName: row.clientName,
          clientEmail: row.clientEmail,
          serviceDay: row.serviceDay,
          invoiceNumber: row.invoiceNumber,
          invoiceDay: row.invoiceDay,
          sums: Object.fromEntries(MONEY_LINES.map((line) => [line, safeNumber(row[line])])) as Record<
            MoneyLine,
            number
          >,
        };
      }
      if (rows.length < batchSize) return;
      after = rows.at(-1);
    }
  }
}

type QuickBooksDayRow = Omit<MoneyDay, 'sums'> & Record<MoneyLine, bigint>;

function safeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`A sum past the safe integer range: ${value}`);
  return number;
}
