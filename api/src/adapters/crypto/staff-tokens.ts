import { createHash, randomBytes } from 'node:crypto';

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

/** The lockout counts by a hash of the address, so the table lists no emails. */
export function emailHash(email: string): string {
  return createHash('sha256').update(`sign-in:${email.toLowerCase()}`, 'utf8').digest('hex');
}
