import type { Config } from '../../config.ts';
import type { GoogleCalendarGateway } from './calendar-gateway.ts';
import { GoogleApisCalendarGateway } from './google-calendar-gateway.ts';

/** How long a call to Google may take before it fails (and its job or webhook is retried). */
const TIMEOUT_MS = 15_000;

/** Paths Google is given: the consent's redirect and the push notifications' address. */
export const OAUTH_CALLBACK_PATH = '/v1/oauth/google/callback';
export const NOTIFICATION_PATH = '/v1/webhooks/google-calendar';

/**
 * The platform's Google client, or null when Google Calendar is not set up: it needs the OAuth
 * client (GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET; the config requires ENCRYPTION_KEY with them, to
 * seal refresh tokens) and PUBLIC_URL, from which the consent's redirect URI and the push address
 * are built (both must be registered with Google). GOOGLE_API_BASE and GOOGLE_OAUTH_BASE send the
 * calls to other servers (a fake in tests).
 */
export function createGoogleCalendarGateway(
  config: Pick<
    Config,
    'GOOGLE_CLIENT_ID' | 'GOOGLE_CLIENT_SECRET' | 'GOOGLE_API_BASE' | 'GOOGLE_OAUTH_BASE' | 'PUBLIC_URL'
  >,
): GoogleCalendarGateway | null {
  if (!config.GOOGLE_CLIENT_ID || !config.GOOGLE_CLIENT_SECRET || !config.PUBLIC_URL) return null;
  return new GoogleApisCalendarGateway({
    clientId: config.GOOGLE_CLIENT_ID,
    clientSecret: config.GOOGLE_CLIENT_SECRET,
    redirectUri: `${config.PUBLIC_URL}${OAUTH_CALLBACK_PATH}`,
    notificationAddress: `${config.PUBLIC_URL}${NOTIFICATION_PATH}`,
    apiRoot: config.GOOGLE_API_BASE,
    oauthBase: config.GOOGLE_OAUTH_BASE,
    timeoutMs: TIMEOUT_MS,
  });
}
