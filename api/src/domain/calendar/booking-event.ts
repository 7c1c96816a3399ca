import { googleEventIdFor } from './google-event-id.ts';

/**
 * What a provider's calendar should show for one booking: an event, or nothing. Pushing a booking
 * to Google is a reconcile towards this (create, move or delete the event), so a push run twice,
 * late or out of order still ends where the booking is now.
 */

export interface BookingForCalendar {
  id: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';
  providerId: string | null;
  startTimeUtc: Date;
  endTimeUtc: Date;
  serviceName: string;
  clientName: string;
  clientEmail: string;
  clientPhone: string | null;
}

export interface BookingEvent {
  /** Google's event id, derived from the appointment id (google-event-id.ts). */
  id: string;
  appointmentId: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  /** The zone Google shows the times in: the provider's. */
  timeZone: string;
  /** The client, invited, when the tenant asks for it (calendarInviteClients). */
  attendee: { email: string; name: string } | null;
}

/**
 * The event a booking should have in its provider's calendar; null when it should have none: a
 * hold (PENDING) is not a booking yet, and a cancelled booking frees the time. A completed booking
 * or a no-show keeps its event: the time was the provider's.
 */
export function bookingEventFor(
  booking: BookingForCalendar,
  options: { timeZone: string; inviteClient: boolean },
): BookingEvent | null {
  if (!booking.providerId || booking.status === 'PENDING' || booking.status === 'CANCELLED') return null;
  const description = [
    `Booking ${booking.id}`,
    ...(booking.clientPhone ? [`Client phone: ${booking.clientPhone}`] : []),
  ].join('\n');
  return {
    id: googleEventIdFor(booking.id),
    appointmentId: booking.id,
    summary: `[MAIS] ${booking.serviceName} - ${booking.clientName}`,
    description,
    start: booking.startTimeUtc,
    end: booking.endTimeUtc,
    timeZone: options.timeZone,
    attendee: options.inviteClient ? { email: booking.clientEmail, name: booking.clientName } : null,
  };
}

/** Two answers of bookingEventFor are the same event (nothing to push again). */
export function sameBookingEvent(a: BookingEvent | null, b: BookingEvent | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.summary === b.summary &&
    a.description === b.description &&
    a.start.getTime() === b.start.getTime() &&
    a.end.getTime() === b.end.getTime() &&
    a.timeZone === b.timeZone &&
    a.attendee?.email === b.attendee?.email &&
    a.attendee?.name === b.attendee?.name
  );
}
