import { describe, expect, it } from 'vitest';
import { hashFeedToken, isFeedToken, newFeedToken } from './feed-token.ts';

describe('feed tokens', () => {
  it('are 32 random bytes in base64url, stored as SHA-256 hex', () => {
    const { token, hash } = newFeedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashFeedToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newFeedToken().token).not.toBe(token);
  });

  it.each([
    ['a'.repeat(43), true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    [`${'a'.repeat(42)}.`, false],
    ['', false],
  ])('isFeedToken(%s) is %s', (value, expected) => {
    expect(isFeedToken(value)).toBe(expected);
  });
});
