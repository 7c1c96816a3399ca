import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '@mais/sdk';
import { expect, test, type Page } from '@playwright/test';
import { adminHeaders } from './support/admin-fixtures.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { startJobRunner } from './support/job-runner.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * Settings → Webhooks and Audit log, with the real job runner delivering to a receiver on
 * loopback (allowed: the e2e server is not in production): an endpoint is added and its secret
 * shown once; a booking is delivered, signed with that secret, and listed as delivered; it is
 * redelivered; the secret is rotated, the endpoint disabled and deleted; the audit log lists the
 * endpoint's creation with the owner's email.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function openSection(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
}

let jobs: Awaited<ReturnType<typeof startJobRunner>> | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

test.beforeAll(async () => {
  [jobs, receiver] = await Promise.all([startJobRunner(), startReceiver()]);
});

// Whatever the test left (a failure midway): no endpoint keeps pointing at the closed receiver.
test.afterAll(async ({ request }) => {
  const list = await request.get('/v1/tenant-admin/webhook-endpoints', { headers: adminHeaders() });
  for (const endpoint of ((await list.json()) as { data: Array<{ id: string; url: string }> }).data) {
    if (endpoint.url === receiver.url)
      await request.delete(`/v1/tenant-admin/webhook-endpoints/${endpoint.id}`, { headers: adminHeaders() });
  }
  await Promise.all([jobs?.stop(), receiver.close()]);
});

for (const viewport of flowViewports('desktop')) {
  test.describe(`console webhooks at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('adds an endpoint, sees a booking delivered and redelivered, and finds it in the audit log', async ({
      page,
      request,
    }, testInfo) => {
      const checkpoints = new Checkpoints(page, testInfo);
      const { email } = serverInfo().owner;

      await signInToConsole(page);
      await openArea(page, 'Settings');
      await openSection(page, 'Webhooks');

      // Added with two events; the secret is in a dialog once, and gone from the page after.
      await page.getByLabel('URL').fill(receiver.url);
      await page.getByLabel('Description (optional)').fill('E2E receiver');
      await page.getByRole('checkbox', { name: /appointment\.created/ }).check();
      await page.getByRole('checkbox', { name: /appointment\.cancelled/ }).check();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const dialog = page.getByRole('dialog', { name: `Signing secret for ${receiver.url}` });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('you will not see this secret again');
      const secret = await dialog.getByLabel('Secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      await checkpoints.step('secret shown once');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByLabel('Secret', { exact: true })).toHaveCount(0);
      const row = page.getByRole('row', { name: new RegExp(`^${receiver.url}`) });
      await expect(row).toContainText('appointment.created');
      await expect(row).toContainText('Enabled');
      await row.getByRole('link', { name: receiver.url }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Webhook endpoint' })).toBeVisible();
      const endpointId = new URL(page.url()).hash.split('/')[3]!;
      await expect(page.getByText('No deliveries yet.')).toBeVisible();

      // A booking (by the API, with the secret key): the job runner POSTs it, signed with that secret.
      const [ids] = await query<{ serviceId: string; providerId: string }>(
        `SELECT (SELECT id FROM services WHERE name = 'Haircut') AS "serviceId",
                (SELECT id FROM providers WHERE name = 'Alex Rivera') AS "providerId"`,
      );
      const booked = await request.post('/v1/tenant-admin/appointments', {
        headers: adminHeaders(),
        data: {
          ...ids,
          startTimeUtc: `${bookingDay(48).iso}T05:00:00Z`,
          client: { name: 'Webhook Watcher', email: 'webhook.watcher@example.com' },
          clientTimezone: 'Europe/Berlin',
          overrideRules: true,
        },
      });
      expect(booked.status(), await booked.text()).toBe(201);
      const appointmentId = ((await booked.json()) as { appointment: { id: string } }).appointment.id;
      await expect.poll(() => receiver.received.length).toBe(1);
      const event = await verifyWebhookSignature({
        payload: receiver.received[0]!.body,
        header: receiver.received[0]!.headers['mais-signature'] as string,
        secret,
      });
      expect(event.type).toBe('appointment.created');
      expect(JSON.stringify(event.data)).toContain(appointmentId);

      // Listed as delivered (Refresh until the answer is recorded), then sent again as a new delivery.
      const deliveries = page.getByRole('region', { name: 'Deliveries table' }).locator('tbody tr');
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(deliveries.first()).toContainText('Delivered', { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      await expect(deliveries).toHaveCount(1);
      await expect(deliveries.first()).toContainText('appointment.created');
      await expect(deliveries.first()).toContainText('HTTP 200');
      await deliveries
        .first()
        .getByRole('button', { name: /^Redeliver/ })
        .click();
      await expect.poll(() => receiver.received.length).toBe(2);
      expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ id: event.id });
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(deliveries).toHaveCount(2, { timeout: 1_000 });
        await expect(deliveries.first()).toContainText('Delivered', { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      await expect(deliveries.first()).toContainText('(sent again)');
      await expect(page.locator('dt:text-is("Last delivered") + dd')).not.toHaveText('Never');
      await checkpoints.step('deliveries');

      // Rotated (a new secret, shown once), disabled, then deleted after a confirmation.
      await page.getByRole('button', { name: /^Rotate secret/ }).click();
      await page.getByRole('button', { name: 'Rotate secret', exact: true }).click();
      const rotated = page.getByRole('dialog', { name: 'New signing secret' });
      await expect(rotated).toContainText('The old secret keeps signing beside this one');
      const newSecret = await rotated.getByLabel('Secret').inputValue();
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(secret);
      await rotated.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: `Disable ${receiver.url}` }).click();
      await expect(page.locator('dd .badge')).toHaveText('Disabled');
      await expect(page.getByRole('button', { name: /^Redeliver/ }).first()).toBeDisabled();
      await page.getByRole('button', { name: `Delete ${receiver.url}` }).click();
      await page.getByRole('button', { name: 'Delete endpoint' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Webhooks' })).toBeVisible();
      await expect(page.getByText('No endpoints yet.')).toBeVisible();

      // The audit log: newest first, the owner's changes by email, the creation with the endpoint's id.
      await openSection(page, 'Audit log');
      const entries = page.getByRole('region', { name: 'Audit log table' }).locator('tbody tr');
      await expect(entries.first()).toContainText('Deleted a webhook endpoint');
      const creation = entries.filter({ hasText: 'Created a webhook endpoint' });
      await expect(creation).toHaveCount(1);
      await expect(creation).toContainText(email);
      await expect(creation).toContainText('POST webhook-endpoints');
      await expect(creation).toContainText(endpointId);
      await checkpoints.step('audit log');
      // Only the owner's own changes: the secret key's booking above, and every other actor's
      // entry, are left out (earlier specs' owner sessions booked too: no count of bookings here).
      await expect(entries.filter({ hasNotText: email }).first()).toBeVisible();
      await creation.getByRole('link', { name: email }).click();
      await expect(page).toHaveURL(/#\/settings\/audit-log\?actorId=/);
      await expect(entries.filter({ hasText: 'Created a webhook endpoint' })).toHaveCount(1);
      await expect(entries.filter({ hasNotText: email })).toHaveCount(0);
    });
  });
}
