import { describe, expect, it } from 'vitest';
import { manageLinkBase } from './manage-link.ts';

describe('manageLinkBase', () => {
  const hosted = { slug: 'studio-nord', enabled: true };

  it("prefers the tenant's own page", () => {
    expect(manageLinkBase('https://studio.example/book', hosted, 'https://api.example')).toBe(
      'https://studio.example/book',
    );
  });

  it('falls back to the hosted booking page when it is on and the public URL is known', () => {
    expect(manageLinkBase(null, hosted, 'https://api.example')).toBe('https://api.example/book/studio-nord');
    expect(manageLinkBase(null, { ...hosted, enabled: false }, 'https://api.example')).toBeNull();
    expect(manageLinkBase(null, hosted, undefined)).toBeNull();
  });
});
