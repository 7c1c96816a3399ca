import type { CalendarSync } from '../../../generated/prisma/client.ts';
import type { Db } from '../prisma-client.ts';

/**
 * The unscoped reads of Google connections: how the tenant is learned when Google calls us (a
 * push names its channel, a consent's callback its state) and which connections the periodic jobs
 * visit. Everything after that goes through the tenant's scope.
 */

/** The connection a push notification's channel belongs to, with the hash of its token. */
export async function findConnectionByChannel(
  db: Db,
  channelId: string,
): Promise<Pick<CalendarSync, 'tenantId' | 'providerId' | 'status' | 'channelTokenHash'> | null> {
  return db.calendarSync.findUnique({
    where: { channelId },
    select: { tenantId: true, providerId: true, status: true, channelTokenHash: true },
  });
}

/**
 * Takes a consent's state: deletes its row and answers what it was for, so a state works once
 * (two callbacks with the same state: one gets the row, the other nothing). An expired state is
 * taken too, and answered as expired.
 */
export async function takeOAuthState(
  db: Db,
  stateHash: string,
): Promise<{ tenantId: string; providerId: string; expiresAt: Date } | null> {
  const [row] = await db.$queryRaw<Array<{ tenantId: string; providerId: string; expiresAt: Date }>>`
    DELETE FROM calendar_oauth_states WHERE "stateHash" = ${stateHash}
    RETURNING "tenantId", "providerId", "expiresAt"`;
  return row ?? null;
}

/** States nobody came back with. */
export async function deleteExpiredOAuthStates(db: Db, now: Date): Promise<number> {
  const { count } = await db.calendarOAuthState.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** Every connection that syncs, oldest sync first. */
export async function activeConnections(db: Db): Promise<Array<{ tenantId: string; providerId: string }>> {
  return db.calendarSync.findMany({
    where: { status: 'ACTIVE' },
    select: { tenantId: true, providerId: true },
    orderBy: [{ lastSyncedAt: { sort: 'asc', nulls: 'first' } }],
  });
}
