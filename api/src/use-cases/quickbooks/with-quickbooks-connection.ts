import { SecretBoxError } from '../../adapters/crypto/secret-box.ts';
import type {
  QuickBooksConnectionRow,
  QuickBooksConnectionsRepository,
} from '../../adapters/db/repositories/quickbooks-connections.repository.ts';
import { QuickBooksApi, type AccessTokens } from '../../adapters/quickbooks/quickbooks-api.ts';
import { QuickBooksGrantRevokedError } from '../../adapters/quickbooks/quickbooks-errors.ts';
import { openQuickBooksTokens, sealQuickBooksTokens } from './quickbooks-credentials.ts';
import type { QuickBooksServices } from './quickbooks-services.ts';

/** What withQuickBooksConnection answers when Intuit refused the grant (or the tokens cannot be opened). */
export const NEEDS_REAUTH = Symbol('needs reauth');
/** ... and when the tenant has no ACTIVE connection. */
export const NOT_CONNECTED = Symbol('not connected');

export const REAUTH_MESSAGE =
  'Intuit refused the connection (access revoked or expired): connect QuickBooks again.';
const UNREADABLE_MESSAGE =
  'The stored QuickBooks token cannot be opened with this ENCRYPTION_KEY: connect QuickBooks again.';

/** An access token this close to its expiry is refreshed before use rather than sent to fail. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Runs `work` against the tenant's QuickBooks company. The access token (an hour long) is refreshed
 * before it expires, and again when QuickBooks refuses it (401); each refresh is stored at once,
 * sealed, with the rotated refresh token, under the connection's row lock (a concurrent push then
 * uses the new tokens instead of refreshing with a refresh token Intuit has just replaced). When
 * Intuit refuses the grant (invalid_grant), the connection becomes NEEDS_REAUTH, nothing more is
 * pushed for it, and NEEDS_REAUTH is answered instead of an error: a job then ends without retrying.
 */
export async function withQuickBooksConnection<T>(
  services: QuickBooksServices,
  connections: QuickBooksConnectionsRepository,
  work: (api: QuickBooksApi, connection: QuickBooksConnectionRow) => Promise<T>,
): Promise<T | typeof NEEDS_REAUTH | typeof NOT_CONNECTED> {
  const row = await connections.find();
  if (!row || row.status !== 'ACTIVE') return NOT_CONNECTED;
  let tokens;
  try {
    tokens = openQuickBooksTokens(services.box, row);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    await connections.markNeedsReauth(UNREADABLE_MESSAGE);
    return NEEDS_REAUTH;
  }
  if (!tokens) return NOT_CONNECTED;
  let access = { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };

  const renew = async (refused: string): Promise<string> => {
    const now = services.now().getTime();
    const locked = await connections.refreshLocked(async (current) => {
      const stored = openQuickBooksTokens(services.box, current)!;
      // Another push refreshed meanwhile: its token is the one to use.
      if (stored.accessToken !== refused && stored.accessExpiresAt.getTime() > now + EXPIRY_MARGIN_MS)
        return null;
      const fresh = await services.platform.oauth.refresh(stored.refreshToken);
      return sealQuickBooksTokens(services.box, current.tenantId, fresh);
    });
    if (!locked) throw new QuickBooksGrantRevokedError('QuickBooks: the connection ended meanwhile', null);
    const opened = openQuickBooksTokens(services.box, locked)!;
    access = { token: opened.accessToken, expiresAt: opened.accessExpiresAt };
    return access.token;
  };
  const accessTokens: AccessTokens = {
    async current() {
      if (access.expiresAt.getTime() - services.now().getTime() > EXPIRY_MARGIN_MS) return access.token;
      return renew(access.token);
    },
    renew,
  };

  try {
    return await work(new QuickBooksApi(services.platform.apiBase, row.realmId, accessTokens), row);
  } catch (error) {
    if (!(error instanceof QuickBooksGrantRevokedError)) throw error;
    await connections.markNeedsReauth(REAUTH_MESSAGE);
    services.log.warn(
      { tenantId: row.tenantId, realmId: row.realmId, reason: error.message },
      'quickbooks: access refused; the tenant must connect again',
    );
    return NEEDS_REAUTH;
  }
}
