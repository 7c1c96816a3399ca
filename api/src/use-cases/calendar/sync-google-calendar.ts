import { GoogleSyncTokenExpiredError, type EventListing } from '../../adapters/google/calendar-gateway.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { busyChanges } from '../../domain/calendar/busy-changes.ts';
import { fullSyncDue, syncWindow } from '../../domain/calendar/sync-window.ts';
import type { CalendarServices } from './calendar-services.ts';
import { NEEDS_REAUTH, withGoogleConnection } from './with-google-connection.ts';

export type SyncOutcome = 'synced' | 'not_connected' | 'needs_reauth';

/** Syncs that lost the race for the sync token start again this many times. */
const ATTEMPTS = 3;

/**
 * Brings a provider's busy blocks up to date with their Google calendar: the changes since the
 * stored sync token (pages followed), or a full listing of the sync window when there is no token
 * yet, when the last full listing is a day old (the window moved), or when Google answers 410 (the
 * token expired: the blocks are rebuilt from scratch). The blocks and the next token are committed
 * together and only if the token did not move meanwhile (commitSync), so a push notification and
 * the poll syncing at once end as one sync would. A Google failure is recorded on the connection
 * (lastError) and thrown, for the caller to retry; a refused grant ends as 'needs_reauth'.
 */
export async function syncGoogleCalendar(
  services: CalendarServices,
  scope: Pick<TenantScope, 'calendarSyncs'>,
  providerId: string,
): Promise<SyncOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await scope.calendarSyncs.findForSync(providerId);
    if (!found || found.connection.status !== 'ACTIVE') return 'not_connected';
    const { connection, zone, longestBookingWindowDays } = found;
    const now = services.now();
    const window = syncWindow(now, longestBookingWindowDays);
    const listed = await withGoogleConnection(services, scope.calendarSyncs, connection, async (google) => {
      const { syncToken, calendarId } = connection;
      if (syncToken && !fullSyncDue(connection.fullSyncedAt, now)) {
        try {
          return { full: false, listing: await google.listEvents(calendarId, { syncToken }) };
        } catch (error) {
          if (!(error instanceof GoogleSyncTokenExpiredError)) throw error;
          services.log.info(
            { tenantId: connection.tenantId, providerId },
            'google calendar: sync token expired; full sync',
          );
        }
      }
      const listing: EventListing = await google.listEvents(calendarId, {
        timeMin: new Date(window.start),
        timeMax: new Date(window.end),
      });
      return { full: true, listing };
    }).catch(async (error: unknown) => {
      await scope.calendarSyncs.recordError(providerId, messageOf(error));
      throw error;
    });
    if (listed === NEEDS_REAUTH) return 'needs_reauth';
    const { events } = listed.listing;
    const bookingIds = events.flatMap((event) => (event.bookingId ? [event.bookingId] : []));
    const ownBookings = await scope.calendarSyncs.ownBookings(providerId, bookingIds);
    const changes = busyChanges(events, zone, window, ownBookings);
    const committed = await scope.calendarSyncs.commitSync(providerId, {
      from: connection.syncToken,
      next: listed.listing.nextSyncToken,
      full: listed.full,
      put: changes.put,
      remove: changes.remove,
      now,
    });
    if (committed) return 'synced';
  }
  // Another sync committed first every time (a burst of notifications): what ours listed is listed
  // again by the next of them, or by the 15-minute poll at the latest.
  return 'synced';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
}
