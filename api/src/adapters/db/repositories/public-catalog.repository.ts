import { bookingPrice } from '../../../domain/appointments/pricing.ts';
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
    }));
  }
}
