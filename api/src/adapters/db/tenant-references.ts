import { NotFoundError } from '../../domain/errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-client.ts';

/**
 * Checks that ids named in a request (a body's serviceId, a path's provider…)
 * are rows of this tenant, so that a foreign or unknown id answers 404 before
 * anything is written. The composite foreign keys would refuse the write
 * anyway; this turns that into a clear answer.
 */

type Client = Db | Prisma.TransactionClient;
export type ReferencedKind = 'Service' | 'Provider' | 'Resource' | 'Location';

const finders: Record<
  ReferencedKind,
  (db: Client, tenantId: string, ids: string[]) => Promise<Array<{ id: string }>>
> = {
  Service: (db, tenantId, ids) =>
    db.service.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } }),
  Provider: (db, tenantId, ids) =>
    db.provider.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } }),
  Resource: (db, tenantId, ids) =>
    db.resource.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } }),
  Location: (db, tenantId, ids) =>
    db.location.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } }),
};

/** Throws NotFoundError naming the first id that is not a `kind` of this tenant. */
export async function assertTenantOwns(
  db: Client,
  tenantId: string,
  kind: ReferencedKind,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = new Set((await finders[kind](db, tenantId, unique)).map((row) => row.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new NotFoundError(kind, missing);
}
