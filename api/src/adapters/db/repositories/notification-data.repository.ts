import type { NotificationFacts } from '../../../domain/notifications/message-model.ts';
import { BrandingSchema } from '../../../schemas/tenant.schemas.ts';
import type { Client } from '../prisma-client.ts';

/** The facts, plus what decides which messages and reminders go (not shown in them). */
export interface LoadedFacts extends NotificationFacts {
  reminderOffsetsMinutes: number[];
  smsReminders: boolean;
  /** The tenant's hosted booking page, where manage links go without a bookingPageUrl. */
  hostedBookingPage: { slug: string; enabled: boolean };
}

/** What notifications read about one of the tenant's appointments. */
export class NotificationDataRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** The appointment with its service, provider and tenant; null if there is no such appointment. */
  async facts(appointmentId: string): Promise<LoadedFacts | null> {
    const row = await this.db.appointment.findFirst({
      where: { id: appointmentId, tenantId: this.tenantId },
      include: {
        service: { select: { name: true, timezone: true, reminderOffsetsMinutes: true } },
        provider: { select: { name: true, email: true, timezone: true } },
        tenant: {
          select: {
            name: true,
            timezone: true,
            branding: true,
            bookingPageUrl: true,
            smsReminders: true,
            slug: true,
            bookingPageEnabled: true,
          },
        },
      },
    });
    if (!row) return null;
    const { service, provider, tenant } = row;
    const branding = BrandingSchema.safeParse(tenant.branding);
    return {
      appointment: {
        id: row.id,
        status: row.status,
        startTimeUtc: row.startTimeUtc,
        endTimeUtc: row.endTimeUtc,
        clientName: row.clientName,
        clientEmail: row.clientEmail,
        clientPhone: row.clientPhone,
        clientTimezone: row.clientTimezone,
        locale: row.locale,
        currency: row.currency,
        totalAmountCents: row.totalAmountCents,
        paidCents: row.paidCents,
        refundedCents: row.refundedCents,
        noShowFeeCents: row.noShowFeeCents,
      },
      service: { name: service.name, timezone: service.timezone },
      provider,
      tenant: {
        name: tenant.name,
        timezone: tenant.timezone,
        branding: branding.success ? branding.data : {},
        bookingPageUrl: tenant.bookingPageUrl,
      },
      reminderOffsetsMinutes: service.reminderOffsetsMinutes,
      smsReminders: tenant.smsReminders,
      hostedBookingPage: { slug: tenant.slug, enabled: tenant.bookingPageEnabled },
    };
  }

  /**
   * What a cancel gives back: the refunds its transaction recorded (cancel-appointment.ts writes
   * them with the cancel's own instant, as its CANCELLED event), waiting for Stripe or done.
   */
  async refundedOnCancel(appointmentId: string, cancelledAt: Date): Promise<number> {
    const sum = await this.db.refund.aggregate({
      where: {
        tenantId: this.tenantId,
        payment: { appointmentId },
        createdAt: cancelledAt,
        status: { in: ['PENDING', 'SUCCEEDED'] },
      },
      _sum: { amountCents: true },
    });
    return sum._sum.amountCents ?? 0;
  }

  /** The appointment's email token, sealed (null: none kept yet). */
  async emailTokenSealed(appointmentId: string): Promise<string | null> {
    const row = await this.db.appointment.findFirst({
      where: { id: appointmentId, tenantId: this.tenantId },
      select: { emailTokenSealed: true },
    });
    return row?.emailTokenSealed ?? null;
  }
}
