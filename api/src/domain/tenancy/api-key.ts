import { createHash } from 'node:crypto';
import type { ApiKeyKind, ApiKeyMode } from '../../generated/prisma/enums.ts';

/**
 * Tenant API keys.
 *
 * Shape: `<pk|sk>_<live|test>_<tenant slug>_<32 base62 characters>`, e.g.
 * `sk_live_studio-nord_5hG2…`. The slug makes a key recognisable in logs and
 * support tickets; the 32 random characters (≈190 bits) make it unguessable.
 * Only the SHA-256 of the whole key and a short display prefix are stored.
 */

export type { ApiKeyKind, ApiKeyMode };

const KIND_PREFIX = { PUBLISHABLE: 'pk', SECRET: 'sk' } as const satisfies Record<ApiKeyKind, string>;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const API_KEY_SECRET_LENGTH = 32;
const KEY_PATTERN = /^(pk|sk)_(live|test)_([a-z0-9][a-z0-9-]{0,39})_([0-9A-Za-z]{32})$/;

export interface ParsedApiKey {
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  slug: string;
}

/**
 * Builds a key from `randomBytes` (at least 32 of them, from a CSPRNG). Bytes
 * ≥ 248 are skipped so each base62 character is uniform.
 */
export function formatApiKey(
  kind: ApiKeyKind,
  mode: ApiKeyMode,
  slug: string,
  randomBytes: Uint8Array,
): string {
  let secret = '';
  for (const byte of randomBytes) {
    if (secret.length === API_KEY_SECRET_LENGTH) break;
    if (byte < 248) secret += BASE62[byte % 62];
  }
  if (secret.length < API_KEY_SECRET_LENGTH) throw new Error('formatApiKey: not enough random bytes');
  return `${KIND_PREFIX[kind]}_${mode.toLowerCase()}_${slug}_${secret}`;
}

/** Returns the key's parts, or null for anything that is not a well-formed key. */
export function parseApiKey(raw: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(raw);
  if (!match) return null;
  const [, kind, mode, slug] = match as unknown as [string, 'pk' | 'sk', 'live' | 'test', string];
  return { kind: kind === 'pk' ? 'PUBLISHABLE' : 'SECRET', mode: mode === 'live' ? 'LIVE' : 'TEST', slug };
}

export function hashApiKey(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** What may be shown after creation: everything but the last 28 random characters. */
export function displayPrefix(raw: string): string {
  return raw.slice(0, raw.length - API_KEY_SECRET_LENGTH + 4);
}
