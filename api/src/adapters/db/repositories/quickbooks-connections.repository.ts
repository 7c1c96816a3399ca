import type { QuickBooksConnection } from '../../../generated/prisma/client.ts';
import type { Db } from '../prisma-client.ts';

/**
 * A tenant's QuickBooks Online connection (quickbooks_connections) and its consents under way
 * (quickbooks_oauth_states). Tokens arrive here sealed: this repository never sees one in clear.
 */

export type QuickBooksConnectionRow = QuickBooksConnection;

export interface SealedQuickBooksTokens {
  refreshToken: string;
  accessToken: string;
  accessExpiresAt: Date;
}

export class QuickBooksConnectionsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async find(): Promise<QuickBooksConnectionRow | null> {
    return this.db.quickBooksConnection.findUnique({ where: { tenantId: this.tenantId } });
  }

  async saveOAuthState(stateHash: string, expiresAt: Date): Promise<void> {
    await this.db.quickBooksOAuthState.create({ data: { tenantId: this.tenantId, stateHash, expiresAt } });
  }

  /** A consent: ACTIVE with the company (realm) and the new tokens; failures and errors start over. */
  async connect(
    realmId: string,
    tokens: SealedQuickBooksTokens,
    now: Date,
  ): Promise<QuickBooksConnectionRow> {
    const fresh = {
      realmId,
      status: 'ACTIVE' as const,
      ...tokens,
      connectedAt: now,
      lastError: null,
      failures: 0,
    };
    return this.db.quickBooksConnection.upsert({
      where: { tenantId: this.tenantId },
      create: { tenantId: this.tenantId, ...fresh },
      update: fresh,
    });
  }

  /**
   * Runs `refresh` with the connection's row locked (FOR UPDATE), and stores the tokens it answers.
   * Intuit rotates the refresh token, so two refreshes at once with the same one would leave one of
   * them refused: under the lock, the second finds the first's new tokens (`refresh` compares) and
   * answers null to keep them. Answers the row as it is afterwards; null when no longer ACTIVE.
   */
  async refreshLocked(
    refresh: (row: QuickBooksConnectionRow) => Promise<SealedQuickBooksTokens | null>,
  ): Promise<QuickBooksConnectionRow | null> {
    return this.db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM quickbooks_connections
           WHERE "tenantId" = ${this.tenantId}::uuid AND status = 'ACTIVE'
             FOR UPDATE`;
        if (!locked) return null;
        const row = (await tx.quickBooksConnection.findUnique({ where: { id: locked.id } }))!;
        const tokens = await refresh(row);
        if (!tokens) return row;
        return tx.quickBooksConnection.update({ where: { id: row.id }, data: tokens });
      },
      // The lock is held for one call to Intuit's token endpoint (15 s at most).
      { maxWait: 15_000, timeout: 20_000 },
    );
  }

  /** Intuit refused the grant: tokens forgotten, nothing more is pushed until the tenant connects again. */
  async markNeedsReauth(message: string): Promise<void> {
    await this.db.quickBooksConnection.updateMany({
      where: { tenantId: this.tenantId, status: 'ACTIVE' },
      data: { status: 'NEEDS_REAUTH', lastError: message, ...FORGOTTEN },
    });
  }

  async disconnect(): Promise<void> {
    await this.db.quickBooksConnection.updateMany({
      where: { tenantId: this.tenantId },
      data: { status: 'DISCONNECTED', lastError: null, ...FORGOTTEN },
    });
  }

  /**
   * Asks for the money of [from, to) to be pushed (again): the quickbooks.backfill job picks it up.
   * A backfill still waiting is widened to cover both (pushing is idempotent). False when not ACTIVE.
   */
  async requestBackfill(from: Date, to: Date): Promise<boolean> {
    const count = await this.db.$executeRaw`
      UPDATE quickbooks_connections
         SET "backfillFrom" = least(coalesce("backfillFrom", ${from}), ${from}),
             "backfillTo" = greatest(coalesce("backfillTo", ${to}), ${to}), "updatedAt" = now()
       WHERE "tenantId" = ${this.tenantId}::uuid AND status = 'ACTIVE'`;
    return count === 1;
  }

  /** The backfill was enqueued: cleared, unless a wider one was asked for meanwhile (compare-and-set). */
  async clearBackfill(from: Date, to: Date): Promise<void> {
    await this.db.quickBooksConnection.updateMany({
      where: { tenantId: this.tenantId, backfillFrom: from, backfillTo: to },
      data: { backfillFrom: null, backfillTo: null },
    });
  }

  async recordFailure(message: string): Promise<void> {
    await this.db.quickBooksConnection.updateMany({
      where: { tenantId: this.tenantId, status: 'ACTIVE' },
      data: { lastError: message, failures: { increment: 1 } },
    });
  }

  async recordSuccess(now: Date): Promise<void> {
    await this.db.quickBooksConnection.updateMany({
      where: { tenantId: this.tenantId, status: 'ACTIVE' },
      data: { lastSyncedAt: now, lastError: null, failures: 0 },
    });
  }
}

const FORGOTTEN = { refreshToken: null, accessToken: null, accessExpiresAt: null } as const;
