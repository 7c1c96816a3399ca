import { SLUG_PATTERN, slugify } from '../tenancy/slug.ts';

/** A service's slug: the tenant slug's rules (lower-case letters, digits, hyphens, at most 40). */
export const SERVICE_SLUG_PATTERN = SLUG_PATTERN;

/**
 * The slug for a new service named `name`: slugify(name) ("service" when nothing usable is left),
 * or, when another of the tenant's services has it, the first free `<slug>-2`, `-3`… (`taken`: the
 * tenant's slugs starting with that base). Example: "Cut" with "cut" and "cut-2" taken → "cut-3".
 */
export function serviceSlugFor(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name) || 'service';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 40 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
