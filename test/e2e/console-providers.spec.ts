import { expect, test, type Locator, type Page } from '@playwright/test';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * Providers: a new provider, their week painted by dragging and by keyboard (the stored rules and
 * the public availability of a service they offer follow), a day off on the calendar (no slots
 * that day), services offered, the ICS link shown and rotated, Google Calendar not set up on this
 * server (409 calendar_not_configured, said plainly), and a provider account on its own page.
 */

const PASSWORD = 'providers area password';

async function adminApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { baseUrl, secretKey } = serverInfo();
  const response = await fetch(`${baseUrl}/v1/tenant-admin${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(
    response.ok,
    `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.clone().text()}`,
  ).toBe(true);
  return (await response.json()) as T;
}

interface Slot {
  localStart: string;
  providerIds: string[];
}

/** The public slots of a service on one day, as the widget asks for them. */
async function publicSlots(serviceId: string, date: string): Promise<string[]> {
  const { baseUrl, publishableKey } = serverInfo();
  const params = new URLSearchParams({ startDate: date, endDate: date, timezone: 'Europe/Berlin' });
  const response = await fetch(`${baseUrl}/v1/public/services/${serviceId}/availability?${params}`, {
    headers: { 'x-tenant-key': publishableKey },
  });
  expect(response.status).toBe(200);
  const { slots } = (await response.json()) as { slots: Slot[] };
  return slots.map((slot) => slot.localStart.slice(11, 16));
}

/** A weekday (1 Monday … 5 Friday) 3 to 9 days ahead, in Berlin. */
function nextWeekday(weekday: number): string {
  for (let ahead = 3; ; ahead++) {
    const date = new Date(Date.now() + ahead * 86_400_000);
    if (date.getUTCDay() === weekday) return date.toISOString().slice(0, 10);
  }
}

function cell(page: Page, name: string): Locator {
  return page.getByRole('gridcell', { name, exact: true });
}

/** Press on one cell, move to another, release: the drag that paints (or clears) the rectangle. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2 + end.width / 2, (start.y + end.y) / 2 + end.height / 2, {
    steps: 4,
  });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 4 });
  await page.mouse.up();
}

async function storedRules(providerId: string): Promise<string[]> {
  const rows = await query<{ dayOfWeek: number; startTime: string; endTime: string }>(
    `SELECT "dayOfWeek", "startTime", "endTime" FROM availability_rules WHERE "providerId" = $1
      ORDER BY "dayOfWeek", "startTime"`,
    [providerId],
  );
  return rows.map((rule) => `${rule.dayOfWeek} ${rule.startTime}-${rule.endTime}`);
}

for (const viewport of flowViewports('desktop')) {
  test.describe(`providers at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('creates a provider, paints a week, closes a day, offers a service, shows the calendar links', async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      const checkpoints = new Checkpoints(page, testInfo);
      const tag = `${viewport.name}-${Date.now().toString(36)}`;
      const name = `Paula Painter ${tag}`;
      const service = await adminApi<{ id: string; name: string }>('/services', {
        method: 'POST',
        body: { name: `Painted hours ${tag}`, durationMinutes: 30, priceBaseCents: 1500 },
      });

      await signInToConsole(page);
      await openArea(page, 'Providers');
      await checkpoints.step('provider list');

      await page.getByRole('button', { name: 'New provider' }).click();
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Email').fill(`paula-${tag}@demo-studio.example`);
      await checkpoints.step('new provider form');
      await page.getByRole('button', { name: 'Add provider' }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      const providerId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
      const [stored] = await query<{ name: string; active: boolean }>(
        'SELECT name, active FROM providers WHERE id = $1',
        [providerId],
      );
      expect(stored).toEqual({ name, active: true });
      await expect(page.getByText('Monday: closed')).toBeVisible();
      await checkpoints.step('new provider page');

      // Drag from Monday 09:00 to Tuesday 11:30: both mornings open.
      await drag(page, cell(page, 'Monday 09:00–09:30'), cell(page, 'Tuesday 11:30–12:00'));
      await expect(page.getByText('Monday: 09:00–12:00')).toBeVisible();
      await expect(page.getByText('Tuesday: 09:00–12:00')).toBeVisible();
      // A drag that starts on an open cell clears: Tuesday 11:00–12:00 goes.
      await drag(page, cell(page, 'Tuesday 11:00–11:30'), cell(page, 'Tuesday 11:30–12:00'));
      await expect(page.getByText('Tuesday: 09:00–11:00')).toBeVisible();

      // The keyboard: Wednesday 14:00, Space, then Shift+Down carries it to 16:00.
      await cell(page, 'Wednesday 14:00–14:30').focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
      await expect(page.getByText('Wednesday: 14:00–16:00')).toBeVisible();
      await expect(cell(page, 'Wednesday 15:30–16:00')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect(page.getByText('Thursday: 15:30–16:00')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByText('Thursday: closed')).toBeVisible();
      await checkpoints.step('week painted');

      await page.getByRole('button', { name: 'Save weekly hours' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Weekly hours saved.' })).toBeVisible();
      expect(await storedRules(providerId)).toEqual(['1 09:00-12:00', '2 09:00-11:00', '3 14:00-16:00']);

      // Services offered.
      await page.getByRole('checkbox', { name: new RegExp(service.name) }).check();
      await page.getByRole('button', { name: 'Save services' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Services saved: 1 offered.' })).toBeVisible();
      const offered = await query<{ serviceId: string }>(
        'SELECT "serviceId" FROM provider_services WHERE "providerId" = $1',
        [providerId],
      );
      expect(offered).toEqual([{ serviceId: service.id }]);

      // The public calendar of the service follows the painted hours.
      const monday = nextWeekday(1);
      const tuesday = nextWeekday(2);
      expect(await publicSlots(service.id, monday)).toEqual([
        '09:00',
        '09:30',
        '10:00',
        '10:30',
        '11:00',
        '11:30',
      ]);
      expect(await publicSlots(service.id, tuesday)).toEqual(['09:00', '09:30', '10:00', '10:30']);

      // A day off on Monday: no slots that day, Tuesday untouched.
      await page.getByLabel('Date', { exact: true }).fill(monday);
      await page.getByLabel('Reason (optional)').fill('Training');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const listed = page.getByRole('list', { name: "This month's overrides" }).getByRole('listitem');
      await expect(listed.filter({ hasText: 'Closed' })).toContainText('Training');
      const overrides = await query<{ closed: boolean; date: Date }>(
        `SELECT closed, to_char(date, 'YYYY-MM-DD') AS date FROM availability_overrides WHERE "providerId" = $1`,
        [providerId],
      );
      expect(overrides).toEqual([{ closed: true, date: monday }]);
      await expect(page.locator(`button.day[data-date="${monday}"]`)).toContainText('Closed');
      expect(await publicSlots(service.id, monday)).toEqual([]);
      expect(await publicSlots(service.id, tuesday)).toHaveLength(4);
      await checkpoints.step('day off on the calendar');

      // The ICS link, and a new one: the old stops working.
      const feed = page.getByLabel('Feed link');
      const firstUrl = await feed.inputValue();
      expect(firstUrl).toMatch(/\/v1\/calendar-feeds\/[\w-]+\.ics$/);
      expect((await fetch(firstUrl)).status).toBe(200);
      await page.getByRole('button', { name: 'Make a new link' }).click();
      await expect(page.getByText('The current link stops working at once')).toBeVisible();
      await checkpoints.step('rotate asks first');
      await page.getByRole('button', { name: 'Make a new link' }).click();
      await expect(feed).not.toHaveValue(firstUrl);
      const secondUrl = await feed.inputValue();
      expect((await fetch(firstUrl)).status).toBe(404);
      expect((await fetch(secondUrl)).status).toBe(200);

      // Google Calendar: not connected, and this server has no Google client.
      await expect(page.getByText('Not connected.')).toBeVisible();
      await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Google Calendar is not set up' }),
      ).toBeVisible();
      await checkpoints.step('calendar links');

      // Delete the day off again: Monday's slots come back.
      await page.getByRole('button', { name: /^Delete / }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(
        page.getByText('No days off or special hours this month.').or(listed.first()),
      ).toBeVisible();
      await expect.poll(() => publicSlots(service.id, monday)).toHaveLength(6);
    });
  });
}

test('a provider account goes straight to its own page and edits its hours, not its profile', async ({
  page,
}, testInfo) => {
  const checkpoints = new Checkpoints(page, testInfo);
  const tag = Date.now().toString(36);
  const provider = await adminApi<{ id: string; name: string }>('/providers', {
    method: 'POST',
    body: { name: `Own Page ${tag}`, email: `own-${tag}@demo-studio.example` },
  });
  const email = `own-page-${tag}@demo-studio.example`;
  await adminApi('/staff', {
    method: 'POST',
    body: { email, name: provider.name, role: 'provider', providerId: provider.id, password: PASSWORD },
  });
  await signInToConsole(page, { email, password: PASSWORD });
  // The navigation's Providers link leads to the account's own page, named for the provider.
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Providers', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: provider.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'All providers' })).toHaveCount(0);
  await expect(page.getByText('A manager changes these details.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
  await expect(page.getByText('You offer 0 services.')).toBeVisible();
  await checkpoints.step('own page');

  await cell(page, 'Friday 10:00–10:30').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Weekly hours saved.' })).toBeVisible();
  expect(await storedRules(provider.id)).toEqual(['5 10:00-10:30']);
});
