import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Theme = 'light' | 'dark' | 'auto';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Resolves `theme="auto"` to light or dark the way the host page is drawn: the page's own
 * `color-scheme` first (the host element's computed value, inherited from `:root { color-scheme: dark }`,
 * or else `<meta name="color-scheme">`), and only when the page does not say (`normal`, or both
 * `light dark`) the system's `prefers-color-scheme`. A dark page on a light system must not get a
 * white widget, nor a light page on a dark system a black one.
 *
 * Re-resolves when the system setting changes, and when the page changes `<html>`'s attributes (a
 * `class="dark"` toggle, a `data-theme`, a `style`) or its color-scheme meta; the host then updates.
 */
export class ThemeController implements ReactiveController {
  private page: 'light' | 'dark' = 'light';
  private system?: MediaQueryList;
  private observer?: MutationObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.system = matchMedia('(prefers-color-scheme: dark)');
    this.system.addEventListener('change', this.refresh);
    // Cheap enough to run on any change of <html>'s attributes or <head>'s tree: refresh() reads one
    // computed value and updates the host only when the answer changes.
    this.observer = new MutationObserver(this.refresh);
    this.observer.observe(document.documentElement, { attributes: true });
    this.observer.observe(document.head, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['name', 'content'],
    });
    this.refresh();
  }

  hostDisconnected(): void {
    this.system?.removeEventListener('change', this.refresh);
    this.observer?.disconnect();
  }

  /** `theme` as the tokens know it: 'auto' resolved, anything unknown light. */
  resolve(theme: Theme | undefined): 'light' | 'dark' {
    return theme === 'auto' ? this.page : theme === 'dark' ? 'dark' : 'light';
  }

  private readonly refresh = (): void => {
    const page = this.read();
    if (page === this.page) return;
    this.page = page;
    this.host.requestUpdate();
  };

  private read(): 'light' | 'dark' {
    let scheme = getComputedStyle(this.host).colorScheme;
    // The meta sets the page's scheme without changing the computed value, which stays 'normal'.
    if (!scheme || scheme === 'normal')
      scheme = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
    const light = /\blight\b/.test(scheme);
    const dark = /\bdark\b/.test(scheme);
    if (light !== dark) return dark ? 'dark' : 'light';
    return this.system?.matches ? 'dark' : 'light';
  }
}
