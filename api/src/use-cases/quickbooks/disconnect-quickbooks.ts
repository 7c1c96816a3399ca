import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { openQuickBooksTokens } from './quickbooks-credentials.ts';
import { messageOf, type QuickBooksServices } from './quickbooks-services.ts';

/**
 * Disconnects the tenant's QuickBooks company: the refresh token is revoked at Intuit (so the app
 * disappears from the company's connected apps) and the tokens are forgotten here. Intuit's part
 * is best effort: we forget ours whatever Intuit says. Receipts already pushed stay in QuickBooks,
 * and so do the records of them (a reconnection to the same company does not push them twice).
 */
export async function disconnectQuickBooks(
  scope: Pick<TenantScope, 'quickbooksConnections'>,
  services: QuickBooksServices | null,
): Promise<void> {
  const row = await scope.quickbooksConnections.find();
  if (!row) return;
  if (services && row.refreshToken) {
    try {
      const tokens = openQuickBooksTokens(services.box, row);
      if (tokens) await services.platform.oauth.revoke(tokens.refreshToken);
    } catch (error) {
      services.log.warn(
        { tenantId: row.tenantId, reason: messageOf(error) },
        'quickbooks: revoking at Intuit failed; the tokens are forgotten anyway',
      );
    }
  }
  await scope.quickbooksConnections.disconnect();
}
