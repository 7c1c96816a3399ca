import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { bookingEventFor, sameBookingEvent, type BookingEvent } from '../../domain/calendar/booking-event.ts';
import { googleEventIdFor } from '../../domain/calendar/google-event-id.ts';
import type { BookingToPush } from '../../adapters/db/repositories/calendar-push.repository.ts';
import type { CalendarServices } from './calendar-services.ts';
import { messageOf } from './sync-google-calendar.ts';
import { NEEDS_REAUTH, withGoogleConnection } from './with-google-connection.ts';

export type PushOutcome = 'upserted' | 'deleted' | 'unchanged' | 'not_connected' | 'needs_reauth';

/** A booking changing under the push this many times in a row is left to the push its change enqueued. */
const ATTEMPTS = 3;

/**
 * Makes the provider's Google calendar show what the booking is now (domain/calendar/booking-event.ts):
 * its event created or moved (insert under the id derived from the booking, on 409 patch), or
 * deleted (404/410 count as done). It reads the booking, writes to Google, then reads the booking
 * again: if it changed meanwhile, it pushes again. Whatever order pushes of one booking run in,
 * and however often, the last write to Google is then one made from the booking's current state.
 * A hold is never pushed; a booking that never had an event and should have none costs no call.
 */
export async function pushBookingToGoogle(
  services: CalendarServices,
  scope: Pick<TenantScope, 'calendarPush' | 'calendarSyncs' | 'appointmentWrites'>,
  appointmentId: string,
): Promise<PushOutcome> {
  let outcome: PushOutcome = 'unchanged';
  let found = await scope.calendarPush.bookingToPush(appointmentId);
  let wrote = false;
  for (let attempt = 0; attempt < ATTEMPTS && found; attempt++) {
    const connection = found.connection;
    if (!connection || connection.status !== 'ACTIVE') return 'not_connected';
    const wanted = eventOf(found);
    if (wanted === null && found.googleEventId === null && !wrote) return outcome;
    const done = await withGoogleConnection(services, scope.calendarSyncs, connection, async (google) => {
      if (wanted) {
        await google.upsertEvent(connection.calendarId, wanted);
        await scope.appointmentWrites.recordGoogleEventId(appointmentId, wanted.id);
        return 'upserted' as const;
      }
      await google.deleteEvent(
        connection.calendarId,
        found!.googleEventId ?? googleEventIdFor(appointmentId),
      );
      await scope.appointmentWrites.recordGoogleEventId(appointmentId, null);
      return 'deleted' as const;
    }).catch(async (error: unknown) => {
      // Shown by the status route; thrown again for the queue to retry.
      await scope.calendarSyncs.recordError(connection.providerId, messageOf(error));
      throw error;
    });
    if (done === NEEDS_REAUTH) return 'needs_reauth';
    outcome = done;
    wrote = true;
    const now = await scope.calendarPush.bookingToPush(appointmentId);
    if (!now || sameBookingEvent(wanted, eventOf(now))) return outcome;
    found = now;
  }
  return outcome;
}

function eventOf(found: BookingToPush): BookingEvent | null {
  return bookingEventFor(found.booking, { timeZone: found.zone, inviteClient: found.inviteClient });
}
