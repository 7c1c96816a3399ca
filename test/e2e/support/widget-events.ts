import type { Page } from '@playwright/test';

/** The widget's DOM events as the host page receives them (they bubble out of the shadow root). */
export interface WidgetEvent {
  type: string;
  detail: Record<string, unknown>;
}

const EVENT_TYPES = [
  'mais:ready',
  'mais:slot-selected',
  'mais:booked',
  'mais:paid',
  'mais:cancelled',
  'mais:rescheduled',
  'mais:error',
];

/** Call before page.goto: from then on every page of this Page records the widget's events. */
export async function recordWidgetEvents(page: Page): Promise<void> {
  await page.addInitScript((types: string[]) => {
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { maisEvents: typeof events }).maisEvents = events;
    for (const type of types) {
      document.addEventListener(type, (event) =>
        events.push({ type, detail: (event as CustomEvent).detail }),
      );
    }
  }, EVENT_TYPES);
}

export async function widgetEvents(page: Page, type?: string): Promise<WidgetEvent[]> {
  const events = await page.evaluate(
    () => (window as unknown as { maisEvents: WidgetEvent[] }).maisEvents ?? [],
  );
  return type ? events.filter((event) => event.type === type) : events;
}

/** The detail of the last event of `type`, waiting for it to arrive. */
export async function lastWidgetEvent(page: Page, type: string): Promise<Record<string, unknown>> {
  await page.waitForFunction(
    (wanted) =>
      ((window as unknown as { maisEvents?: { type: string }[] }).maisEvents ?? []).some(
        (event) => event.type === wanted,
      ),
    type,
  );
  const events = await widgetEvents(page, type);
  return events[events.length - 1]!.detail;
}
