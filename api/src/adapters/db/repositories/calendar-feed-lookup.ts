import type { Db } from '../prisma-client.ts';

/**
 * Resolves a feed URL's token (by its SHA-256) to its feed and tenant. Like api-key-lookup.ts,
 * an unscoped read: it is how a request without an API key learns its tenant; everything after
 * it goes through that tenant's scope.
 */

export interface FoundFeed {
  tenantId: string;
  /** Null: the tenant's feed of all providers. */
  providerId: string | null;
  tenantName: string;
  providerName: string | null;
  /** The tenant's `icsFeedClientDetails`. */
  clientDetails: boolean;
}

export async function findFeedByTokenHash(db: Db, tokenHash: string): Promise<FoundFeed | null> {
  const row = await db.calendarFeed.findUnique({
    where: { tokenHash },
    select: {
      tenantId: true,
      providerId: true,
      tenant: { select: { name: true, icsFeedClientDetails: true } },
      provider: { select: { name: true } },
    },
  });
  if (!row) return null;
  return {
    tenantId: row.tenantId,
    providerId: row.providerId,
    tenantName: row.tenant.name,
    providerName: row.provider?.name ?? null,
    clientDetails: row.tenant.icsFeedClientDetails,
  };
}
