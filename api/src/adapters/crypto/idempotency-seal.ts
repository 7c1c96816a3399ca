import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Stored idempotent answers can carry secrets (a booking's manage token, a
 * new API key). They are sealed with AES-256-GCM under a key derived (HKDF-
 * SHA256) from the Idempotency-Key itself, which only the client holds; the
 * database keeps only the key's hash. A replay, which presents the key, can
 * open the answer; a reader of the database cannot. Keys are as strong as the
 * client makes them (the SDK sends random UUIDs).
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What identifies a key in storage: SHA-256 hex of the route and the key. */
export function idempotencyKeyHash(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('hex');
}

export function sealAnswer(key: string, context: string, answer: unknown): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(key, context), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer) ?? 'null', 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

export function openAnswer(key: string, context: string, sealed: Uint8Array): unknown {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', derivedKey(key, context), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

function derivedKey(key: string, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, context, 'mais idempotent answer', 32));
}
