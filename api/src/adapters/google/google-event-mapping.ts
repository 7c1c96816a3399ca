import type { calendar_v3 } from '@googleapis/calendar';
import type { BookingEvent } from '../../domain/calendar/booking-event.ts';
import type { EventTime, ExternalEvent } from '../../domain/calendar/external-busy.ts';
import { APPOINTMENT_PROPERTY } from '../../domain/calendar/google-event-id.ts';

/** Google's event resource ↔ our shapes (https://developers.google.com/calendar/api/v3/reference/events). */

/** The resource for a booking's event. `status` is set so that a patch also restores a deleted event. */
export function toGoogleEvent(event: BookingEvent): calendar_v3.Schema$Event {
  return {
    id: event.id,
    status: 'confirmed',
    summary: event.summary,
    description: event.description,
    start: { dateTime: event.start.toISOString(), timeZone: event.timeZone },
    end: { dateTime: event.end.toISOString(), timeZone: event.timeZone },
    attendees: event.attendee ? [{ email: event.attendee.email, displayName: event.attendee.name }] : [],
    extendedProperties: { private: { [APPOINTMENT_PROPERTY]: event.appointmentId } },
    // The provider's own time: shown as busy to anyone who looks at their calendar.
    transparency: 'opaque',
  };
}

export function fromGoogleEvent(event: calendar_v3.Schema$Event): ExternalEvent {
  return {
    id: event.id ?? '',
    cancelled: event.status === 'cancelled',
    transparent: event.transparency === 'transparent',
    declinedBySelf: (event.attendees ?? []).some(
      (attendee) => attendee.self === true && attendee.responseStatus === 'declined',
    ),
    bookingId: event.extendedProperties?.private?.[APPOINTMENT_PROPERTY] ?? null,
    start: timeOf(event.start),
    end: timeOf(event.end),
  };
}

function timeOf(time: calendar_v3.Schema$EventDateTime | undefined): EventTime | null {
  if (time?.dateTime) return { instant: new Date(time.dateTime) };
  if (time?.date) return { date: time.date };
  return null;
}
