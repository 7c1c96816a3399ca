import type { Period } from '../../../domain/ledger/period.ts';
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
}
