import type { Appearance } from '@stripe/stripe-js';

/**
 * The Payment Element's look, taken from the widget as drawn: Stripe's light theme ('stripe') or
 * dark one ('night') by the resolved theme, and the widget's primary colour, surface, text, danger
 * colour, font and corner radius, read from the computed styles of `base` (the element that carries
 * `data-theme`), so the page's --mais-* values and the tenant's branding apply to the card form too.
 * Colours are read as computed `rgb()` values, which Stripe accepts (it parses no var() or
 * color-mix()). https://docs.stripe.com/elements/appearance-api
 */
export function appearanceOf(base: HTMLElement): Appearance {
  const style = getComputedStyle(base);
  const colour = (value: string) => {
    const probe = document.createElement('i');
    probe.style.color = value;
    base.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return computed;
  };
  return {
    theme: base.dataset.theme === 'dark' ? 'night' : 'stripe',
    variables: {
      colorPrimary: colour('var(--_primary)'),
      colorBackground: style.backgroundColor,
      colorText: style.color,
      colorDanger: colour('var(--_danger)'),
      fontFamily: style.fontFamily,
      borderRadius: style.getPropertyValue('--_radius').trim() || '8px',
    },
  };
}
