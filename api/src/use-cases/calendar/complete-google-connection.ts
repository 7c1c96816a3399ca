import {
  GoogleAuthRevokedError,
  GoogleRefusedError,
  GoogleUnavailableError,
  type GoogleTokens,
} from '../../adapters/google/calendar-gateway.ts';
import { takeOAuthState } from '../../adapters/db/repositories/calendar-connection-lookup.ts';
import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { hashOAuthState } from '../../domain/calendar/oauth-state.ts';
import { InvalidOAuthStateError, OAuthDeniedError, ServiceBusyError } from '../../domain/errors.ts';
import type { CalendarServices } from './calendar-services.ts';
import { requireCalendarServices } from './calendar-services.ts';
import { sealTokens } from './google-credentials.ts';
import { openGoogleChannel, stopQuietly } from './open-google-channel.ts';
import { messageOf, syncGoogleCalendar } from './sync-google-calendar.ts';
import { withGoogleConnection } from './with-google-connection.ts';

/** What Google sends the browser back with. */
export interface ConsentCallback {
  state: string;
  code?: string | undefined;
  /** access_denied when the provider said no. */
  error?: string | undefined;
}

const RETRY_AFTER_SECONDS = 5;

/**
 * Step two: the browser comes back from Google's consent page. The state must be one we issued,
 * unused and under ten minutes old (it is taken, so it never works twice); it says which tenant
 * and provider consented. The code is exchanged for tokens, the refresh token is kept sealed, and
 * the connection is (again) ACTIVE. Then a push channel is opened and the calendar listed in full:
 * both best effort, since the consent itself succeeded; a failure is recorded as lastError, and the
 * hourly renewal and the 15-minute poll do them later. Nothing is stored when the state or the
 * code is refused.
 */
export async function completeGoogleConnection(
  db: Db,
  services: CalendarServices | null,
  callback: ConsentCallback,
): Promise<{ tenantId: string; providerId: string }> {
  const calendar = requireCalendarServices(services);
  const taken = await takeOAuthState(db, hashOAuthState(callback.state));
  if (!taken || taken.expiresAt <= calendar.now()) {
    throw new InvalidOAuthStateError(
      'This Google sign-in link is not valid: it is unknown, expired or was already used. Connect the calendar again.',
    );
  }
  if (callback.error || !callback.code) {
    throw new OAuthDeniedError('Google gave no access to the calendar. Connect it again to retry.');
  }
  const tokens = await exchange(calendar, callback.code);
  const { tenantId, providerId } = taken;
  const scope = forTenant(db, tenantId);
  const { previous, connection } = await scope.calendarSyncs.connect(
    providerId,
    sealTokens(calendar.box, tenantId, providerId, tokens),
    calendar.now(),
  );
  try {
    if (previous?.channelId && previous.channelResourceId) {
      const old = { id: previous.channelId, resourceId: previous.channelResourceId };
      // The same person's calendar, usually: their new grant can stop the channel of their old one.
      await withGoogleConnection(calendar, scope.calendarSyncs, connection, (google) =>
        stopQuietly(calendar, google, old, connection),
      );
    }
    await openGoogleChannel(calendar, scope, connection);
    await syncGoogleCalendar(calendar, scope, providerId);
  } catch (error) {
    await scope.calendarSyncs.recordError(providerId, messageOf(error));
    calendar.log.warn(
      { tenantId, providerId, reason: messageOf(error) },
      'google calendar: first sync failed; the jobs retry',
    );
  }
  return { tenantId, providerId };
}

async function exchange(calendar: CalendarServices, code: string): Promise<GoogleTokens> {
  try {
    return await calendar.google.exchangeCode(code);
  } catch (error) {
    if (error instanceof GoogleAuthRevokedError || error instanceof GoogleRefusedError) {
      throw new OAuthDeniedError(
        'Google refused the sign-in (it expired or was used). Connect the calendar again.',
      );
    }
    if (error instanceof GoogleUnavailableError) {
      throw new ServiceBusyError(
        'Google did not answer. Connect the calendar again in a moment.',
        RETRY_AFTER_SECONDS,
        error,
      );
    }
    throw error;
  }
}
