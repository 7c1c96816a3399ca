import type { BookingForCalendar } from '../../../domain/calendar/booking-event.ts';
import type { Db } from '../prisma-client.ts';
import type { CalendarConnectionRow } from './calendar-syncs.repository.ts';

/** A booking as its provider's Google event needs it, with the provider's connection. */
export interface BookingToPush {
  booking: BookingForCalendar;
  googleEventId: string | null;
  /** The provider's zone, else the tenant's: the event's times are shown in it. */
  zone: string;
  inviteClient: boolean;
  connection: CalendarConnectionRow | null;
}

export class CalendarPushRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async bookingToPush(appointmentId: string): Promise<BookingToPush | null> {
    const row = await this.db.appointment.findFirst({
      where: { id: appointmentId, tenantId: this.tenantId },
      select: {
        id: true,
        status: true,
        providerId: true,
        startTimeUtc: true,
        endTimeUtc: true,
        clientName: true,
        clientEmail: true,
        clientPhone: true,
        googleEventId: true,
        service: { select: { name: true } },
        tenant: { select: { timezone: true, calendarInviteClients: true } },
        provider: { select: { timezone: true, calendarSync: true } },
      },
    });
    if (!row) return null;
    const { service, tenant, provider, googleEventId, ...booking } = row;
    return {
      booking: { ...booking, serviceName: service.name },
      googleEventId,
      zone: provider?.timezone ?? tenant.timezone,
      inviteClient: tenant.calendarInviteClients,
      connection: provider?.calendarSync ?? null,
    };
  }
}
