import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BookingWidget } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { serverInfo } from './support/server-info.ts';

/**
 * The popup on a phone, opened from a manage link: a page with only a "Book now" button opens its
 * dialog by itself on the manage view, and the dialog's header (the business's name and the close
 * button) stays on screen while the booking scrolls. Then a dark page: theme="auto" follows the
 * page's color-scheme, not the system's.
 */

// A 390 px wide phone whose browser leaves the page 480 px of height (toolbars, or the keyboard up),
// so that a day's times overflow the dialog.
const WIDTH = 390;
const HEIGHT = 480;

/** A call to the public API as the demo tenant's widget makes it. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const { baseUrl, publishableKey } = serverInfo();
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-tenant-key': publishableKey },
  });
  expect(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** Books the first Haircut time of `day` through the API: the appointment's id and manage token. */
async function bookHaircut(day: string): Promise<{ id: string; token: string }> {
  const zone = 'Europe/Berlin';
  const { data } = await api<{ data: { id: string; name: string }[] }>('/v1/public/services');
  const haircut = data.find((service) => service.name === 'Haircut')!;
  const { slots } = await api<{ slots: { startTimeUtc: string }[] }>(
    `/v1/public/services/${haircut.id}/availability?startDate=${day}&endDate=${day}&timezone=${zone}`,
  );
  const booked = await api<{ appointment: { id: string }; manageToken: string }>('/v1/public/appointments', {
    method: 'POST',
    body: JSON.stringify({
      serviceId: haircut.id,
      startTimeUtc: slots[0]!.startTimeUtc,
      client: { name: 'Grace Hopper', email: 'grace@example.com' },
      clientTimezone: zone,
    }),
  });
  return { id: booked.appointment.id, token: booked.manageToken };
}

/** The background `locator`'s element is painted with. */
const background = (locator: Locator) =>
  locator.evaluate((element) => getComputedStyle(element).backgroundColor);

test.describe('on a 390 px wide phone', () => {
  test.use({ viewport: { width: WIDTH, height: HEIGHT }, isMobile: true, hasTouch: true });

  test('the manage link opens the popup by itself, on the manage view, with a header that stays in view', async ({
    page,
  }, testInfo) => {
    const check = new Checkpoints(page, testInfo);
    const { id, token } = await bookHaircut(bookingDay(7).iso);
    const { name } = await api<{ name: string }>('/v1/public/tenant');

    await page.goto(`/examples/popup/?mais-appointment=${id}&mais-token=${token}`);
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(dialog).toBeVisible();
    const widget = new BookingWidget(page, undefined, dialog.locator('mais-booking'));
    await widget.expectStep(widget.t.yourBooking, { focused: false });
    await expect(widget.root.getByText(widget.t.status('CONFIRMED'), { exact: true })).toBeVisible();
    const header = dialog.locator('[part="header"]');
    await expect(header).toContainText(name);
    // The dialog is the whole screen.
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: WIDTH, height: HEIGHT });
    await check.step('manage-in-dialog');

    // Reschedule: a day's times are more than the screen holds; scroll the dialog to its end.
    await widget.button(widget.t.reschedule).tap();
    await widget.expectStep(widget.t.chooseDayAndTime);
    const newDay = bookingDay(8).iso;
    await widget.showMonthOf(newDay);
    await widget.day(newDay).tap();
    await widget.expectTimesOf(newDay);
    const scrolled = await dialog.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      return element.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect(header).toBeInViewport();
    const box = (await header.boundingBox())!;
    expect(box.y).toBe(0);
    // On top of the booking scrolled under it: the close button is what a tap there reaches.
    await expectOnTop(page, dialog.getByRole('button', { name: widget.t.close }));
    await expect(header).toContainText(name);
    await check.step('scrolled');

    await dialog.getByRole('button', { name: widget.t.close }).tap();
    await expect(dialog).toBeHidden();
  });
});

/** What is painted at the middle of `locator` is it (or inside it), looking through shadow roots. */
async function expectOnTop(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  expect(
    await locator.evaluate((target, { x, y }) => {
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot?.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) {
        hit = hit.shadowRoot.elementFromPoint(x, y);
      }
      return !!hit && (hit === target || target.contains(hit));
    }, point),
  ).toBe(true);
}

test.describe('on a dark page, with a light system setting', () => {
  test.use({ colorScheme: 'light' });
  const PAGE = readFileSync(new URL('./pages/dark-page.html', import.meta.url), 'utf8');

  test('theme="auto" follows the page: the inline widget and the popup are dark, and pass axe', async ({
    page,
  }, testInfo) => {
    const check = new Checkpoints(page, testInfo);
    await page.route('**/e2e-pages/dark/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: PAGE.replaceAll('{{WIDGET_SRC}}', '/widget.js').replaceAll(
          '{{PUBLISHABLE_KEY}}',
          serverInfo().publishableKey,
        ),
      }),
    );
    await page.goto('/e2e-pages/dark/');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);

    const inline = new BookingWidget(page, undefined, page.locator('main > mais-booking'));
    await inline.expectStep(inline.t.chooseService, { focused: false });
    const base = inline.root.locator('[part="base"]');
    await expect(base).toHaveAttribute('data-theme', 'dark');
    expect(await background(base)).toBe('rgb(21, 24, 30)');
    await check.step('dark-inline');

    await page.getByRole('button', { name: 'Book in a dialog' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    const popup = new BookingWidget(page, undefined, dialog.locator('mais-booking'));
    await popup.expectStep(popup.t.chooseService, { focused: false });
    // Header, dialog and booking: one theme.
    for (const part of [dialog, dialog.locator('[part="header"]'), popup.root.locator('[part="base"]')]) {
      expect(await background(part)).toBe('rgb(21, 24, 30)');
    }
    await check.step('dark-popup');
  });
});
