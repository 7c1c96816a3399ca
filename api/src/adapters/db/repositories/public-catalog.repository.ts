import { bookingPrice } from '../../../domain/appointments/pricing.ts';
import type { PublicLocationDto } from '../../../schemas/location.schemas.ts';
import type { PublicServiceDto } from '../../../schemas/public-catalog.schemas.ts';
import type { Db } from '../prisma-client.ts';

/** What a tenant's clients may see: active services with their active providers and intake form. */
export class PublicCatalogRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async listServices(): Promise<PublicServiceDto[]> {
    const rows = await this.db.service.findMany({
      where: { tenantId: this.tenantId, active: true },
      orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      include: {
        providerServices: {
          where: { provider: { active: true } },
          include: { provider: { select: { id: true, name: true } } },
          orderBy: { provider: { name: 'asc' } },
        },
        intakeFormFields: { where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }] },
      },
    });
    const locations = await this.activeLocations(rows.flatMap((row) => row.locationId ?? []));
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      durationMinutes: row.durationMinutes,
      capacity: row.capacity,
      priceBaseCents: row.priceBaseCents,
      currency: row.currency,
      paymentMode: row.paymentMode,
      depositCents: row.depositCents,
      depositPercent: row.depositPercent,
      noShowFeeCents: row.noShowFeeCents,
      noShowFeePercent: row.noShowFeePercent,
      sortOrder: row.sortOrder,
      // What is due at booking comes from the same pricing the booking uses, so clients never recompute it.
      dueAtBookingCents: bookingPrice(row, row.priceBaseCents, 1).depositAmountCents,
      providers: row.providerServices.map((link) => {
        const priceCents = link.priceOverrideCents ?? row.priceBaseCents;
        return {
          id: link.provider.id,
          name: link.provider.name,
          priceCents,
          dueAtBookingCents: bookingPrice(row, priceCents, 1).depositAmountCents,
        };
      }),
      intakeFields: row.intakeFormFields.map((field) => ({
        id: field.id,
        label: field.label,
        fieldType: field.fieldType,
        required: field.required,
        options: field.options,
        placeholder: field.placeholder,
        sortOrder: field.sortOrder,
      })),
      location: (row.locationId && locations.get(row.locationId)) || null,
    }));
  }

  /**
   * The active locations among `ids`, by id (an inactive one is not shown: the business stopped
   * using it). Asked only when a service names one, so a catalogue without locations costs no
   * statement more (test/statement-counts.test.ts).
   */
  private async activeLocations(ids: string[]): Promise<Map<string, PublicLocationDto>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.location.findMany({
      where: { tenantId: this.tenantId, id: { in: [...new Set(ids)] }, active: true },
      select: {
        id: true,
        name: true,
        addressLines: true,
        city: true,
        postalCode: true,
        country: true,
        phone: true,
      },
    });
    return new Map(rows.map(({ id, ...location }) => [id, location]));
  }
}
