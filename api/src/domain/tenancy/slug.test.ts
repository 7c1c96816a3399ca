import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Studio Nord', 'studio-nord'],
    ['  Café Crème & Co.  ', 'cafe-creme-co'],
    ['Ünïcödé Spa', 'unicode-spa'],
    ['Ørsted Hår', 'rsted-har'],
    ['!!!', ''],
    ['a'.repeat(60), 'a'.repeat(40)],
    [`${'b'.repeat(39)} x`, 'b'.repeat(39)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(slug).toMatch(SLUG_PATTERN);
  });
});
