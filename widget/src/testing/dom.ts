/** Small helpers for reaching into the widget's shadow roots in tests. */
import { waitUntil } from '@open-wc/testing';

/** The first match of `selectors`, each one inside the previous match's shadow root. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let current: Element | null | undefined = root;
  for (const selector of selectors) {
    current = current?.shadowRoot?.querySelector(selector);
    if (!current) throw new Error(`Nothing matches ${selectors.join(' → ')} (stopped at ${selector})`);
  }
  return current as T;
}

export function deepAll<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop()!;
  const parent = selectors.length > 0 ? deep(root, ...selectors) : root;
  return [...(parent.shadowRoot?.querySelectorAll<T>(last) ?? [])] as T[];
}

/** The step heading's text (h2[data-step-heading]), or '' while there is none. */
export function headingOf(el: Element): string {
  return el.shadowRoot?.querySelector('[data-step-heading]')?.textContent?.trim() ?? '';
}

export function waitForHeading(el: Element, text: string): Promise<void> {
  return waitUntil(() => headingOf(el) === text, `heading "${text}" (now "${headingOf(el)}")`, {
    timeout: 4000,
  });
}

/** The element with focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button of a shadow root whose text contains `text`. */
export function buttonWithText(root: Element, text: string, ...path: string[]): HTMLButtonElement {
  const button = deepAll<HTMLButtonElement>(root, ...path, 'button').find((b) => textOf(b).includes(text));
  if (!button) throw new Error(`No button "${text}"`);
  return button;
}
