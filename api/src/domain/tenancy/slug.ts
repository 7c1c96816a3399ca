/**
 * A tenant's slug: lower-case letters, digits and hyphens, at most 40
 * characters, starting with a letter or digit. It appears in API keys.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** "Studio Nord Café" → "studio-nord-cafe". Returns "" when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
