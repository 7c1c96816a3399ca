import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import type { Tenant } from '../../../generated/prisma/client.ts';
import { BrandingSchema, type TenantDto, type UpdateTenantBody } from '../../../schemas/tenant.schemas.ts';
import { isUniqueViolation } from '../database-errors.ts';
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
    calendarInviteClients: row.calendarInviteClients,
    smsReminders: row.smsReminders,
    bookingPageUrl: row.bookingPageUrl,
    icsFeedClientDetails: row.icsFeedClientDetails,
    bookingPage: { enabled: row.bookingPageEnabled, description: row.bookingPageDescription },
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
    const { bookingPage, ...fields } = body;
    const data = {
      ...fields,
      bookingPageEnabled: bookingPage?.enabled,
      bookingPageDescription: bookingPage?.description,
    };
    const row = await this.db.tenant.update({ where: { id: this.tenantId }, data });
    return toTenantDto(row);
  }

  /** The tenant's connected Stripe account (acct_…), or null. */
  async stripeAccountId(): Promise<string | null> {
    const row = await this.db.tenant.findUnique({
      where: { id: this.tenantId },
      select: { stripeAccountId: true },
    });
    if (!row) throw new NotFoundError('Tenant');
    return row.stripeAccountId;
  }

  /**
   * Stores the tenant's connected account. An account belongs to one tenant at most: the unique
   * index decides, also between two tenants connecting it at the same moment (409 conflict).
   */
  async connectStripeAccount(accountId: string): Promise<void> {
    try {
      await this.db.tenant.update({ where: { id: this.tenantId }, data: { stripeAccountId: accountId } });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('This Stripe account is already connected to another tenant.');
      }
      throw error;
    }
  }

  /** Forgets the connected account (none connected is fine). */
  async disconnectStripeAccount(): Promise<void> {
    await this.db.tenant.update({ where: { id: this.tenantId }, data: { stripeAccountId: null } });
  }
}
