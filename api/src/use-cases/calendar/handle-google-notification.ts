import { GoogleCalendarError, GoogleUnavailableError } from '../../adapters/google/calendar-gateway.ts';
import { findConnectionByChannel } from '../../adapters/db/repositories/calendar-connection-lookup.ts';
import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { channelTokenMatches } from '../../domain/calendar/channel-token.ts';
import { InvalidChannelTokenError, NotFoundError, ServiceBusyError } from '../../domain/errors.ts';
import type { CalendarServices } from './calendar-services.ts';
import { syncGoogleCalendar, type SyncOutcome } from './sync-google-calendar.ts';

export interface GoogleNotification {
  channelId: string;
  channelToken: string | undefined;
  /** sync (the channel was opened), exists or not_exists (something changed). */
  resourceState: string;
}

const RETRY_AFTER_SECONDS = 30;

/**
 * A push notification from Google. It carries no data, only "something changed on the calendar
 * this channel watches", so it is believed only if it names a channel we opened and has its token
 * (404 / 401 otherwise, nothing done). A `sync` message only says the channel is open. Otherwise
 * the calendar is synced at once, in the request (a sync is one or two listings): the busy time
 * is current when Google gets its answer, and if Google fails meanwhile the 503 makes Google send
 * the notification again later. Concurrent syncs of one calendar are safe (see syncGoogleCalendar).
 */
export async function handleGoogleNotification(
  db: Db,
  services: CalendarServices | null,
  notification: GoogleNotification,
): Promise<SyncOutcome | 'acknowledged' | 'failed'> {
  const connection = await findConnectionByChannel(db, notification.channelId);
  if (!connection?.channelTokenHash) throw new NotFoundError('Channel', notification.channelId);
  if (
    !notification.channelToken ||
    !channelTokenMatches(notification.channelToken, connection.channelTokenHash)
  ) {
    throw new InvalidChannelTokenError('The channel token does not match.');
  }
  if (notification.resourceState === 'sync' || !services) return 'acknowledged';
  try {
    return await syncGoogleCalendar(services, forTenant(db, connection.tenantId), connection.providerId);
  } catch (error) {
    if (error instanceof GoogleUnavailableError) {
      throw new ServiceBusyError(
        'Google did not answer; send the notification again.',
        RETRY_AFTER_SECONDS,
        error,
      );
    }
    // Google refused a listing: recorded on the connection (lastError); sending it again would not help.
    if (error instanceof GoogleCalendarError) return 'failed';
    throw error;
  }
}
