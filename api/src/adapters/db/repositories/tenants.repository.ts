import { NotFoundError } from '../../../domain/errors.ts';
import type { Tenant } from '../../../generated/prisma/client.ts';
import { BrandingSchema, type TenantDto, type UpdateTenantBody } from '../../../schemas/tenant.schemas.ts';
import type { Db } from '../prisma-client.ts';

export function toTenantDto(row: Tenant): TenantDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    currency: row.currency,
    allowedOrigins: row.allowedOrigins,
    // Stored JSON was validated on the way in; parsing again keeps the type honest.
    branding: BrandingSchema.parse(row.branding),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The tenant's own settings row, scoped like every other repository. */
export class TenantSettingsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async get(): Promise<TenantDto> {
    const row = await this.db.tenant.findUnique({ where: { id: this.tenantId } });
    if (!row) throw new NotFoundError('Tenant');
    return toTenantDto(row);
  }

  async update(body: UpdateTenantBody): Promise<TenantDto> {
    const row = await this.db.tenant.update({ where: { id: this.tenantId }, data: body });
    return toTenantDto(row);
  }
}
