import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { paidHaircut } from './support/admin-fixtures.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query } from './support/server-info.ts';

/**
 * Reports: revenue of a period (chart, table, totals) equal to the ledger's sum, another period
 * giving other figures, the chart library downloaded only once Reports opens, the CSV download,
 * the services and clients reports of a booking's day, and the period's invoices with their PDF.
 */

const ZONE = 'Europe/Berlin';
const euros = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

function monthOf(date: string, back = 0): { startDate: string; endDate: string } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - back, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { startDate: first.toISOString().slice(0, 10), endDate: last.toISOString().slice(0, 10) };
}

/** The ledger's net (every row) of the days in Berlin: what the revenue report's Total net must say. */
async function storedNet(range: { startDate: string; endDate: string }): Promise<number> {
  const [row] = await query<{ net: number }>(
    `SELECT COALESCE(SUM(le."amountCents"), 0)::int AS net
       FROM ledger_entries le JOIN tenants t ON t.id = le."tenantId"
      WHERE t.slug = 'demo'
        AND le."occurredAt" >= ($1::date::timestamp AT TIME ZONE '${ZONE}')
        AND le."occurredAt" < (($2::date + 1)::timestamp AT TIME ZONE '${ZONE}')`,
    [range.startDate, range.endDate],
  );
  return row!.net;
}

const totalNet = (page: Page) =>
  page
    .getByRole('row', { name: /^Total/ })
    .getByRole('cell')
    .last();

for (const [index, viewport] of flowViewports('phone').entries()) {
  test.describe(`console reports at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    // Five checkpoints, each a full-page screenshot and an axe run: about 10 s apiece on a shared 2-core machine.
    test.setTimeout(180_000);

    test('shows revenue, services, clients and invoices of a period and downloads the CSV', async ({
      page,
      request,
    }, testInfo) => {
      const checkpoints = new Checkpoints(page, testInfo);
      const stamp = `${Date.now()}-${viewport.name}`;
      const day = bookingDay(30 + index).iso;
      const booking = await paidHaircut(
        request,
        `${day}T19:${String(10 + index * 20).padStart(2, '0')}:00Z`,
        `Reporta ${viewport.name} ${stamp}`,
        `reports-${stamp}@example.com`,
      );
      const chartRequests: string[] = [];
      page.on('request', (r) => {
        if (/\/admin\/assets\/uplot-chart\.[0-9a-f]+\.js$/.test(r.url())) chartRequests.push(r.url());
      });

      await signInToConsole(page);
      await openArea(page, 'Clients');
      expect(chartRequests, 'the chart library is not loaded before Reports').toEqual([]);

      // Revenue of this month (the default): the ledger's net, drawn as a chart from its own chunk.
      await openArea(page, 'Reports');
      const thisMonth = monthOf(berlinToday());
      const netThisMonth = await storedNet(thisMonth);
      expect(netThisMonth).toBeGreaterThanOrEqual(booking.amountCents);
      await expect(totalNet(page)).toHaveText(euros(netThisMonth));
      await expect(page.getByRole('img', { name: /Chart of gross, refunds and net per day/ })).toBeVisible();
      await expect(page.locator('mais-revenue-chart canvas')).toHaveCount(1);
      expect(chartRequests).toHaveLength(1);
      await expect(page.getByLabel('From')).toHaveValue(thisMonth.startDate);
      await expect(page.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
      await checkpoints.step('revenue this month');

      // The CSV of the same report: its header, and rows whose net adds up to the same total.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Revenue report (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `revenue-cash-${thisMonth.startDate}-${thisMonth.endDate}.csv`,
      );
      const lines = readFileSync((await download.path())!, 'utf8')
        .trim()
        .split(/\r?\n/);
      const header = lines[0]!.split(',');
      expect(header.slice(0, 5)).toEqual(['currency', 'bucketStart', 'basis', 'interval', 'grossCents']);
      const rows = lines.slice(1).map((line) => line.split(','));
      expect(rows[0]!.slice(0, 4)).toEqual(['EUR', thisMonth.startDate, 'cash', 'day']);
      const netColumn = header.indexOf('netCents');
      expect(rows.reduce((sum, row) => sum + Number(row[netColumn]), 0)).toBe(netThisMonth);

      // Another period, other figures.
      await page.getByRole('button', { name: 'Last month' }).click();
      const lastMonth = monthOf(berlinToday(), 1);
      await expect(page.getByLabel('From')).toHaveValue(lastMonth.startDate);
      expect(new URL(page.url()).hash).toContain(`startDate=${lastMonth.startDate}`);
      const netLastMonth = await storedNet(lastMonth);
      expect(netLastMonth).not.toBe(netThisMonth);
      await expect(totalNet(page)).toHaveText(euros(netLastMonth));
      await checkpoints.step('revenue last month');

      // Services and clients of the booking's day, typed as a custom range.
      await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Services' }).click();
      await page.getByLabel('From').fill(day);
      await page.getByLabel('To').fill(day);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await expect(page.getByRole('row', { name: /^Haircut/ })).toBeVisible();
      expect(new URL(page.url()).hash).toContain(`#/reports/services?startDate=${day}&endDate=${day}`);
      await checkpoints.step('services of the day');

      await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Clients' }).click();
      await page.getByLabel('Name or email').fill(booking.clientEmail);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByText(`1 client in this period matching “${booking.clientEmail}”`)).toBeVisible();
      const clientLink = page.getByRole('link', { name: booking.clientName });
      await expect(clientLink).toHaveAttribute(
        'href',
        `#/clients/${encodeURIComponent(booking.clientEmail)}`,
      );
      await checkpoints.step('clients search');

      // The invoice of the venue payment, issued today, with its PDF.
      await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Invoices' }).click();
      await page.getByRole('button', { name: 'This month' }).click();
      const [invoice] = await query<{ number: number }>(
        'SELECT number FROM invoices WHERE "appointmentId" = $1',
        [booking.id],
      );
      const row = page.getByRole('row', { name: new RegExp(`^${invoice!.number} .*${booking.clientName}`) });
      await expect(row).toBeVisible();
      const pdfLink = row.getByRole('link', { name: `Invoice ${invoice!.number} (PDF)` });
      const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await checkpoints.step('invoices');
    });
  });
}
