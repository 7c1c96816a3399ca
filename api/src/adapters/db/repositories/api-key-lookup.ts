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
  tenant: { id: string; slug: string; timezone: string; currency: string; allowedOrigins: string[] };
}

// lastUsedAt is a hint for the tenant ("is this key still in use?"), not an
// audit log: writing it at most once a minute keeps a write off every request.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function findActiveKeyByHash(db: Db, hash: string, now: Date): Promise<AuthenticatedKey | null> {
  const key = await db.apiKey.findUnique({
    where: { hash },
    include: {
      tenant: { select: { id: true, slug: true, timezone: true, currency: true, allowedOrigins: true } },
    },
  });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { apiKeyId: key.id, kind: key.kind, mode: key.mode, tenant: key.tenant };
}
