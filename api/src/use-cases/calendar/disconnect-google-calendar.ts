import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import type { CalendarServices } from './calendar-services.ts';
import { openTokens } from './google-credentials.ts';
import { stopQuietly } from './open-google-channel.ts';
import { messageOf } from './sync-google-calendar.ts';

/**
 * Disconnects a provider's calendar: the push channel is stopped, the refresh token revoked at
 * Google (so the grant disappears from the provider's Google account too), and the tokens, the
 * channel and the calendar's busy blocks are forgotten here. Google's part is best effort: a
 * token Google no longer takes is as good as revoked, and we forget ours whatever Google says.
 * Events already pushed stay in the provider's calendar (theirs to keep or delete).
 */
export async function disconnectGoogleCalendar(
  scope: Pick<TenantScope, 'providers' | 'calendarSyncs'>,
  services: CalendarServices | null,
  providerId: string,
): Promise<void> {
  await scope.providers.get(providerId);
  const row = await scope.calendarSyncs.find(providerId);
  if (!row) return;
  const credentials = services && row.refreshToken ? safely(() => openTokens(services.box, row)) : null;
  if (services && credentials) {
    const google = services.google.connect(credentials);
    try {
      if (row.channelId && row.channelResourceId) {
        await stopQuietly(services, google, { id: row.channelId, resourceId: row.channelResourceId }, row);
      }
      await services.google.revoke(credentials.refreshToken);
    } catch (error) {
      services.log.warn(
        { tenantId: row.tenantId, providerId, reason: messageOf(error) },
        'google calendar: revoking at Google failed; the token is forgotten anyway',
      );
    }
  }
  await scope.calendarSyncs.disconnect(providerId);
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
