import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { sealContexts } from '../../adapters/crypto/sealed-columns.ts';
import type {
  QuickBooksConnectionRow,
  SealedQuickBooksTokens,
} from '../../adapters/db/repositories/quickbooks-connections.repository.ts';
import type { QuickBooksTokens } from '../../adapters/quickbooks/quickbooks-oauth.ts';

/**
 * A tenant's QuickBooks tokens are kept sealed (SecretBox), each bound to its column and tenant: a
 * sealed token copied to another tenant's row, or into the other column, does not open.
 */
const context = sealContexts.quickBooksToken;

export function sealQuickBooksTokens(
  box: SecretBox,
  tenantId: string,
  tokens: QuickBooksTokens,
): SealedQuickBooksTokens {
  return {
    refreshToken: box.seal(tokens.refreshToken, context('refreshToken', tenantId)),
    accessToken: box.seal(tokens.accessToken, context('accessToken', tenantId)),
    accessExpiresAt: tokens.accessExpiresAt,
  };
}

/** The connection's tokens in clear, for one push; null without them (not ACTIVE). */
export function openQuickBooksTokens(box: SecretBox, row: QuickBooksConnectionRow): QuickBooksTokens | null {
  if (!row.refreshToken || !row.accessToken || !row.accessExpiresAt) return null;
  return {
    refreshToken: box.open(row.refreshToken, context('refreshToken', row.tenantId)),
    accessToken: box.open(row.accessToken, context('accessToken', row.tenantId)),
    accessExpiresAt: row.accessExpiresAt,
  };
}
