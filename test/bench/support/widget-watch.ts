import type { BrowserContext } from '@playwright/test';

/**
 * What the booking widget shows, as the page itself sees it: on every animation frame a script in
 * the page looks through the open shadow roots (mais-booking, and mais-slot-list and mais-calendar
 * inside it) for the first visible element of each kind below and reports the page time
 * (performance.now(), ms since the navigation started) it first saw it. Clicks are reported too.
 * Measuring in the page keeps the times free of the round trips between this process and Chromium.
 */

/** Each kind of element the watcher looks for, by its `part` (see mais-booking's @csspart list). */
const PROBES = {
  /** A time button (mais-slot-list). */
  slots: '[part~="slot"]',
  /** An open day of the calendar (mais-calendar). */
  days: '[part~="day-available"]',
  /** A service or provider choice (the provider step, when the service has several providers). */
  choices: '[part~="service"]',
  /** "No times this month" with the button that jumps to the next open day. */
  empty: '.empty button',
} as const;

export type Sighting = keyof typeof PROBES;

export interface WidgetTimes {
  /** The page's performance.timeOrigin (epoch ms). */
  timeOrigin?: number;
  seen: Partial<Record<Sighting, number>>;
  clicks: number[];
}

const BINDING = '__maisBenchReport';

// A string, not a function: this file is type-checked without the DOM library (api/tsconfig.json).
const WATCHER = `(() => {
  const report = (what, time) => window.${BINDING} && window.${BINDING}(what, time);
  const probes = ${JSON.stringify(PROBES)};
  const seen = {};
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 &&
      (!element.checkVisibility || element.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
  };
  const roots = (root, found) => {
    found.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots(element.shadowRoot, found);
    return found;
  };
  const frame = () => {
    const all = roots(document, []);
    for (const [name, selector] of Object.entries(probes)) {
      if (name in seen) continue;
      if (all.some((root) => Array.from(root.querySelectorAll(selector)).some(visible))) {
        seen[name] = performance.now();
        report(name, seen[name]);
      }
    }
    if (!('slots' in seen)) requestAnimationFrame(frame);
  };
  report('origin', performance.timeOrigin);
  requestAnimationFrame(frame);
  addEventListener('click', () => report('click', performance.now()), true);
})();`;

/**
 * Installs the watcher in every page of `context`. `times()` is what the current navigation
 * reported so far; `reset()` before each navigation; `changed()` resolves at the next report.
 */
export async function watchWidget(context: BrowserContext) {
  let times: WidgetTimes = { seen: {}, clicks: [] };
  let wake: (() => void) | undefined;
  await context.exposeBinding(BINDING, (_source, what: string, time: number) => {
    if (what === 'origin') times.timeOrigin = time;
    else if (what === 'click') times.clicks.push(time);
    else if (what in PROBES) times.seen[what as Sighting] ??= time;
    wake?.();
  });
  await context.addInitScript(WATCHER);
  return {
    times: () => times,
    reset: () => {
      times = { seen: {}, clicks: [] };
    },
    /** Resolves at the next report, or after `timeoutMs`. */
    changed: (timeoutMs: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

/** Locators for what a client clicks, in the order the bench tries them (Playwright's CSS enters shadow roots). */
export const CLIENT_CLICKS = [
  { name: 'day', selector: `mais-booking ${PROBES.days}` },
  { name: 'next open day', selector: `mais-booking ${PROBES.empty}` },
  // The provider step lists "Any available" first.
  { name: 'any provider', selector: `mais-booking ${PROBES.choices}` },
] as const;
