import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import type { GoogleCalendarStatusDto } from '../../schemas/google-calendar.schemas.ts';

/** A provider's Google connection as the admin sees it: state, last sync, last error; never a token. */
export async function googleConnectionStatus(
  scope: Pick<TenantScope, 'providers' | 'calendarSyncs'>,
  providerId: string,
): Promise<GoogleCalendarStatusDto> {
  await scope.providers.get(providerId);
  const row = await scope.calendarSyncs.find(providerId);
  return {
    connected: row?.status === 'ACTIVE',
    status: row?.status ?? 'DISCONNECTED',
    calendarId: row && row.status !== 'DISCONNECTED' ? row.calendarId : null,
    connectedAt: row?.connectedAt?.toISOString() ?? null,
    lastSyncedAt: row?.lastSyncedAt?.toISOString() ?? null,
    lastError: row?.lastError ?? null,
    channelExpiresAt: row?.channelExpiresAt?.toISOString() ?? null,
  };
}
