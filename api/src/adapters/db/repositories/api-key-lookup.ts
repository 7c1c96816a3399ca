import type { ApiKeyKind, ApiKeyMode } from '../../../domain/tenancy/api-key.ts';
import type { Db } from '../prisma-client.ts';

/**
 * Resolves a presented key to its tenant. This is the one unscoped read of
 * tenant data: it is how the scope is learned in the first place.
 */

export interface AuthenticatedKey {
  apiKeyId: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  /** True for the hosted booking page's own key (accepted from PUBLIC_URL's origin too). */
  bookingPage?: boolean;
  tenant: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    currency: string;
    allowedOrigins: string[];
  };
}

// lastUsedAt is a hint for the tenant ("is this key still in use?"), not an
// audit log: writing it at most once a minute keeps a write off every request.
const LAST_USED_RESOLUTION_MS = 60_000;

interface KeyRow {
  id: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  revoked: boolean;
  bookingPage: boolean;
  tenantId: string;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  allowedOrigins: string[];
}

/**
 * One statement on every request: the key joined to its tenant, and (in a
 * data-modifying CTE, which PostgreSQL runs whether or not the outer query
 * reads it) the lastUsedAt touch when the stored value is over a minute old.
 * The UPDATE matches no row, takes no lock and writes nothing in the usual
 * case; when two requests race on a stale key, the second re-checks the
 * condition after the first commits and skips.
 */
export async function findActiveKeyByHash(db: Db, hash: string, now: Date): Promise<AuthenticatedKey | null> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const [key] = await db.$queryRaw<KeyRow[]>`
    WITH touched AS (
      UPDATE api_keys SET "lastUsedAt" = ${now}
       WHERE hash = ${hash} AND "revokedAt" IS NULL
         AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${staleBefore})
    )
    SELECT k.id, k.kind::text AS kind, k.mode::text AS mode, k."revokedAt" IS NOT NULL AS revoked, k."bookingPage",
           t.id AS "tenantId", t.slug, t.name, t.timezone, t.currency, t."allowedOrigins"
      FROM api_keys k
      JOIN tenants t ON t.id = k."tenantId"
     WHERE k.hash = ${hash}`;
  if (!key || key.revoked) return null;
  return {
    apiKeyId: key.id,
    kind: key.kind,
    mode: key.mode,
    bookingPage: key.bookingPage,
    tenant: {
      id: key.tenantId,
      slug: key.slug,
      name: key.name,
      timezone: key.timezone,
      currency: key.currency,
      allowedOrigins: key.allowedOrigins,
    },
  };
}
