/**
 * How long sessions and emailed tokens live, and when the session cookie is Secure.
 * A session ends 12 hours after its last use or 30 days after sign-in, whichever comes first.
 */

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600_000;
/** lastSeenAt is written at most this often, to keep a write off most requests. */
export const SESSION_TOUCH_MS = 60_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;

export const SESSION_COOKIE = 'mais_session';

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function sessionLive(session: SessionTimes, now: Date): boolean {
  return (
    session.revokedAt === null &&
    now.getTime() < session.expiresAt.getTime() &&
    now.getTime() < session.lastSeenAt.getTime() + SESSION_IDLE_MS
  );
}

/**
 * The cookie is Secure except in local development: NODE_ENV development or test, or a
 * PUBLIC_URL on http://localhost or http://127.0.0.1 (a browser drops a Secure cookie sent
 * over plain http, so sign-in would silently fail there).
 */
export function cookieSecure(nodeEnv: string | undefined, publicUrl: string | undefined): boolean {
  if (nodeEnv === 'development' || nodeEnv === 'test') return false;
  if (publicUrl && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/i.test(publicUrl)) return false;
  return true;
}
