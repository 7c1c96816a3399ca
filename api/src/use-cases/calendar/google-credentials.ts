import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { sealContexts } from '../../adapters/crypto/sealed-columns.ts';
import type { GoogleTokens, StoredCredentials } from '../../adapters/google/calendar-gateway.ts';
import type {
  CalendarConnectionRow,
  SealedTokens,
} from '../../adapters/db/repositories/calendar-syncs.repository.ts';

/**
 * A provider's Google tokens are kept sealed (SecretBox), each bound to its column, tenant and
 * provider: a sealed token copied to another row, or into the other column, does not open.
 */
const context = sealContexts.googleToken;

export function sealTokens(
  box: SecretBox,
  tenantId: string,
  providerId: string,
  tokens: GoogleTokens,
): SealedTokens {
  return {
    refreshToken: box.seal(tokens.refreshToken, context('refreshToken', tenantId, providerId)),
    accessToken: tokens.accessToken
      ? box.seal(tokens.accessToken, context('accessToken', tenantId, providerId))
      : null,
    accessExpiresAt: tokens.accessToken ? tokens.accessExpiresAt : null,
  };
}

/** The connection's tokens in clear, for one call; null without a refresh token (not ACTIVE). */
export function openTokens(box: SecretBox, row: CalendarConnectionRow): StoredCredentials | null {
  if (!row.refreshToken) return null;
  return {
    refreshToken: box.open(row.refreshToken, context('refreshToken', row.tenantId, row.providerId)),
    accessToken: row.accessToken
      ? box.open(row.accessToken, context('accessToken', row.tenantId, row.providerId))
      : null,
    accessExpiresAt: row.accessExpiresAt,
  };
}
