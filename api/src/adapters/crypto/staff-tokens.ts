import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Session, CSRF, invite and reset tokens: 32 random bytes (base64url) given to the holder once;
 * only their SHA-256 is stored, so a copy of the database opens no session and no link.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A session's CSRF token, derived from its cookie token (HMAC keyed by it), so the console can ask
 * for it again after a reload (GET /v1/auth/sessions/current) while only its hash is stored. A
 * page on another origin can neither read the cookie nor the answer, so it cannot learn it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('mais-csrf', 'utf8').digest('base64url');
}

/** The lockout counts by a hash of the address, so the table lists no emails. */
export function emailHash(email: string): string {
  return createHash('sha256').update(`sign-in:${email.toLowerCase()}`, 'utf8').digest('hex');
}
