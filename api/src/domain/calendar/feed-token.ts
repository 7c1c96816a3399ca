import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a calendar feed's URL: 32 random bytes, base64url (43 characters). Requests are
 * matched by its SHA-256, as API keys and manage tokens are: a high-entropy secret needs no slow
 * hash, and a lookup by hash compares nothing secret character by character.
 */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Shaped like a token we make; anything else is not worth a lookup. */
export function isFeedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
