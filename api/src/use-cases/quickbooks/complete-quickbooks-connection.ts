import { takeQuickBooksOAuthState } from '../../adapters/db/repositories/quickbooks-connection-lookup.ts';
import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import {
  QuickBooksRefusedError,
  QuickBooksGrantRevokedError,
  QuickBooksUnavailableError,
  QuickBooksUnauthorizedError,
} from '../../adapters/quickbooks/quickbooks-errors.ts';
import type { QuickBooksTokens } from '../../adapters/quickbooks/quickbooks-oauth.ts';
import { hashOAuthState } from '../../domain/calendar/oauth-state.ts';
import { InvalidOAuthStateError, OAuthDeniedError, ServiceBusyError } from '../../domain/errors.ts';
import { sealQuickBooksTokens } from './quickbooks-credentials.ts';
import { requireQuickBooksServices, type QuickBooksServices } from './quickbooks-services.ts';

/** What Intuit sends the browser back with. */
export interface QuickBooksConsentCallback {
  state: string;
  code?: string | undefined;
  /** The company the tenant chose. */
  realmId?: string | undefined;
  /** access_denied when the tenant said no. */
  error?: string | undefined;
}

const RETRY_AFTER_SECONDS = 5;

/**
 * Step two: the browser comes back from Intuit. The state must be one we issued, unused and under
 * ten minutes old (it is taken, so it never works twice); it says which tenant consented. The code
 * is exchanged for tokens, kept sealed with the company's realmId, and the connection is (again)
 * ACTIVE. Nothing is stored when the state or the code is refused.
 */
export async function completeQuickBooksConnection(
  db: Db,
  services: QuickBooksServices | null,
  callback: QuickBooksConsentCallback,
): Promise<{ tenantId: string; realmId: string }> {
  const quickbooks = requireQuickBooksServices(services);
  const taken = await takeQuickBooksOAuthState(db, hashOAuthState(callback.state));
  if (!taken || taken.expiresAt <= quickbooks.now()) {
    throw new InvalidOAuthStateError(
      'This QuickBooks sign-in link is not valid: it is unknown, expired or was already used. Connect QuickBooks again.',
    );
  }
  if (callback.error || !callback.code || !callback.realmId) {
    throw new OAuthDeniedError(
      'Intuit gave no access to a QuickBooks company. Connect QuickBooks again to retry.',
    );
  }
  const tokens = await exchange(quickbooks, callback.code);
  const scope = forTenant(db, taken.tenantId);
  await scope.quickbooksConnections.connect(
    callback.realmId,
    sealQuickBooksTokens(quickbooks.box, taken.tenantId, tokens),
    quickbooks.now(),
  );
  quickbooks.log.info({ tenantId: taken.tenantId, realmId: callback.realmId }, 'quickbooks: connected');
  return { tenantId: taken.tenantId, realmId: callback.realmId };
}

async function exchange(quickbooks: QuickBooksServices, code: string): Promise<QuickBooksTokens> {
  try {
    return await quickbooks.platform.oauth.exchangeCode(code);
  } catch (error) {
    if (
      error instanceof QuickBooksGrantRevokedError ||
      error instanceof QuickBooksRefusedError ||
      error instanceof QuickBooksUnauthorizedError
    ) {
      throw new OAuthDeniedError(
        'Intuit refused the sign-in (it expired or was used). Connect QuickBooks again.',
      );
    }
    if (error instanceof QuickBooksUnavailableError) {
      throw new ServiceBusyError(
        'Intuit did not answer. Connect QuickBooks again in a moment.',
        RETRY_AFTER_SECONDS,
        error,
      );
    }
    throw error;
  }
}
