/**
 * The business profile form's pure parts: what to send (only what changed), how the preview is
 * styled (the widget's own `--_brand-*` fallbacks, widget/src/styles/tokens.styles.ts), and whether
 * white text is readable on the chosen colour (the widget puts white on the primary colour).
 */

export interface Branding {
  primaryColor?: string;
  logoUrl?: string;
  fontFamily?: string;
  theme?: 'light' | 'dark' | 'auto';
}

export interface ProfileDraft {
  name: string;
  timezone: string;
  currency: string;
  branding: Branding;
}

export type ProfilePatch = Partial<ProfileDraft>;

/** The widget's primary colour when a business sets none. */
export const DEFAULT_PRIMARY = '#2453c7';
/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColour(text: string): boolean {
  return HEX.test(text);
}

/** The fields that differ from what is stored; branding goes whole (the API replaces it). */
export function profilePatch(saved: ProfileDraft, draft: ProfileDraft): ProfilePatch {
  const patch: ProfilePatch = {};
  if (draft.name.trim() !== saved.name) patch.name = draft.name.trim();
  if (draft.timezone !== saved.timezone) patch.timezone = draft.timezone;
  if (draft.currency.toUpperCase() !== saved.currency.toUpperCase())
    patch.currency = draft.currency.toUpperCase();
  const branding = cleanBranding(draft.branding);
  if (JSON.stringify(branding) !== JSON.stringify(cleanBranding(saved.branding))) patch.branding = branding;
  return patch;
}

/** Branding without empty fields, keys in one order (so two equal brandings compare equal). */
export function cleanBranding(branding: Branding): Branding {
  const clean: Branding = {};
  if (branding.primaryColor) clean.primaryColor = branding.primaryColor.toLowerCase();
  const logo = branding.logoUrl?.trim();
  if (logo) clean.logoUrl = logo;
  const font = branding.fontFamily?.trim();
  if (font) clean.fontFamily = font;
  if (branding.theme) clean.theme = branding.theme;
  return clean;
}

/**
 * The inline style of the preview: the widget reads `--_brand-primary` and `--_brand-font` as the
 * tenant's fallbacks (mais-booking.component.ts sets them the same way, dropping ; { }).
 */
export function previewStyle(branding: Branding): string {
  const parts: string[] = [];
  if (branding.primaryColor && isHexColour(branding.primaryColor)) {
    parts.push(`--_brand-primary:${branding.primaryColor}`);
  }
  const font = branding.fontFamily?.replace(/[;{}]/g, '').trim();
  if (font) parts.push(`--_brand-font:${font}`);
  return parts.join(';');
}

/** The theme the preview shows: 'auto' follows the system, as the widget does. */
export function previewTheme(theme: Branding['theme'], prefersDark: boolean): 'light' | 'dark' {
  if (theme === 'dark') return 'dark';
  if (theme === 'auto') return prefersDark ? 'dark' : 'light';
  return 'light';
}

/** WCAG contrast ratio of two #rrggbb colours (1…21). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return Math.round(((lighter + 0.05) / (darker + 0.05)) * 100) / 100;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
