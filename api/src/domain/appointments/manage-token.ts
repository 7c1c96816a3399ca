import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a client's manage link: 32 random bytes, base64url. Only its
 * SHA-256 is stored, as for API keys; comparing hashes of a high-entropy
 * secret needs no slow hash.
 */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashManageToken(token) };
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
