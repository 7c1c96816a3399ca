import { expect, test, type Locator, type Page } from '@playwright/test';
import { zonedToUtc } from '../../admin/src/dates/zoned-time.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * The console's Calendar: a client's booking appears at its time; it moves by drag and by the Move
 * dialog; a drag onto a taken time is refused plainly and changes nothing; an empty spot books
 * outside the hours with "Ignore availability rules"; the provider filter; and a provider account
 * sees only its own appointments. Each width works on its own days (bookingDay 33+).
 */

const ZONE = 'Europe/Berlin';
const PASSWORD = 'calendar provider password';

interface Ids {
  haircut: string;
  alex: string;
  sam: string;
}

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

async function demoIds(): Promise<Ids> {
  const services = await adminApi<{ data: { id: string; name: string }[] }>('/services');
  const providers = await adminApi<{ data: { id: string; name: string }[] }>('/providers');
  return {
    haircut: services.data.find((s) => s.name === 'Haircut')!.id,
    alex: providers.data.find((p) => p.name === 'Alex Rivera')!.id,
    sam: providers.data.find((p) => p.name === 'Sam Chen')!.id,
  };
}

function at(day: string, hour: number, minute = 0): string {
  return zonedToUtc(day, hour * 60 + minute, ZONE)
    .toISOString()
    .replace('.000Z', 'Z');
}

/** A booking as a client makes it: the public API with the publishable key. */
async function clientBooks(
  ids: Ids,
  providerId: string,
  startTimeUtc: string,
  name: string,
): Promise<string> {
  const { baseUrl, publishableKey } = serverInfo();
  const response = await fetch(`${baseUrl}/v1/public/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-key': publishableKey },
    body: JSON.stringify({
      serviceId: ids.haircut,
      providerId,
      startTimeUtc,
      client: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` },
      clientTimezone: ZONE,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { appointment: { id: string } }).appointment.id;
}

async function storedStart(id: string): Promise<string> {
  const [row] = await query<{ startTimeUtc: Date }>('SELECT "startTimeUtc" FROM appointments WHERE id = $1', [
    id,
  ]);
  return row!.startTimeUtc.toISOString().replace('.000Z', 'Z');
}

/** The vertical gap, in px, between an appointment's top and the hour line of `hour` on the axis. */
async function offsetFromHour(link: Locator, hour: string): Promise<number> {
  return link.evaluate((anchor, label) => {
    const root = anchor.getRootNode() as ShadowRoot;
    const item = anchor.closest('.item')!.getBoundingClientRect();
    const line = [...root.querySelectorAll('.axis span')].find((span) => span.textContent === label)!;
    const box = line.getBoundingClientRect();
    return item.top - (box.top + box.height / 2);
  }, hour);
}

async function drag(page: Page, link: Locator, dy: number): Promise<void> {
  const box = (await link.boundingBox())!;
  const x = box.x + 12;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(x, y + (dy * step) / 10);
  await page.mouse.up();
}

async function goToDay(page: Page, day: string): Promise<void> {
  await page.getByLabel('Go to date').fill(day);
}

for (const [index, viewport] of flowViewports('desktop').entries()) {
  test.describe(`console calendar at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('shows, moves and books appointments, filters by provider, and limits a provider to its own', async ({
      page,
    }, testInfo) => {
      test.setTimeout(300_000);
      const checkpoints = new Checkpoints(page, testInfo);
      const day = bookingDay(33 + index * 3).iso;
      const ids = await demoIds();
      const tag = `${viewport.name}${Date.now() % 100000}`;
      const grace = `Grace ${tag}`;
      const blocker = `Blocker ${tag}`;
      const samClient = `Samira ${tag}`;
      const graceId = await clientBooks(ids, ids.alex, at(day, 10), grace);
      await clientBooks(ids, ids.alex, at(day, 13), blocker);
      await clientBooks(ids, ids.sam, at(day, 8), samClient);

      await signInToConsole(page);
      await openArea(page, 'Calendar');
      await goToDay(page, day);
      await page.locator('#calendar-provider').selectOption({ label: 'Alex Rivera' });
      const graceLink = page.getByRole('link', { name: new RegExp(grace) });
      await expect(graceLink).toBeVisible();
      await expect(graceLink).toContainText('10:00 AM–10:45 AM');
      expect(Math.abs(await offsetFromHour(graceLink, '10 AM'))).toBeLessThan(2);
      await expect(page.getByRole('link', { name: new RegExp(samClient) })).toHaveCount(0);
      await checkpoints.step('a client booking at its time');

      // Drag one hour down: 11:00.
      await drag(page, graceLink, 60);
      await expect(page.getByText(`Moved ${grace} to`)).toBeVisible();
      await expect(graceLink).toContainText('11:00 AM–11:45 AM');
      expect(Math.abs(await offsetFromHour(graceLink, '11 AM'))).toBeLessThan(2);
      expect(await storedStart(graceId)).toBe(at(day, 11));
      await checkpoints.step('moved by drag');

      // Onto the 13:00 booking: refused, nothing changes, the item is back at 11:00.
      await drag(page, graceLink, 120);
      await expect(page.getByRole('alert').filter({ hasText: 'That time is taken' })).toBeVisible();
      await expect(
        page.getByRole('alert').filter({ hasText: 'The appointment was not moved.' }),
      ).toBeVisible();
      expect(await storedStart(graceId)).toBe(at(day, 11));
      await expect(graceLink).toContainText('11:00 AM–11:45 AM');
      await expect.poll(() => offsetFromHour(graceLink, '11 AM').then(Math.abs)).toBeLessThan(2);
      await checkpoints.step('a taken time refused');

      // The keyboard's way: the Move button and its dialog.
      const move = page.getByRole('button', { name: new RegExp(`Move ${grace}`) });
      await move.focus();
      await page.keyboard.press('Enter');
      const moveDialog = page.getByRole('dialog', { name: new RegExp(`Move ${grace}`) });
      await expect(moveDialog).toBeVisible();
      await expect(moveDialog.getByLabel('New date')).toHaveValue(day);
      await expect(moveDialog.getByLabel('New start time')).toHaveValue('11:00');
      await moveDialog.getByLabel('New start time').fill('15:00');
      await checkpoints.step('move dialog');
      await moveDialog.getByLabel('New start time').press('Enter');
      await expect(moveDialog).toBeHidden();
      await expect(graceLink).toContainText('3:00 PM–3:45 PM');
      expect(await storedStart(graceId)).toBe(at(day, 15));
      await checkpoints.step('moved by the dialog');

      // An empty spot at 18:30, after Alex's hours: refused without the override, booked with it.
      const column = page.getByRole('group', { name: new RegExp(dayName(day)) });
      await column.click({ position: { x: 8, y: 18.5 * 60 - 7 * 60 + 5 } });
      const bookDialog = page.getByRole('dialog', { name: 'New booking' });
      await expect(bookDialog).toBeVisible();
      await expect(bookDialog.getByLabel('Date')).toHaveValue(day);
      await expect(bookDialog.getByLabel('Start time')).toHaveValue('18:30');
      await bookDialog.getByLabel('Service').selectOption({ label: 'Haircut (45 min)' });
      await bookDialog.getByLabel('Provider').selectOption({ label: 'Alex Rivera' });
      const walkIn = `Walk-in ${tag}`;
      await bookDialog.getByLabel('Client name').fill(walkIn);
      await bookDialog.getByLabel('Client email').fill(`walkin-${tag}@example.com`);
      await bookDialog.getByRole('button', { name: 'Book' }).click();
      await expect(bookDialog.getByRole('alert')).not.toBeEmpty();
      await checkpoints.step('booking refused without the override');
      expect(await query('SELECT 1 FROM appointments WHERE "clientName" = $1', [walkIn])).toHaveLength(0);
      await bookDialog.getByLabel('Ignore availability rules').check();
      await bookDialog.getByRole('button', { name: 'Book' }).click();
      await expect(bookDialog).toBeHidden();
      await expect(page.getByRole('link', { name: new RegExp(walkIn) })).toContainText('6:30 PM–7:15 PM');
      const [walkInRow] = await query<{ startTimeUtc: Date; providerId: string; status: string }>(
        'SELECT "startTimeUtc", "providerId", status FROM appointments WHERE "clientName" = $1',
        [walkIn],
      );
      expect(walkInRow).toMatchObject({ providerId: ids.alex, status: 'CONFIRMED' });
      expect(walkInRow!.startTimeUtc.toISOString()).toBe(new Date(at(day, 18, 30)).toISOString());
      await checkpoints.step('booked in an empty spot');

      // Everyone, then Sam only.
      await page.locator('#calendar-provider').selectOption({ label: 'Everyone' });
      await expect(page.getByRole('link', { name: new RegExp(samClient) })).toBeVisible();
      await expect(graceLink).toBeVisible();
      await page.locator('#calendar-provider').selectOption({ label: 'Sam Chen' });
      await expect(page.getByRole('link', { name: new RegExp(samClient) })).toBeVisible();
      await expect(graceLink).toHaveCount(0);
      expect(new URL(page.url()).hash).toContain(`provider=${ids.sam}`);
      await checkpoints.step('filtered to one provider');

      // A provider account: its own appointments only, nothing to choose, no booking for clients.
      const email = `calendar-sam-${tag}@demo-studio.example`;
      await adminApi('/staff', {
        method: 'POST',
        body: { email, name: 'Sam Chen', role: 'provider', providerId: ids.sam, password: PASSWORD },
      });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signInToConsole(page, { email, password: PASSWORD });
      await openArea(page, 'Calendar');
      await goToDay(page, day);
      await expect(page.getByRole('link', { name: new RegExp(samClient) })).toBeVisible();
      await expect(page.getByRole('link', { name: new RegExp(grace) })).toHaveCount(0);
      await expect(page.getByRole('link', { name: new RegExp(walkIn) })).toHaveCount(0);
      await expect(page.locator('#calendar-provider')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'New booking' })).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 2, name: /Your appointments/ })).toBeVisible();
      await checkpoints.step('a provider sees only its own');
    });
  });
}

/** "Monday, March 1, 2027": the day column's name. */
function dayName(day: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}
