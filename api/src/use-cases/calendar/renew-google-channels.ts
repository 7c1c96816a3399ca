import {
  activeConnections,
  deleteExpiredOAuthStates,
} from '../../adapters/db/repositories/calendar-connection-lookup.ts';
import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { channelRenewalDue } from '../../domain/calendar/sync-window.ts';
import type { CalendarServices } from './calendar-services.ts';
import { openGoogleChannel } from './open-google-channel.ts';
import { messageOf } from './sync-google-calendar.ts';

/**
 * The hourly sweep: every ACTIVE connection whose channel is missing (a consent whose watch
 * failed) or has less than a day left gets a new one, and consents nobody came back from are
 * forgotten. One connection's failure is recorded on it and does not stop the others; the next
 * hour tries again. Answers how many channels were opened.
 */
export async function renewGoogleChannels(services: CalendarServices, db: Db): Promise<number> {
  await deleteExpiredOAuthStates(db, services.now());
  let opened = 0;
  for (const { tenantId, providerId } of await activeConnections(db)) {
    const scope = forTenant(db, tenantId);
    const connection = await scope.calendarSyncs.find(providerId);
    if (!connection || connection.status !== 'ACTIVE') continue;
    if (!channelRenewalDue(connection.channelExpiresAt, services.now())) continue;
    try {
      if ((await openGoogleChannel(services, scope, connection)) === 'opened') opened += 1;
    } catch (error) {
      await scope.calendarSyncs.recordError(providerId, messageOf(error));
      services.log.warn(
        { tenantId, providerId, reason: messageOf(error) },
        'google calendar: channel renewal failed',
      );
    }
  }
  return opened;
}
