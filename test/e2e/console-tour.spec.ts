import { expect, test, type Page } from '@playwright/test';
import { paidHaircut } from './support/admin-fixtures.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { CONSOLE_VIEWPORTS, openArea, signInToConsole } from './support/console.ts';
import { query } from './support/server-info.ts';

/**
 * Every page of the console at both widths, with axe and a screenshot once its data is drawn:
 * each area's list through the navigation, then one appointment, client, service and provider
 * page. The areas' own specs run their flows at one width each (support/console.ts, flowViewports).
 */
const AREAS = [
  'Today',
  'Calendar',
  'Appointments',
  'Clients',
  'Services',
  'Providers',
  'Resources',
  'Reports',
  'Settings',
];

async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText(/^Loading.*…$/)).toHaveCount(0);
}

for (const [index, viewport] of CONSOLE_VIEWPORTS.entries()) {
  test.describe(`the console's pages at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('every area and detail page draws its data and passes axe', async ({ page, request }, testInfo) => {
      test.setTimeout(180_000);
      const checkpoints = new Checkpoints(page, testInfo);
      const email = `tour-${viewport.name}@example.com`;
      const booking = await paidHaircut(
        request,
        `${bookingDay(45 + index).iso}T06:00:00Z`,
        `Tour ${viewport.name}`,
        email,
      );
      await signInToConsole(page);

      for (const area of AREAS) {
        await openArea(page, area);
        await settled(page, area);
        await checkpoints.step(area);
      }

      const pages: Array<[string, string, string | RegExp]> = [
        ['appointment', `#/appointments/${booking.id}`, `Appointment with Tour ${viewport.name}`],
        ['client', `#/clients/${encodeURIComponent(email)}`, `Tour ${viewport.name}`],
      ];
      const [service] = await query<{ id: string; name: string }>(
        `SELECT id, name FROM services WHERE name = 'Haircut' LIMIT 1`,
      );
      const [provider] = await query<{ id: string; name: string }>(
        `SELECT id, name FROM providers WHERE name = 'Alex Rivera' LIMIT 1`,
      );
      pages.push(['service', `#/services/${service!.id}`, service!.name]);
      pages.push(['provider', `#/providers/${provider!.id}`, provider!.name]);
      for (const [name, hash, heading] of pages) {
        await page.goto(`/admin/${hash}`);
        await settled(page, heading);
        await checkpoints.step(`${name} page`);
      }
    });
  });
}
