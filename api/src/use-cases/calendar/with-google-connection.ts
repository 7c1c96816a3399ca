import { SecretBoxError } from '../../adapters/crypto/secret-box.ts';
import { GoogleAuthRevokedError, type CalendarConnection } from '../../adapters/google/calendar-gateway.ts';
import type {
  CalendarConnectionRow,
  CalendarSyncsRepository,
} from '../../adapters/db/repositories/calendar-syncs.repository.ts';
import type { CalendarServices } from './calendar-services.ts';
import { openTokens, sealTokens } from './google-credentials.ts';

/** What withGoogleConnection answers when Google refused the provider's grant. */
export const NEEDS_REAUTH = Symbol('needs reauth');

export const REAUTH_MESSAGE =
  'Google refused the connection (access revoked or expired): the provider must connect the calendar again.';

const UNREADABLE_MESSAGE =
  'The stored Google token cannot be opened with this ENCRYPTION_KEY: the provider must connect the calendar again.';

/**
 * Runs `work` against a provider's calendar with their credentials, and keeps the access token
 * Google refreshed on the way (sealed), so the next call skips the token endpoint. When Google
 * refuses the grant (invalid_grant: revoked, expired, password changed), the connection becomes
 * NEEDS_REAUTH, which the status route shows, and NEEDS_REAUTH is answered instead of an error:
 * a job then ends without retrying, and no further call is made for the connection until the
 * provider consents again.
 */
export async function withGoogleConnection<T>(
  services: CalendarServices,
  connections: CalendarSyncsRepository,
  row: CalendarConnectionRow,
  work: (google: CalendarConnection) => Promise<T>,
): Promise<T | typeof NEEDS_REAUTH> {
  let credentials;
  try {
    credentials = openTokens(services.box, row);
  } catch (error) {
    // Sealed under a key this process no longer has (ENCRYPTION_KEY changed without _PREVIOUS):
    // as lost as a revoked token.
    if (!(error instanceof SecretBoxError)) throw error;
    await connections.markNeedsReauth(row.providerId, UNREADABLE_MESSAGE);
    return NEEDS_REAUTH;
  }
  if (!credentials) return NEEDS_REAUTH;
  const google = services.google.connect(credentials);
  try {
    return await work(google);
  } catch (error) {
    if (!(error instanceof GoogleAuthRevokedError)) throw error;
    await connections.markNeedsReauth(row.providerId, REAUTH_MESSAGE);
    services.log.warn(
      { tenantId: row.tenantId, providerId: row.providerId, reason: error.message },
      'google calendar: access revoked; the provider must connect again',
    );
    return NEEDS_REAUTH;
  } finally {
    const refreshed = google.refreshedTokens();
    if (refreshed) {
      await connections.saveTokens(
        row.providerId,
        sealTokens(services.box, row.tenantId, row.providerId, refreshed),
      );
    }
  }
}
