import { describe, expect, it } from 'vitest';
import { SERVICE_SLUG_PATTERN, serviceSlugFor } from './service-slug.ts';

describe('serviceSlugFor', () => {
  it('makes the slug from the name', () => {
    expect(serviceSlugFor('Coupe & Brushing Café', new Set())).toBe('coupe-brushing-cafe');
  });

  it('falls back to "service" when the name has nothing usable', () => {
    expect(serviceSlugFor('✂️ 理发', new Set())).toBe('service');
  });

  it('takes the first free numbered slug when the name is taken', () => {
    expect(serviceSlugFor('Cut', new Set(['cut']))).toBe('cut-2');
    expect(serviceSlugFor('Cut', new Set(['cut', 'cut-2', 'cut-3']))).toBe('cut-4');
  });

  it('stays within 40 characters with a suffix', () => {
    const name = 'a'.repeat(60);
    const slug = serviceSlugFor(name, new Set(['a'.repeat(40)]));
    expect(slug).toBe(`${'a'.repeat(38)}-2`);
    expect(slug).toMatch(SERVICE_SLUG_PATTERN);
  });
});
