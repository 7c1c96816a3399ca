import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import {
  displayPrefix,
  formatApiKey,
  hashApiKey,
  type ApiKeyKind,
  type ApiKeyMode,
} from '../../../domain/tenancy/api-key.ts';
import type { ApiKey, Prisma } from '../../../generated/prisma/client.ts';
import type { ApiKeyDto } from '../../../schemas/api-key.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

export function toApiKeyDto(row: ApiKey): ApiKeyDto {
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export interface NewApiKey {
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  name?: string | undefined;
}

/**
 * Creates a key inside `tx` and returns it whole: the only moment the key
 * exists outside the caller's hands, since only its hash is stored.
 */
export async function insertApiKey(
  tx: Prisma.TransactionClient,
  tenant: { id: string; slug: string },
  key: NewApiKey,
): Promise<ApiKeyDto & { key: string }> {
  const raw = formatApiKey(key.kind, key.mode, tenant.slug, randomBytes(48));
  const row = await tx.apiKey.create({
    data: {
      tenantId: tenant.id,
      kind: key.kind,
      mode: key.mode,
      name: key.name ?? null,
      prefix: displayPrefix(raw),
      hash: hashApiKey(raw),
    },
  });
  return { ...toApiKeyDto(row), key: raw };
}

export class ApiKeysRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number }): Promise<Page<ApiKeyDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.apiKey.findMany({
      ...page,
      where: { ...page.where, tenantId: this.tenantId },
    });
    return toPage(rows, query.limit, toApiKeyDto);
  }

  async create(key: NewApiKey): Promise<ApiKeyDto & { key: string }> {
    return this.db.$transaction(async (tx) => {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: this.tenantId } });
      return insertApiKey(tx, tenant, key);
    });
  }

  /**
   * Revokes a key at once. Refuses to revoke the tenant's last live secret key
   * of its mode: that would lock the tenant out of its own admin API.
   */
  async revoke(id: string, now: Date): Promise<ApiKeyDto> {
    return this.db.$transaction(async (tx) => {
      // Lock the tenant row so two concurrent revocations cannot both pass the check.
      await tx.$executeRaw`SELECT 1 FROM tenants WHERE id = ${this.tenantId}::uuid FOR UPDATE`;
      const key = await tx.apiKey.findFirst({ where: { id, tenantId: this.tenantId } });
      if (!key) throw new NotFoundError('API key', id);
      if (key.revokedAt) return toApiKeyDto(key);
      if (key.kind === 'SECRET') {
        const others = await tx.apiKey.count({
          where: {
            tenantId: this.tenantId,
            kind: 'SECRET',
            mode: key.mode,
            revokedAt: null,
            id: { not: id },
          },
        });
        if (others === 0) {
          throw new ConflictError(
            'This is your last active secret key: create another one before revoking it.',
          );
        }
      }
      const row = await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
      return toApiKeyDto(row);
    });
  }
}
