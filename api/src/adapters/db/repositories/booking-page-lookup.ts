import type { Db } from '../prisma-client.ts';

/**
 * Resolves /book/:tenantSlug to its tenant. Like api-key-lookup.ts, an unscoped read: it is how a
 * request without an API key learns its tenant; everything after it goes through that tenant's scope.
 * Null for an unknown slug and for a tenant that turned its page off (both answer the same 404).
 */
export async function findBookingPageTenant(db: Db, slug: string): Promise<{ tenantId: string } | null> {
  const row = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, bookingPageEnabled: true },
  });
  return row?.bookingPageEnabled ? { tenantId: row.id } : null;
}
