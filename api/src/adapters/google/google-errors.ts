import {
  GoogleAuthRevokedError,
  GoogleCalendarError,
  GoogleRefusedError,
  GoogleSyncTokenExpiredError,
  GoogleUnavailableError,
} from './calendar-gateway.ts';

/**
 * Google's client throws GaxiosErrors, which carry the request they failed on: its URL, headers
 * and body, where a refresh token or an authorization code can sit (gaxios' own redaction leaves
 * form fields other than grant_type and *secret* in place). None of that may reach a log, so no
 * GaxiosError leaves the adapter: it becomes one of ours, with Google's status and reason only.
 */
export async function callGoogle<T>(request: () => Promise<T>, what: string): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toCalendarError(error, what);
  }
}

export function toCalendarError(error: unknown, what: string): GoogleCalendarError {
  if (error instanceof GoogleCalendarError) return error;
  const { status, reason } = describe(error);
  const message = `Google ${what}: ${status ?? 'no answer'}${reason ? ` ${reason}` : ''}`;
  if (reason === 'invalid_grant') return new GoogleAuthRevokedError(message, status);
  if (status === null || status === 429 || status >= 500) return new GoogleUnavailableError(message, status);
  if (status === 410 && what === 'events.list') return new GoogleSyncTokenExpiredError(message, status);
  return new GoogleRefusedError(message, status);
}

/** The HTTP status and Google's short reason ("invalid_grant", "duplicate", "notFound"), nothing else. */
function describe(error: unknown): { status: number | null; reason: string | null } {
  const response = (error as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  const status = typeof response?.status === 'number' ? response.status : null;
  const data = response?.data as
    { error?: string | { errors?: Array<{ reason?: unknown }>; status?: unknown } } | undefined;
  let reason: unknown = null;
  if (typeof data?.error === 'string')
    reason = data.error; // the OAuth endpoints
  else if (data?.error) reason = data.error.errors?.[0]?.reason ?? data.error.status; // the Calendar API
  return { status, reason: typeof reason === 'string' && /^[\w.-]{1,60}$/.test(reason) ? reason : null };
}

export function statusOf(error: unknown): number | null {
  return error instanceof GoogleCalendarError ? error.status : null;
}
