import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets we must read back later (a provider's Google refresh token, an ICS feed's token) are
 * kept sealed with AES-256-GCM under ENCRYPTION_KEY, never in clear. A sealed value is text:
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts), where the key id is the first 8 hex
 * digits of the key's SHA-256, so a value sealed under ENCRYPTION_KEY_PREVIOUS still opens after a
 * rotation, and `needsResealing` tells which values to seal again under the current key.
 * `context` binds a value to where it is stored (the table and row): a sealed value copied into
 * another row does not open there.
 */
export class SecretBox {
  readonly #keys: Map<string, Buffer>;
  readonly #current: { id: string; key: Buffer };

  constructor(currentKeyBase64: string, previousKeyBase64?: string) {
    const current = keyOf(currentKeyBase64);
    this.#current = current;
    this.#keys = new Map([[current.id, current.key]]);
    if (previousKeyBase64) {
      const previous = keyOf(previousKeyBase64);
      this.#keys.set(previous.id, previous.key);
    }
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.#current.id, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plain value; throws SecretBoxError when it was altered, moved, or sealed under an unknown key. */
  open(sealed: string, context: string): string {
    const [version, id, iv, tag, body, ...rest] = sealed.split('.');
    if (version !== 'v1' || !id || iv === undefined || tag === undefined || body === undefined || rest.length)
      throw new SecretBoxError('not a sealed value');
    const key = this.#keys.get(id);
    if (!key) throw new SecretBoxError('sealed under a key this process does not have');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError('the sealed value does not open: altered, or stored for another row');
    }
  }

  /** Sealed under a key other than the current one (open it and seal it again). */
  needsResealing(sealed: string): boolean {
    return keyIdOf(sealed) !== this.#current.id;
  }

  /** The current key's id: the second part of every value it seals. */
  get currentKeyId(): string {
    return this.#current.id;
  }
}

/** The box of the configured keys, or null without ENCRYPTION_KEY (the features that need one say so). */
export function secretBoxOf(config: {
  ENCRYPTION_KEY?: string | undefined;
  ENCRYPTION_KEY_PREVIOUS?: string | undefined;
}) {
  return config.ENCRYPTION_KEY ? new SecretBox(config.ENCRYPTION_KEY, config.ENCRYPTION_KEY_PREVIOUS) : null;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** The id of the key a sealed value was sealed under (the second part of `v1.<id>.…`). */
export function keyIdOf(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

function keyOf(base64: string): { id: string; key: Buffer } {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new SecretBoxError('an encryption key must be 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}
