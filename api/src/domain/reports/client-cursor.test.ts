import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { decodeClientCursor, encodeClientCursor } from './client-cursor.ts';

describe('client report cursor', () => {
  it('round-trips names and emails with any characters', () => {
    for (const position of [
      { nameKey: 'ada lovelace', email: 'ada@example.com' },
      { nameKey: 'müller, "jo" | 100%_', email: "o'brien+tag@example.com" },
      { nameKey: '', email: 'x@y.z' },
    ]) {
      expect(decodeClientCursor(encodeClientCursor(position))).toEqual(position);
    }
  });

  it.each([
    ['not base64 json', 'zzz'],
    ['a string', Buffer.from('"a"').toString('base64url')],
    ['three parts', Buffer.from('["a","b","c"]').toString('base64url')],
    ['a number', Buffer.from('["a",1]').toString('base64url')],
    ['an empty email', Buffer.from('["a",""]').toString('base64url')],
    ['a NUL', Buffer.from('["a\\u0000","b"]').toString('base64url')],
    ['too long', Buffer.from(JSON.stringify(['a'.repeat(1001), 'b'])).toString('base64url')],
  ])('refuses %s with a ValidationError on cursor', (_, cursor) => {
    expect(() => decodeClientCursor(cursor)).toThrow(ValidationError);
  });
});
