import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret of a push channel: Google echoes it in X-Goog-Channel-Token on every notification, so
 * a notification naming our channel id without it is not Google's. 32 random bytes (base64url);
 * only its SHA-256 is stored, as we only ever compare it.
 */
export function newChannelToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashChannelToken(token) };
}

export function hashChannelToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares in constant time (hashes of equal length), so timing reveals nothing of the token. */
export function channelTokenMatches(given: string, storedHash: string): boolean {
  const a = Buffer.from(hashChannelToken(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
