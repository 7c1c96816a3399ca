import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box.ts';

const key = () => randomBytes(32).toString('base64');

describe('SecretBox', () => {
  const current = key();
  const box = new SecretBox(current);

  it('opens what it sealed, and never shows the secret in the sealed text', () => {
    const sealed = box.seal('1//refresh-token-secret', 'calendar_syncs:abc');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain('refresh-token-secret');
    expect(box.open(sealed, 'calendar_syncs:abc')).toBe('1//refresh-token-secret');
    expect(box.seal('same', 'x')).not.toBe(box.seal('same', 'x')); // a fresh IV each time
  });

  it('refuses a value moved to another row, altered, or sealed under another key', () => {
    const sealed = box.seal('secret', 'row:1');
    expect(() => box.open(sealed, 'row:2')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'row:1')).toThrow(SecretBoxError);
    expect(() => new SecretBox(key()).open(sealed, 'row:1')).toThrow(SecretBoxError);
    expect(() => box.open('plain-text', 'row:1')).toThrow(SecretBoxError);
  });

  it('opens values of the previous key after a rotation, and says they need sealing again', () => {
    const old = box.seal('kept across rotation', 'row:1');
    const rotated = new SecretBox(key(), current);
    expect(rotated.open(old, 'row:1')).toBe('kept across rotation');
    expect(rotated.needsResealing(old)).toBe(true);
    expect(rotated.needsResealing(rotated.seal('new', 'row:1'))).toBe(false);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(SecretBoxError);
  });
});
