import { expect, test } from '@playwright/test';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * The console's Clients area: a client booked twice through the public API (as the widget books),
 * with one balance taken at the venue, is found by search in a period that holds the bookings; their
 * page shows both visits and the money; a note is added, edited, refused when too long (the API's
 * message) and deleted, each checked in the database.
 */

const ZONE = 'Europe/Berlin';

async function api<T>(path: string, init: RequestInit & { key?: string } = {}): Promise<T> {
  const { baseUrl, publishableKey } = serverInfo();
  const { key, ...rest } = init;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  else headers['x-tenant-key'] = publishableKey;
  const response = await fetch(`${baseUrl}${path}`, { ...rest, headers });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A haircut on `day` for the client, at the first free slot, booked with the publishable key. */
async function bookHaircut(day: string, client: { name: string; email: string }): Promise<string> {
  const { data } = await api<{ data: { id: string; name: string }[] }>('/v1/public/services');
  const haircut = data.find((service) => service.name === 'Haircut')!;
  const { slots } = await api<{ slots: { startTimeUtc: string }[] }>(
    `/v1/public/services/${haircut.id}/availability?startDate=${day}&endDate=${day}&timezone=${ZONE}`,
  );
  const booked = await api<{ appointment: { id: string } }>('/v1/public/appointments', {
    method: 'POST',
    body: JSON.stringify({
      serviceId: haircut.id,
      startTimeUtc: slots[0]!.startTimeUtc,
      client,
      clientTimezone: ZONE,
    }),
  });
  return booked.appointment.id;
}

async function storedNotes(email: string) {
  return query<{ body: string; authorName: string; authorAccountId: string | null; clientEmail: string }>(
    `SELECT body, "authorName", "authorAccountId", "clientEmail" FROM client_notes WHERE "clientEmail" = $1
      ORDER BY "createdAt"`,
    [email],
  );
}

flowViewports('phone').forEach((viewport, index) => {
  test.describe(`console clients at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('finds a client, shows their visits and money, and keeps notes', async ({ page }, testInfo) => {
      // Eight checkpoints (a full-page axe run each) on a shared machine: more than the default minute.
      test.setTimeout(180_000);
      const checkpoints = new Checkpoints(page, testInfo);
      // Days and a client of this viewport's own, so the two runs (and other specs) never meet.
      const firstDay = bookingDay(20 + 2 * index).iso;
      const secondDay = bookingDay(21 + 2 * index).iso;
      const surname = `Quillfeather${viewport.name}`;
      const client = { name: `Clara ${surname}`, email: `Clara.${surname}@Example.com` };
      const email = client.email.toLowerCase();
      const first = await bookHaircut(firstDay, client);
      const second = await bookHaircut(secondDay, client);
      // A second client the search also finds, to page through.
      await bookHaircut(firstDay, { name: `Conrad ${surname}`, email: `conrad.${surname}@example.com` });
      // The list asks for 50 clients a page; one a page here, so that "Load more" fetches the next
      // page from the real API with the cursor it gave.
      await page.route('**/v1/tenant-admin/reports/clients?*', (route) =>
        route.continue({ url: route.request().url().replace('limit=50', 'limit=1') }),
      );
      // One balance taken at the desk: €35 spent, €35 still due on the other.
      await api(`/v1/tenant-admin/appointments/${first}/collect-balance`, {
        method: 'POST',
        key: serverInfo().secretKey,
        body: JSON.stringify({ method: 'venue' }),
      });

      await signInToConsole(page);
      await openArea(page, 'Clients');
      await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
      await checkpoints.step('clients list');

      // The bookings are ahead, outside the default last 12 months: the search finds nobody yet.
      await page.getByLabel('Search by name or email').fill(surname.toLowerCase());
      await expect(page.getByText('No client matches that search in this period.')).toBeVisible();
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`q=${surname.toLowerCase()}`);
      // A period longer than the report takes is refused before any request, then narrowed.
      await page.getByLabel('to', { exact: true }).fill(secondDay);
      await expect(page.getByRole('alert')).toHaveText('Choose at most 366 days.');
      await page.getByLabel('Appointments from').fill(firstDay);
      const row = page.getByRole('row', { name: new RegExp(client.name) });
      await expect(row).toBeVisible();
      await expect(row.getByRole('cell').nth(1)).toHaveText(email);
      await expect(row.getByRole('cell').nth(3)).toHaveText('€35.00');
      await expect(page.getByText('2 clients with appointments in this period; showing 1.')).toBeVisible();
      await expect(page.getByRole('row')).toHaveCount(2); // the header and the first page's client
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect(page.getByRole('row', { name: new RegExp(`Conrad ${surname}`) })).toBeVisible();
      await expect(page.getByRole('row')).toHaveCount(3);
      await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
      const hash = new URL(page.url()).hash;
      expect(hash).toContain(`from=${firstDay}`);
      expect(hash).toContain(`to=${secondDay}`);
      await checkpoints.step('client found');

      // The address keeps the search: a reload shows the same list.
      await page.reload();
      await expect(page.getByLabel('Search by name or email')).toHaveValue(surname.toLowerCase());
      await expect(page.getByRole('row', { name: new RegExp(client.name) })).toBeVisible();

      await page.getByRole('link', { name: client.name }).click();
      await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
      expect(new URL(page.url()).hash).toBe(`#/clients/${encodeURIComponent(email)}`);
      const facts = page.locator('dl.facts');
      await expect(facts).toContainText(/Appointments\s*2\s*Visits/);
      await expect(facts).toContainText(/Spent\s*€35\.00/);
      await expect(facts).toContainText(/Balance due\s*€35\.00/);
      const visits = page.getByRole('table');
      await expect(visits.getByRole('row')).toHaveCount(3);
      for (const id of [first, second]) {
        await expect(visits.locator(`a[href="#/appointments/${id}"]`)).toHaveCount(1);
      }
      await checkpoints.step('client page');

      // Add a note.
      await page.getByLabel('Add a note').fill('Prefers the window seat.');
      await page.getByRole('button', { name: 'Add note' }).click();
      const notes = page.getByRole('list', { name: 'Notes' });
      await expect(notes.getByRole('listitem')).toHaveCount(1);
      await expect(notes.getByRole('listitem').first()).toContainText('Prefers the window seat.');
      await expect(notes.getByRole('listitem').first()).toContainText('Demo owner');
      await expect(page.getByLabel('Add a note')).toHaveValue('');
      expect(await storedNotes(email)).toEqual([
        {
          body: 'Prefers the window seat.',
          authorName: 'Demo owner',
          authorAccountId: expect.any(String),
          clientEmail: email,
        },
      ]);
      await checkpoints.step('note added');

      // Edit it.
      await notes.getByRole('button', { name: 'Edit' }).click();
      await expect(page.getByLabel('Edit note')).toBeFocused();
      await page.getByLabel('Edit note').fill('Prefers the window seat, and mornings.');
      await checkpoints.step('editing a note');
      await page.getByRole('button', { name: 'Save note' }).click();
      await expect(notes.getByRole('listitem').first()).toContainText(
        'Prefers the window seat, and mornings.',
      );
      await expect(notes.getByRole('listitem').first()).toContainText('(edited');
      expect((await storedNotes(email)).map((note) => note.body)).toEqual([
        'Prefers the window seat, and mornings.',
      ]);

      // Too long: the API refuses it and says why; nothing is stored.
      await page.getByLabel('Add a note').fill('x'.repeat(5001));
      await page.getByRole('button', { name: 'Add note' }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('body');
      await expect(alert).toContainText('5000');
      expect(await storedNotes(email)).toHaveLength(1);
      await checkpoints.step('note too long');
      await page.getByLabel('Add a note').fill('');

      // Delete it, after confirming.
      await notes.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('button', { name: 'Delete note' })).toBeFocused();
      await checkpoints.step('confirm delete');
      await page.getByRole('button', { name: 'Delete note' }).click();
      await expect(page.getByText('No notes yet.')).toBeVisible();
      expect(await storedNotes(email)).toEqual([]);
      await checkpoints.step('note deleted');
    });
  });
});
