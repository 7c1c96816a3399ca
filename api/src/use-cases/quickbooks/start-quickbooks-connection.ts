import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { newOAuthState, OAUTH_STATE_TTL_MS } from '../../domain/calendar/oauth-state.ts';
import { requireQuickBooksServices, type QuickBooksServices } from './quickbooks-services.ts';

/**
 * Step one of connecting the tenant's QuickBooks company: a consent under way (its state, stored
 * as a SHA-256 for ten minutes, single use) and Intuit's authorize page for it. Intuit then sends
 * the browser to GET /v1/oauth/quickbooks/callback (complete-quickbooks-connection.ts).
 */
export async function startQuickBooksConnection(
  scope: Pick<TenantScope, 'quickbooksConnections'>,
  services: QuickBooksServices | null,
): Promise<{ authorizationUrl: string }> {
  const { platform, now } = requireQuickBooksServices(services);
  const { state, hash } = newOAuthState();
  await scope.quickbooksConnections.saveOAuthState(hash, new Date(now().getTime() + OAUTH_STATE_TTL_MS));
  return { authorizationUrl: platform.oauth.authorizationUrl(state) };
}
