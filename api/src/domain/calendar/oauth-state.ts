import { createHash, randomBytes } from 'node:crypto';
import { MINUTE } from '../time-units.ts';

/**
 * The `state` of a Google consent: 32 random bytes (base64url) that come back on the callback and
 * say which tenant and provider gave consent. Only its SHA-256 is stored, with an expiry; the
 * callback deletes the row it finds, so a state works once. Unguessable and single-use, it needs
 * no signature: a forged state matches no row. Ten minutes is ample to click through a consent
 * screen and short enough that a state leaked from a browser history is useless.
 */
export const OAUTH_STATE_TTL_MS = 10 * MINUTE;

export function newOAuthState(): { state: string; hash: string } {
  const state = randomBytes(32).toString('base64url');
  return { state, hash: hashOAuthState(state) };
}

export function hashOAuthState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}
