import { expect, test } from '@playwright/test';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * Resources: rooms and equipment (add, edit, deactivate) and locations (add, edit, deactivate,
 * delete; a location a service uses is not deleted: 409 location_in_use, said plainly), checked
 * on the page and in the database, and the location's address on the public service.
 */

async function adminApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { baseUrl, secretKey } = serverInfo();
  const response = await fetch(`${baseUrl}/v1/tenant-admin${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

for (const viewport of flowViewports('desktop')) {
  test.describe(`resources at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('adds, edits and deactivates a room, and manages locations', async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const checkpoints = new Checkpoints(page, testInfo);
      const tag = `${viewport.name}-${Date.now().toString(36)}`;
      const room = `Garden room ${tag}`;
      const place = `Kreuzberg studio ${tag}`;

      await signInToConsole(page);
      await openArea(page, 'Resources');
      await expect(page.getByRole('heading', { level: 2, name: 'Rooms and equipment' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Locations' })).toBeVisible();
      await checkpoints.step('resources page');

      // A room: add, then edit its capacity, then deactivate it.
      await page.getByRole('button', { name: 'New resource' }).click();
      await page.getByLabel('Name', { exact: true }).fill(room);
      await page.getByLabel('Capacity').fill('3');
      await checkpoints.step('new resource form');
      await page.getByRole('button', { name: 'Add resource' }).click();
      const roomRow = page.getByRole('row').filter({ hasText: room });
      await expect(roomRow).toContainText('3');
      await page.getByRole('button', { name: `Edit ${room}` }).click();
      await page.getByLabel('Capacity').fill('4');
      await page.getByRole('button', { name: 'Save resource' }).click();
      await expect(roomRow.getByRole('cell').nth(2)).toHaveText('4');
      await page.getByRole('button', { name: `Deactivate ${room}` }).click();
      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await expect(roomRow).toContainText('Inactive');
      expect(await query('SELECT kind, capacity, active FROM resources WHERE name = $1', [room])).toEqual([
        { kind: 'room', capacity: 4, active: false },
      ]);

      // A location with an address; a bad country code is refused before sending.
      await page.getByRole('button', { name: 'New location' }).click();
      await page.getByLabel('Name', { exact: true }).fill(place);
      await page.getByLabel('Street address').fill('Oranienstraße 2\nHinterhof');
      await page.getByLabel('Postal code').fill('10999');
      await page.getByLabel('City').fill('Berlin');
      await page.getByLabel('Country code').fill('G');
      await page.getByRole('button', { name: 'Add location' }).click();
      await expect(page.getByRole('alert')).toHaveText('Use the two-letter country code, such as DE or US.');
      await page.getByLabel('Country code').fill('de');
      await page.getByLabel('Phone').fill('+49 30 555000');
      await checkpoints.step('new location form');
      await page.getByRole('button', { name: 'Add location' }).click();
      const placeRow = page.getByRole('row').filter({ hasText: place });
      await expect(placeRow).toContainText('Oranienstraße 2, Hinterhof, 10999 Berlin, DE');
      const [stored] = await query<{ id: string; addressLines: string[]; country: string; active: boolean }>(
        'SELECT id, "addressLines", country, active FROM locations WHERE name = $1',
        [place],
      );
      expect(stored).toMatchObject({
        addressLines: ['Oranienstraße 2', 'Hinterhof'],
        country: 'DE',
        active: true,
      });

      // The same name again: the API's 409, shown at the form.
      await page.getByRole('button', { name: 'New location' }).click();
      await page.getByLabel('Name', { exact: true }).fill(place);
      await page.getByRole('button', { name: 'Add location' }).click();
      await expect(page.getByRole('alert')).toContainText(`Another location is called "${place}"`);
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Edit: the city changes.
      await page.getByRole('button', { name: `Edit ${place}` }).click();
      await page.getByLabel('City').fill('Berlin-Kreuzberg');
      await page.getByRole('button', { name: 'Save location' }).click();
      await expect(placeRow).toContainText('10999 Berlin-Kreuzberg');

      // A service performed there: clients see the address, and the location cannot be deleted.
      const service = await adminApi<{ id: string }>('/services', {
        method: 'POST',
        body: { name: `At ${place}`, durationMinutes: 30, priceBaseCents: 1000 },
      });
      await adminApi(`/services/${service.id}`, { method: 'PATCH', body: { locationId: stored!.id } });
      const publicServices = await fetch(`${serverInfo().baseUrl}/v1/public/services`, {
        headers: { 'x-tenant-key': serverInfo().publishableKey },
      }).then((r) => r.json() as Promise<{ data: Array<{ id: string; location: { city: string } | null }> }>);
      expect(publicServices.data.find((s) => s.id === service.id)?.location?.city).toBe('Berlin-Kreuzberg');

      await page.getByRole('button', { name: `Delete ${place}` }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('alert')).toContainText(
        `${place} was not deleted. Services are performed here`,
      );
      await expect(placeRow).toBeVisible();
      await checkpoints.step('location in use');

      // Deactivate instead; then free it and delete.
      await page.getByRole('button', { name: `Deactivate ${place}` }).click();
      await expect(placeRow).toContainText('Inactive');
      expect(await query('SELECT active FROM locations WHERE id = $1', [stored!.id])).toEqual([
        { active: false },
      ]);
      await adminApi(`/services/${service.id}`, { method: 'PATCH', body: { locationId: null } });
      await page.getByRole('button', { name: `Delete ${place}` }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(placeRow).toHaveCount(0);
      expect(await query('SELECT id FROM locations WHERE id = $1', [stored!.id])).toEqual([]);
      await checkpoints.step('location deleted');
    });
  });
}
