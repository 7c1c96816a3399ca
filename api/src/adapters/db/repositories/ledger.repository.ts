import type { KindSum } from '../../../domain/ledger/totals.ts';
import type { LedgerEntry } from '../../../generated/prisma/client.ts';
import type { LedgerEntryKind } from '../../../generated/prisma/enums.ts';
import type { LedgerEntryDto } from '../../../schemas/ledger.schemas.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import type { Client } from '../prisma-client.ts';

export interface NewLedgerEntry {
  appointmentId: string;
  paymentId?: string | null;
  refundId?: string | null;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
  stripeObjectId: string | null;
  stripeBalanceTransactionId: string | null;
  occurredAt: Date;
}

/**
 * Writes to the ledger (append-only: the database refuses UPDATE and DELETE). A Stripe movement
 * already recorded (same kind and Stripe object) is skipped, so recording it again after a
 * duplicated webhook or a retried confirmation changes nothing.
 */
export class LedgerRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** Appends `entries` (zero amounts are left out: the ledger holds movements only). */
  async append(entries: readonly NewLedgerEntry[]): Promise<number> {
    const data = entries
      .filter((entry) => entry.amountCents !== 0)
      .map((entry) => ({ ...entry, tenantId: this.tenantId }));
    if (data.length === 0) return 0;
    const { count } = await this.db.ledgerEntry.createMany({ data, skipDuplicates: true });
    return count;
  }

  async forAppointment(appointmentId: string) {
    return this.db.ledgerEntry.findMany({
      where: { tenantId: this.tenantId, appointmentId },
      orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }],
    });
  }

  /** One page of the rows that happened in [from, to), oldest first (ties by id, so pages never overlap). */
  async list(from: Date, to: Date, query: { cursor?: string; limit: number }): Promise<Page<LedgerEntryDto>> {
    const page = pageQuery(query.cursor, query.limit, 'occurredAt');
    const rows = await this.db.ledgerEntry.findMany({
      ...page,
      where: { ...page.where, tenantId: this.tenantId, occurredAt: { gte: from, lt: to } },
    });
    return toPage(rows, query.limit, toLedgerEntryDto, 'occurredAt');
  }

  /**
   * The sums of the rows that happened in [from, to) per currency and kind: one GROUP BY in
   * PostgreSQL, so the totals of a long period cost one statement and no rows in memory.
   */
  async sumsByCurrencyAndKind(from: Date, to: Date): Promise<KindSum[]> {
    const groups = await this.db.ledgerEntry.groupBy({
      by: ['currency', 'kind'],
      where: { tenantId: this.tenantId, occurredAt: { gte: from, lt: to } },
      _sum: { amountCents: true },
    });
    return groups.map((group) => ({
      currency: group.currency,
      kind: group.kind,
      cents: group._sum.amountCents ?? 0,
    }));
  }

  /**
   * The rows of a reconciliation: those that happened in [from, to), and those of the same Stripe
   * movements (by Stripe object or balance transaction) whatever their time, with the rows they
   * correct, so a movement on the period's edge is compared whole.
   */
  async forReconciliation(from: Date, to: Date, stripeIds: readonly string[]) {
    const rows = await this.db.ledgerEntry.findMany({
      where: {
        tenantId: this.tenantId,
        OR: [
          { occurredAt: { gte: from, lt: to } },
          { stripeObjectId: { in: [...stripeIds] } },
          { stripeBalanceTransactionId: { in: [...stripeIds] } },
        ],
      },
    });
    const corrected = rows.flatMap((row) => (row.correctsEntryId ? [row.correctsEntryId] : []));
    const missing = corrected.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length === 0) return rows;
    return [
      ...rows,
      ...(await this.db.ledgerEntry.findMany({ where: { tenantId: this.tenantId, id: { in: missing } } })),
    ];
  }
}

export function toLedgerEntryDto(row: LedgerEntry): LedgerEntryDto {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    paymentId: row.paymentId,
    refundId: row.refundId,
    kind: row.kind,
    amountCents: row.amountCents,
    currency: row.currency,
    stripeObjectId: row.stripeObjectId,
    stripeBalanceTransactionId: row.stripeBalanceTransactionId,
    occurredAt: row.occurredAt.toISOString(),
  };
}
