import { randomBytes } from 'node:crypto';
import { SlugTakenError, ValidationError } from '../domain/errors.ts';
import { slugify } from '../domain/tenancy/slug.ts';
import { insertApiKey } from '../adapters/db/repositories/api-keys.repository.ts';
import { toTenantDto } from '../adapters/db/repositories/tenants.repository.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import type { CreateTenantBody, TenantDto } from '../schemas/tenant.schemas.ts';

export interface CreatedTenant {
  tenant: TenantDto;
  /** Shown once: only hashes are stored. */
  keys: { publishable: string; secret: string };
}

/**
 * Onboards a business: the tenant row and a live publishable/secret key pair,
 * in one transaction. Without an explicit slug one is made from the name, with
 * a random suffix if that one is taken.
 */
export async function createTenant(db: Db, body: CreateTenantBody): Promise<CreatedTenant> {
  const base = body.slug ?? slugify(body.name);
  if (!base) {
    throw new ValidationError('Cannot make a slug from this name: please give one.', [
      { path: 'slug', message: 'is required when the name has no letters or digits' },
    ]);
  }
  const slug = await freeSlug(db, base, body.slug !== undefined);

  return db.$transaction(async (tx) => {
    const row = await tx.tenant.create({
      data: {
        slug,
        name: body.name,
        timezone: body.timezone,
        currency: body.currency,
        allowedOrigins: body.allowedOrigins,
        branding: body.branding,
      },
    });
    const publishable = await insertApiKey(tx, row, { kind: 'PUBLISHABLE', mode: 'LIVE', name: 'Default' });
    const secret = await insertApiKey(tx, row, { kind: 'SECRET', mode: 'LIVE', name: 'Default' });
    return { tenant: toTenantDto(row), keys: { publishable: publishable.key, secret: secret.key } };
  });
}

async function freeSlug(db: Db, base: string, explicit: boolean): Promise<string> {
  const taken = async (slug: string) => (await db.tenant.count({ where: { slug } })) > 0;
  if (!(await taken(base))) return base;
  if (explicit)
    throw new SlugTakenError(`The slug "${base}" is taken.`, [{ path: 'slug', message: 'is taken' }]);
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `${base.slice(0, 35)}-${randomBytes(3).toString('hex').slice(0, 4)}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new SlugTakenError(`Could not find a free slug from "${base}": please give one.`);
}
