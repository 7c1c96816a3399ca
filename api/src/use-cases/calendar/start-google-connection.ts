import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { newOAuthState, OAUTH_STATE_TTL_MS } from '../../domain/calendar/oauth-state.ts';
import type { CalendarServices } from './calendar-services.ts';
import { requireCalendarServices } from './calendar-services.ts';

/**
 * Step one of connecting a provider's Google calendar: a consent under way (its state, stored as
 * a hash for ten minutes) and Google's consent page for it, where the provider signs in and
 * allows access. Google then sends the browser to GET /v1/oauth/google/callback
 * (complete-google-connection.ts). Another tenant's provider is not found (404).
 */
export async function startGoogleConnection(
  scope: Pick<TenantScope, 'providers' | 'calendarSyncs'>,
  services: CalendarServices | null,
  providerId: string,
): Promise<{ authorizationUrl: string }> {
  await scope.providers.get(providerId);
  const { google, now } = requireCalendarServices(services);
  const { state, hash } = newOAuthState();
  await scope.calendarSyncs.saveOAuthState(providerId, hash, new Date(now().getTime() + OAUTH_STATE_TTL_MS));
  return { authorizationUrl: google.authorizationUrl(state) };
}
