import type { Client, Db } from '../prisma-client.ts';

/**
 * The unscoped reads of QuickBooks connections: how the tenant is learned when Intuit sends the
 * browser back (by the consent's state), and whether a tenant has a connection at all (the event
 * dispatcher asks, to enqueue jobs only for tenants that sync). Everything else goes through the
 * tenant's scope.
 */

/**
 * Takes a consent's state: deletes its row and answers whose it was, so a state works once (two
 * callbacks with the same state: one gets the row, the other nothing). An expired state is taken
 * too, and answered as expired.
 */
export async function takeQuickBooksOAuthState(
  db: Db,
  stateHash: string,
): Promise<{ tenantId: string; expiresAt: Date } | null> {
  const [row] = await db.$queryRaw<Array<{ tenantId: string; expiresAt: Date }>>`
    DELETE FROM quickbooks_oauth_states WHERE "stateHash" = ${stateHash}
    RETURNING "tenantId", "expiresAt"`;
  return row ?? null;
}

/** Whether the tenant's QuickBooks connection is ACTIVE (one indexed read; any client, a transaction's too). */
export async function hasActiveQuickBooksConnection(client: Client, tenantId: string): Promise<boolean> {
  const count = await client.quickBooksConnection.count({ where: { tenantId, status: 'ACTIVE' } });
  return count > 0;
}

/** The backfills asked for (POST …/quickbooks/sync) and not yet enqueued, of ACTIVE connections. */
export async function waitingBackfills(db: Db): Promise<Array<{ tenantId: string; from: Date; to: Date }>> {
  const rows = await db.quickBooksConnection.findMany({
    where: { status: 'ACTIVE', backfillFrom: { not: null } },
    select: { tenantId: true, backfillFrom: true, backfillTo: true },
  });
  return rows.map((row) => ({ tenantId: row.tenantId, from: row.backfillFrom!, to: row.backfillTo! }));
}
