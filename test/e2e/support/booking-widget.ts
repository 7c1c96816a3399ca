import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../../widget/src/i18n/en.ts';
import type { Translation } from '../../../widget/src/i18n/translation.ts';

/**
 * The booking widget as a client sees it, by roles and visible names (Playwright's locators enter
 * the widget's open shadow roots). Texts come from the widget's own translation table of the
 * language under test, so a reworded string does not break the flow; the Spanish spec also checks
 * literal Spanish words.
 */
export class BookingWidget {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translation = en,
    root?: Locator,
  ) {
    this.root = root ?? page.locator('mais-booking');
  }

  /** The current step's heading (each step has one h2, focused when the client arrives). */
  heading(name: string | RegExp): Locator {
    return this.root.getByRole('heading', { level: 2, name });
  }

  async expectStep(name: string | RegExp, options: { focused?: boolean } = {}): Promise<void> {
    const heading = this.heading(name);
    await expect(heading).toBeVisible();
    if (options.focused !== false) await expect(heading).toBeFocused();
  }

  service(name: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
  }

  /** The "With" choice above the calendar: anyone, or one provider. */
  withProvider(): Locator {
    return this.root.getByRole('combobox', { name: this.t.with, exact: true });
  }

  async chooseProvider(name: string): Promise<void> {
    await this.withProvider().selectOption({ label: name });
  }

  /** The calendar's cell for a "YYYY-MM-DD" day. */
  day(iso: string): Locator {
    return this.root.locator(`mais-calendar td[data-date="${iso}"]`);
  }

  nextMonth(): Locator {
    return this.root.getByRole('button', { name: this.t.nextMonth });
  }

  /** Shows the month of `iso` (going forward month by month) and waits until its days are loaded. */
  async showMonthOf(iso: string): Promise<void> {
    const calendar = this.root.locator('mais-calendar');
    await expect(calendar.getByRole('grid')).toHaveAttribute('aria-busy', 'false');
    for (let i = 0; i < 3 && !(await this.day(iso).isVisible()); i++) {
      await this.nextMonth().click();
      await expect(calendar.getByRole('grid')).toHaveAttribute('aria-busy', 'false');
    }
    await expect(this.day(iso)).toBeVisible();
  }

  /** `iso` is the picked day and its times are shown beside (or below) the calendar. */
  async expectTimesOf(iso: string): Promise<void> {
    await expect(this.day(iso)).toHaveAttribute('part', /day-selected/);
    await expect(this.slots().first()).toBeVisible();
  }

  /** The boxes of the calendar pane and the times pane of the day-and-time step. */
  async paneBoxes(): Promise<{ x: number; y: number; width: number; height: number }[]> {
    const panes = await this.root.locator('.pane').all();
    return Promise.all(panes.map(async (pane) => (await pane.boundingBox())!));
  }

  async expectDayOpen(iso: string): Promise<void> {
    await expect(this.day(iso)).toHaveAttribute('aria-label', new RegExp(`, ${this.t.timesAvailable}$`));
  }

  /** The time buttons of the chosen day. */
  slots(): Locator {
    return this.root.locator('mais-slot-list').getByRole('button');
  }

  /** A text field or list of the details form, by its accessible name (the label without the * mark). */
  field(label: string): Locator {
    const form = this.root.locator('mais-intake-form');
    return form
      .getByRole('textbox', { name: label, exact: true })
      .or(form.getByRole('combobox', { name: label, exact: true }));
  }

  confirmBooking(): Locator {
    return this.root.getByRole('button', { name: this.t.confirmBooking });
  }

  /** The confirmation's manage link: the page's own address with `?mais-appointment=<id>&mais-token=…`. */
  manageLink(): Locator {
    return this.root.locator('a[href*="?mais-appointment="]');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** The polite live region where the widget announces steps and errors. */
  liveRegion(): Locator {
    return this.root.locator('[role="status"][aria-live="polite"]');
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "9:00 AM" in en-US, "9:00" in es-ES: how a browser in `locale` writes a time in `zone`. */
export function localTime(instant: string, zone: string, locale: string): string {
  return normaliseSpaces(
    new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(
      new Date(instant),
    ),
  );
}

/** ICU writes narrow no-break spaces before AM/PM; compare texts with plain spaces. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u202f\u00a0]+/g, ' ').trim();
}
