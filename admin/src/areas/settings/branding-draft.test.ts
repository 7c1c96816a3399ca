import { describe, expect, it } from 'vitest';
import { cleanBranding, contrastRatio, previewStyle, previewTheme, profilePatch } from './branding-draft.ts';

const saved = {
  name: 'Demo Studio',
  timezone: 'Europe/Berlin',
  currency: 'EUR',
  branding: { primaryColor: '#2453C7', theme: 'light' as const },
};

describe('business profile draft', () => {
  it('sends only what changed, branding whole', () => {
    expect(profilePatch(saved, { ...saved, branding: { ...saved.branding } })).toEqual({});
    expect(profilePatch(saved, { ...saved, name: ' Studio Two ', currency: 'usd' })).toEqual({
      name: 'Studio Two',
      currency: 'USD',
    });
    expect(
      profilePatch(saved, {
        ...saved,
        branding: { ...saved.branding, primaryColor: '#7a1f5c', fontFamily: ' ' },
      }),
    ).toEqual({ branding: { primaryColor: '#7a1f5c', theme: 'light' } });
  });

  it('drops empty branding fields', () => {
    expect(cleanBranding({ primaryColor: '', logoUrl: ' https://x.example/l.png ', fontFamily: '' })).toEqual(
      {
        logoUrl: 'https://x.example/l.png',
      },
    );
  });

  it('styles the preview with the widget brand fallbacks, safely', () => {
    expect(previewStyle({ primaryColor: '#7a1f5c', fontFamily: 'Georgia; color: red {}' })).toBe(
      '--_brand-primary:#7a1f5c;--_brand-font:Georgia color: red',
    );
    expect(previewStyle({ primaryColor: 'red' })).toBe('');
  });

  it('resolves auto as the system does', () => {
    expect(previewTheme('auto', true)).toBe('dark');
    expect(previewTheme('auto', false)).toBe('light');
    expect(previewTheme(undefined, true)).toBe('light');
    expect(previewTheme('dark', false)).toBe('dark');
  });

  it('measures the contrast of white text on the brand colour', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#2453c7', '#ffffff')).toBeCloseTo(6.7, 1);
    expect(contrastRatio('#ffff00', '#ffffff')).toBeLessThan(1.1);
  });
});
