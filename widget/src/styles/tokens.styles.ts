import { css } from 'lit';

/**
 * The public theme knobs, set on the element (or any ancestor) by the host page:
 *
 * - `--mais-primary`: buttons, selected day and slot, focus ring (default #2453c7; white text sits on it)
 * - `--mais-font`: font family (default the system UI font)
 * - `--mais-radius`: corner radius (default 8px)
 * - `--mais-surface`: background (default white, or #15181e in the dark theme)
 * - `--mais-text`: text colour (default #1b1f27, or #eceff4 in the dark theme)
 *
 * The tenant's branding (primary colour, font) is the fallback between the page's value and ours.
 * Internally everything reads the private `--_*` names set here on the element that carries
 * `data-theme` (the booking's `.base` wrapper, the popup's dialog), which nested widget elements
 * inherit. `data-theme` is always 'light' or 'dark': 'auto' is resolved in script
 * (controllers/theme.controller.ts), so the page's `color-scheme` can win over the system setting.
 *
 * Contrast of the defaults, light / dark (WCAG AA: 4.5 for text, 3 for borders and the focus ring):
 * text on surface 16.5 / 15.4 and on soft 14.6 / 12.4, muted on surface 7.3 / 9.1 and on soft
 * 6.4 / 7.3, danger on surface 6.5 / 10.5 and on soft 5.8 / 8.4, white on primary 6.7, on-danger on
 * danger 6.5 / 9.7, line on surface 3.1 / 3.7, focus ring on surface 6.7 / 6.3 (the dark theme's ring
 * is the primary lightened: #2453c7 itself is 2.7 on #15181e). White text on a tenant's own primary
 * colour is not checked: CSS cannot pick black or white text by luminance before contrast-color().
 */
const dark = css`
  --_surface: var(--mais-surface, #15181e);
  --_text: var(--mais-text, #eceff4);
  --_muted: #b3bac6;
  --_line: #6b7384;
  --_soft: #252b35;
  --_danger: #ffb4ab;
  --_on-danger: #1b1f27;
  --_focus: color-mix(in srgb, var(--_primary) 60%, #fff);
`;

export const tokens = css`
  [data-theme] {
    --_primary: var(--mais-primary, var(--_brand-primary, #2453c7));
    --_font: var(--mais-font, var(--_brand-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
    --_radius: var(--mais-radius, 8px);
    --_surface: var(--mais-surface, #fff);
    --_text: var(--mais-text, #1b1f27);
    --_muted: #4f5766;
    --_line: #8a93a3;
    --_soft: #eef1f6;
    --_danger: #b3261e;
    --_on-danger: #fff;
    --_focus: var(--_primary);
    color-scheme: light;
  }
  [data-theme='dark'] {
    ${dark}
    color-scheme: dark;
  }
`;
