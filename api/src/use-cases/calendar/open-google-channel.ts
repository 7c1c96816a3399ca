import { randomUUID } from 'node:crypto';
import { GoogleAuthRevokedError, type CalendarConnection } from '../../adapters/google/calendar-gateway.ts';
import type { CalendarConnectionRow } from '../../adapters/db/repositories/calendar-syncs.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { newChannelToken } from '../../domain/calendar/channel-token.ts';
import { CHANNEL_TTL_SECONDS } from '../../domain/calendar/sync-window.ts';
import type { CalendarServices } from './calendar-services.ts';
import { NEEDS_REAUTH, withGoogleConnection } from './with-google-connection.ts';

export type ChannelOutcome = 'opened' | 'superseded' | 'needs_reauth';

/**
 * Opens a push channel on the provider's calendar (events.watch) in place of the one `connection`
 * has (none after a consent; the expiring one on renewal), then stops the old one. The new channel
 * is recorded only if the connection still has the old one (replaceChannel): when a disconnect or
 * another renewal got there first, the channel just opened is stopped instead ('superseded'). The
 * channel's token goes to Google only; we keep its hash. Stopping is best effort: a channel left
 * open expires by itself, and its notifications name a channel we no longer know (404).
 */
export async function openGoogleChannel(
  services: CalendarServices,
  scope: Pick<TenantScope, 'calendarSyncs'>,
  connection: CalendarConnectionRow,
): Promise<ChannelOutcome> {
  const { providerId } = connection;
  const { token, hash } = newChannelToken();
  const outcome = await withGoogleConnection(services, scope.calendarSyncs, connection, async (google) => {
    const opened = await google.watch(connection.calendarId, {
      id: randomUUID(),
      token,
      address: services.google.notificationAddress,
      ttlSeconds: CHANNEL_TTL_SECONDS,
    });
    const recorded = await scope.calendarSyncs.replaceChannel(providerId, connection.channelId, {
      id: opened.id,
      resourceId: opened.resourceId,
      tokenHash: hash,
      expiresAt: opened.expiresAt,
    });
    const old =
      connection.channelId && connection.channelResourceId
        ? { id: connection.channelId, resourceId: connection.channelResourceId }
        : null;
    const stale = recorded ? old : { id: opened.id, resourceId: opened.resourceId };
    if (stale) await stopQuietly(services, google, stale, connection);
    return recorded ? ('opened' as const) : ('superseded' as const);
  });
  return outcome === NEEDS_REAUTH ? 'needs_reauth' : outcome;
}

export async function stopQuietly(
  services: CalendarServices,
  google: CalendarConnection,
  channel: { id: string; resourceId: string },
  connection: Pick<CalendarConnectionRow, 'tenantId' | 'providerId'>,
): Promise<void> {
  try {
    await google.stopChannel(channel);
  } catch (error) {
    if (error instanceof GoogleAuthRevokedError) throw error;
    services.log.warn(
      {
        tenantId: connection.tenantId,
        providerId: connection.providerId,
        channelId: channel.id,
        reason: String(error),
      },
      'google calendar: could not stop a channel; it expires by itself',
    );
  }
}
