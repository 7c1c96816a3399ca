import type { MoneyToPush, SourceKind } from '../../../domain/quickbooks/receipts.ts';
import type { Db } from '../prisma-client.ts';

/**
 * The money a tenant's QuickBooks company is told about (succeeded payments and refunds) and what
 * was pushed of it (quickbooks_pushes: one row per payment or refund, unique per tenant, kind and
 * id, holding the receipt's QuickBooks id once made).
 */

export type Claim = 'claimed' | 'pushed' | 'busy';

export class QuickBooksPushesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** An appointment's succeeded payments and refunds, oldest first, with the tenant's zone. */
  async moneyOfAppointment(appointmentId: string): Promise<{ zone: string; money: MoneyToPush[] }> {
    return this.money(appointmentId);
  }

  /**
   * The appointments with money that moved in [from, to) (payments by when they succeeded, refunds
   * by when they were made), for a backfill: each is then pushed like a new payment.
   */
  async appointmentsWithMoneyBetween(from: Date, to: Date): Promise<string[]> {
    const rows = await this.db.$queryRaw<Array<{ appointmentId: string }>>`
      SELECT p."appointmentId" FROM payments p
       WHERE p."tenantId" = ${this.tenantId}::uuid AND p.status = 'SUCCEEDED'
         AND coalesce(p."succeededAt", p."createdAt") >= ${from} AND coalesce(p."succeededAt", p."createdAt") < ${to}
      UNION
      SELECT p."appointmentId" FROM refunds r
        JOIN payments p ON p."tenantId" = r."tenantId" AND p.id = r."paymentId"
       WHERE r."tenantId" = ${this.tenantId}::uuid AND r.status = 'SUCCEEDED'
         AND r."createdAt" >= ${from} AND r."createdAt" < ${to}`;
    return rows.map((row) => row.appointmentId);
  }

  /**
   * Claims the push of one payment or refund until `until`: 'claimed' when this caller may push
   * (no row yet, or a PENDING row whose claim lapsed: its holder died or failed), 'pushed' when its
   * receipt exists, 'busy' when another push holds it now. One statement, so of two claims at once
   * exactly one gets it.
   */
  async claim(kind: SourceKind, sourceId: string, now: Date, until: Date): Promise<Claim> {
    const claimed = await this.db.$executeRaw`
      INSERT INTO quickbooks_pushes ("tenantId", "sourceKind", "sourceId", "claimedUntil")
      VALUES (${this.tenantId}::uuid, ${kind}::"QuickBooksSourceKind", ${sourceId}::uuid, ${until})
      ON CONFLICT ("tenantId", "sourceKind", "sourceId") DO UPDATE
         SET "claimedUntil" = EXCLUDED."claimedUntil", attempts = quickbooks_pushes.attempts + 1
       WHERE quickbooks_pushes.status = 'PENDING'
         AND (quickbooks_pushes."claimedUntil" IS NULL OR quickbooks_pushes."claimedUntil" <= ${now})`;
    if (claimed === 1) return 'claimed';
    const row = await this.find(kind, sourceId);
    return row?.status === 'PUSHED' ? 'pushed' : 'busy';
  }

  async markPushed(
    kind: SourceKind,
    sourceId: string,
    realmId: string,
    quickbooksId: string,
    now: Date,
  ): Promise<void> {
    await this.db.quickBooksPush.updateMany({
      where: { tenantId: this.tenantId, sourceKind: kind, sourceId },
      data: { status: 'PUSHED', realmId, quickbooksId, pushedAt: now, claimedUntil: null, lastError: null },
    });
  }

  /** The push failed: the claim is given up at once, so the job's retry may take it. */
  async release(kind: SourceKind, sourceId: string, message: string): Promise<void> {
    await this.db.quickBooksPush.updateMany({
      where: { tenantId: this.tenantId, sourceKind: kind, sourceId, status: 'PENDING' },
      data: { claimedUntil: null, lastError: message },
    });
  }

  async find(kind: SourceKind, sourceId: string) {
    return this.db.quickBooksPush.findUnique({
      where: { tenantId_sourceKind_sourceId: { tenantId: this.tenantId, sourceKind: kind, sourceId } },
    });
  }

  /** How many receipts were made, and how many pushes are waiting for a retry. */
  async counts(): Promise<{ pushed: number; pending: number }> {
    const rows = await this.db.$queryRaw<Array<{ pushed: bigint; pending: bigint }>>`
      SELECT count(*) FILTER (WHERE status = 'PUSHED') AS pushed,
             count(*) FILTER (WHERE status = 'PENDING') AS pending
        FROM quickbooks_pushes WHERE "tenantId" = ${this.tenantId}::uuid`;
    return { pushed: Number(rows[0]?.pushed ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  }

  private async money(appointmentId: string): Promise<{ zone: string; money: MoneyToPush[] }> {
    const rows = await this.db.$queryRaw<Array<MoneyToPush & { zone: string }>>`
      SELECT m.*, a."clientName", a."clientEmail", s.name AS "serviceName", t.timezone AS zone
        FROM (
          SELECT 'PAYMENT' AS kind, p.id, p."appointmentId", p."amountCents", p.currency,
                 coalesce(p."succeededAt", p."createdAt") AS at, p.kind::text AS "paymentKind"
            FROM payments p
           WHERE p."tenantId" = ${this.tenantId}::uuid AND p."appointmentId" = ${appointmentId}::uuid
             AND p.status = 'SUCCEEDED'
          UNION ALL
          SELECT 'REFUND', r.id, p."appointmentId", r."amountCents", r.currency, r."createdAt", p.kind::text
            FROM refunds r
            JOIN payments p ON p."tenantId" = r."tenantId" AND p.id = r."paymentId"
           WHERE p."tenantId" = ${this.tenantId}::uuid AND p."appointmentId" = ${appointmentId}::uuid
             AND r.status = 'SUCCEEDED'
        ) m
        JOIN appointments a ON a."tenantId" = ${this.tenantId}::uuid AND a.id = m."appointmentId"
        JOIN services s ON s."tenantId" = a."tenantId" AND s.id = a."serviceId"
        JOIN tenants t ON t.id = a."tenantId"
       ORDER BY m.at, m.kind, m.id`;
    return {
      zone: rows[0]?.zone ?? 'UTC',
      money: rows.map(({ zone: _zone, ...money }) => money),
    };
  }
}
