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
 * Internally everything reads the private `--_*` names set here on the `.base` wrapper, which nested
 * widget elements inherit.
 */
const dark = css`
  --_surface: var(--mais-surface, #15181e);
  --_text: var(--mais-text, #eceff4);
  --_muted: #b3bac6;
  --_line: #5a6272;
  --_soft: #252b35;
  --_danger: #ffb4ab;
`;

export const tokens = css`
  .base {
    --_primary: var(--mais-primary, var(--_brand-primary, #2453c7));
    --_font: var(--mais-font, var(--_brand-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
    --_radius: var(--mais-radius, 8px);
    --_surface: var(--mais-surface, #fff);
    --_text: var(--mais-text, #1b1f27);
    --_muted: #4f5766;
    --_line: #8a93a3;
    --_soft: #eef1f6;
    --_danger: #b3261e;
    color-scheme: light;
  }
  .base[data-theme='dark'] {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .base[data-theme='auto'] {
      ${dark}
      color-scheme: dark;
    }
  }
`;
