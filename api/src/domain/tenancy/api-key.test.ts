import { describe, expect, it } from 'vitest';
import { displayPrefix, formatApiKey, hashApiKey, parseApiKey } from './api-key.ts';

const bytes = (values: number[]) => Uint8Array.from(values);
const counting = bytes(Array.from({ length: 48 }, (_, i) => i));

describe('formatApiKey', () => {
  it('builds <kind>_<mode>_<slug>_<32 base62 characters>', () => {
    expect(formatApiKey('PUBLISHABLE', 'LIVE', 'studio', counting)).toBe(
      'pk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
    );
    expect(formatApiKey('SECRET', 'TEST', 'a-b', counting)).toMatch(/^sk_test_a-b_[0-9A-Za-z]{32}$/);
  });

  it('skips bytes ≥ 248 so every character is equally likely', () => {
    const withHigh = bytes([255, 248, 61, ...Array.from({ length: 40 }, () => 0)]);
    expect(formatApiKey('SECRET', 'LIVE', 's', withHigh)).toBe(`sk_live_s_z${'0'.repeat(31)}`);
  });

  it('refuses too few random bytes', () => {
    expect(() => formatApiKey('SECRET', 'LIVE', 's', bytes(Array.from({ length: 31 }, () => 1)))).toThrow(
      /not enough random bytes/,
    );
  });
});

describe('parseApiKey', () => {
  it.each([
    [
      'pk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
      { kind: 'PUBLISHABLE', mode: 'LIVE', slug: 'studio' },
    ],
    ['sk_test_my-shop_abcdefghijklmnopqrstuvwxyzABCDEF', { kind: 'SECRET', mode: 'TEST', slug: 'my-shop' }],
  ])('parses %s', (raw, expected) => {
    expect(parseApiKey(raw)).toEqual(expected);
  });

  it.each([
    '',
    'pk_live_studio',
    'pk_live_studio_short',
    'xk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
    'pk_prod_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
    'pk_live_Studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
    'pk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTU!',
    ' pk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV',
  ])('rejects %j', (raw) => {
    expect(parseApiKey(raw)).toBeNull();
  });
});

describe('hashApiKey and displayPrefix', () => {
  it('hashes with SHA-256 (hex)', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('shows the kind, mode, slug and 4 random characters only', () => {
    expect(displayPrefix('sk_live_studio_0123456789ABCDEFGHIJKLMNOPQRSTUV')).toBe('sk_live_studio_0123');
  });
});
