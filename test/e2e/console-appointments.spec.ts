import { expect, test, type Page } from '@playwright/test';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { connectDemoTenant, query, serverInfo } from './support/server-info.ts';
import { startJobRunner } from './support/job-runner.ts';

/**
 * The console's Appointments area against the real API on the demo tenant: the list's filters and
 * client search (kept in the address), an appointment's page (intake, history, money, messages) and
 * its actions: complete, no-show with its fee, resending the confirmation, cancelling a booking paid
 * by card (the fake Stripe) with a refund of the admin's own amount, and a refusal (409) from a page
 * that is out of date. Each viewport books on its own days and times with its own client names.
 */

interface Booked {
  id: string;
  name: string;
}

async function adminApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { baseUrl, secretKey } = serverInfo();
  const response = await fetch(`${baseUrl}/v1/tenant-admin${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secretKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  expect(response.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

async function idOf(table: 'services' | 'providers', name: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM ${table} WHERE name = $1`, [name]);
  return row!.id;
}

/** A booking made by staff (confirmed at once); with overrideRules it may be in the past. */
async function bookAsStaff(
  service: string,
  startTimeUtc: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Booked> {
  const booked = await adminApi<{ appointment: { id: string } }>('POST', '/appointments', {
    serviceId: await idOf('services', service),
    providerId: await idOf('providers', 'Alex Rivera'),
    startTimeUtc,
    client: { name, email: `${name.toLowerCase().replaceAll(' ', '.')}@example.com` },
    clientTimezone: 'America/New_York',
    overrideRules: true,
    ...extra,
  });
  return { id: booked.appointment.id, name };
}

/** Yesterday at `hour`:00 UTC: an appointment that has started (and ended). */
function yesterdayAt(hour: number): string {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
}

async function openAppointment(page: Page, booked: Booked) {
  await page.goto(`/admin/#/appointments/${booked.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Appointment with ${booked.name}` }),
  ).toBeVisible();
}

const statusBadge = (page: Page) => page.getByTestId('status');

/**
 * The e2e server runs no job runner (serve.ts); messages are built by one: for this file the real
 * one, as production runs it beside the API. It turns the history into the confirmation emails
 * (SKIPPED: no Postmark token).
 */
let jobRunner: { stop(): Promise<void> } | null = null;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  jobRunner = await startJobRunner();
});

test.afterAll(async () => {
  await jobRunner?.stop();
});

for (const [index, viewport] of flowViewports('phone').entries()) {
  const suffix = viewport.name === 'desktop' ? 'Desk' : 'Phone';

  test.describe(`the appointments area at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    // Long flows (an axe pass per step) on a machine shared with other runs.
    test.describe.configure({ timeout: 180_000 });

    test('filters and searches the list, shows an appointment, completes, marks a no-show, resends, and reports a stale page', async ({
      page,
    }, testInfo) => {
      const check = new Checkpoints(page, testInfo);
      const [hairLength] = await query<{ id: string }>(
        `SELECT id FROM intake_form_fields WHERE label = 'Hair length'`,
      );
      const day = bookingDay(20 + index);
      const resend = await bookAsStaff('Colour & style', `${day.iso}T09:00:00Z`, `Resend ${suffix}`, {
        intake: { [hairLength!.id]: 'Long' },
      });
      // A same-named client on another service: the service filter leaves it out.
      await bookAsStaff('Haircut', `${day.iso}T13:00:00Z`, `Resend ${suffix} Too`);
      const base = 6 + index * 4;
      const complete = await bookAsStaff('Haircut', yesterdayAt(base), `Complete ${suffix}`);
      const noShow = await bookAsStaff('Haircut', yesterdayAt(base + 1), `Noshow ${suffix}`);
      await query('UPDATE appointments SET "noShowFeeCents" = 2500 WHERE id = $1', [noShow.id]);
      const stale = await bookAsStaff('Haircut', yesterdayAt(base + 2), `Stale ${suffix}`);

      await signInToConsole(page);
      await openArea(page, 'Appointments');
      await check.step('list');

      // Filter: a client search and a service, applied into the address.
      await page.getByLabel('Client name or email').fill(`resend ${suffix.toLowerCase()}`);
      await page.getByLabel('Service').selectOption({ label: 'Colour & style' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page).toHaveURL(/#\/appointments\?.*q=resend/);
      const rows = page.locator('mais-appointment-list tbody tr');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('Colour & style');
      await expect(rows.first()).toContainText('Alex Rivera');
      await check.step('filtered');
      // The filters survive a reload: they are the address.
      await page.reload();
      await expect(page.getByLabel('Client name or email')).toHaveValue(`resend ${suffix.toLowerCase()}`);
      await expect(rows).toHaveCount(1);
      await page.getByLabel('Service').selectOption({ label: 'Any service' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(rows).toHaveCount(2);

      // The appointment's page: times, intake answers, history and the confirmation sent.
      await rows.getByRole('link', { name: resend.name, exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Appointment with ${resend.name}` }),
      ).toBeVisible();
      await expect(page.getByText("Client's time")).toBeVisible();
      await expect(page.getByRole('region', { name: 'Intake answers', exact: true })).toContainText('Long');
      await expect(page.getByRole('region', { name: 'History', exact: true })).toContainText(
        'Booked by Staff',
      );
      const messages = page.getByRole('region', { name: 'Messages sent', exact: true }).locator('tbody tr');
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh messages' }).click();
        await expect(messages.filter({ hasText: 'Confirmation' })).toHaveCount(1, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await check.step('appointment');

      // Resend: one more confirmation, in the history and the messages.
      await page.getByRole('button', { name: 'Resend confirmation' }).dblclick();
      await expect(page.getByRole('region', { name: 'History', exact: true })).toContainText(
        'Confirmation sent again',
      );
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh messages' }).click();
        await expect(messages.filter({ hasText: 'Confirmation' })).toHaveCount(2, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      const resent = await query<{ n: string }>(
        `SELECT count(*) AS n FROM appointment_events WHERE "appointmentId" = $1 AND type = 'CONFIRMATION_RESENT'`,
        [resend.id],
      );
      expect(Number(resent[0]!.n)).toBe(1); // the double click sent one
      await check.step('resent');

      // Complete one that has started.
      await openAppointment(page, complete);
      await page.getByRole('button', { name: 'Mark completed' }).click();
      await expect(statusBadge(page)).toHaveText('Completed');
      expect((await query('SELECT status FROM appointments WHERE id = $1', [complete.id]))[0]).toEqual({
        status: 'COMPLETED',
      });
      await check.step('completed');

      // No-show: the fee is shown before confirming.
      await openAppointment(page, noShow);
      await page.getByRole('button', { name: 'Mark no-show' }).click();
      await expect(page.getByTestId('no-show-fee')).toContainText('€25.00');
      await check.step('no-show-confirm');
      await page.getByRole('button', { name: 'Confirm no-show' }).click();
      await expect(statusBadge(page)).toHaveText('No show');
      const [noShowRow] = await query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [
        noShow.id,
      ]);
      expect(noShowRow).toEqual({ status: 'NO_SHOW' });
      await expect(page.getByRole('button', { name: 'Collect balance' })).toBeVisible();

      // A stale page: cancelled elsewhere meanwhile, so completing it is refused plainly.
      await openAppointment(page, stale);
      await adminApi('POST', `/appointments/${stale.id}/cancel`, {});
      await page.getByRole('button', { name: 'Mark completed' }).click();
      await expect(page.getByRole('alert')).toContainText('this one is CANCELLED');
      await expect(statusBadge(page)).toHaveText('Cancelled');
      await expect(page.getByRole('button', { name: 'Mark completed' })).toHaveCount(0);
      await check.step('stale-refused');
    });

    test('cancels a booking paid by card with a refund of its own amount', async ({ page }, testInfo) => {
      const check = new Checkpoints(page, testInfo);
      const { baseUrl, publishableKey, stripe } = serverInfo();
      expect(stripe, 'serve.ts must start the fake Stripe').toBeDefined();
      await connectDemoTenant(stripe!.account);
      try {
        const paid = await bookPaidYoga(
          baseUrl,
          publishableKey,
          stripe!,
          `Paid ${suffix}`,
          bookingDay(22 + index).iso,
        );
        const preview = await adminApi<{ refundCents: number; refundableByCardCents: number }>(
          'GET',
          `/appointments/${paid.id}/cancellation-preview`,
        );
        expect(preview.refundableByCardCents).toBe(1500);

        await signInToConsole(page);
        await openAppointment(page, paid);
        await expect(page.getByTestId('payment-status')).toHaveText('Paid');
        await page.getByRole('button', { name: 'Cancel appointment' }).click();
        const policyRefund = `€${(Math.min(preview.refundCents, 1500) / 100).toFixed(2)}`;
        await expect(page.getByTestId('policy-refund')).toHaveText(`Refund ${policyRefund} by the policy.`);
        await page.getByLabel('Refund by card (EUR)').fill('20');
        await page.getByRole('button', { name: 'Confirm cancellation' }).click();
        await expect(page.getByRole('alert')).toHaveText('At most €15.00 can be refunded by card.');
        await check.step('cancel-too-much');

        await page.getByLabel('Refund by card (EUR)').fill('5');
        await page.getByLabel('Reason (optional)').fill('Studio closed');
        await page.getByRole('button', { name: 'Confirm cancellation' }).click();
        await expect(statusBadge(page)).toHaveText('Cancelled');
        await expect(page.getByTestId('payment-status')).toHaveText('Partially refunded');
        const ledger = page.getByRole('region', { name: 'Payments and refunds', exact: true });
        await expect(ledger.locator('tbody tr').filter({ hasText: 'Refund' })).toContainText('-€5.00');
        await expect(page.getByRole('region', { name: 'History', exact: true })).toContainText(
          'Cancelled (Studio closed)',
        );
        const refunds = await query<{ status: string; amountCents: number }>(
          `SELECT r.status, r."amountCents" FROM refunds r JOIN payments p ON p.id = r."paymentId"
            WHERE p."appointmentId" = $1`,
          [paid.id],
        );
        expect(refunds).toEqual([{ status: 'SUCCEEDED', amountCents: 500 }]);
        await check.step('cancelled-refunded');
      } finally {
        await connectDemoTenant(null);
      }
    });
  });
}

/** A client books the yoga class (paid in full) through the public API and pays in the fake Stripe. */
async function bookPaidYoga(
  baseUrl: string,
  publishableKey: string,
  stripe: { url: string; secretKey: string; account: string },
  name: string,
  date: string,
): Promise<Booked> {
  const headers = { 'x-tenant-key': publishableKey, 'content-type': 'application/json', origin: baseUrl };
  const serviceId = await idOf('services', 'Morning yoga class');
  const slots = (await (
    await fetch(
      `${baseUrl}/v1/public/services/${serviceId}/availability?startDate=${date}&endDate=${date}&timezone=Europe/Berlin`,
      { headers },
    )
  ).json()) as { slots: Array<{ startTimeUtc: string }> };
  const booking = await fetch(`${baseUrl}/v1/public/appointments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      serviceId,
      startTimeUtc: slots.slots[0]!.startTimeUtc,
      client: { name, email: 'paid@example.com' },
      clientTimezone: 'Europe/Berlin',
    }),
  });
  const booked = (await booking.json()) as {
    appointment: { id: string };
    manageToken: string;
    payment: { clientSecret: string };
  };
  expect(booking.status, JSON.stringify(booked)).toBe(201);
  const intent = booked.payment.clientSecret.split('_secret_')[0]!;
  const confirmed = await fetch(`${stripe.url}/v1/payment_intents/${intent}/confirm`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stripe.secretKey}`,
      'content-type': 'application/x-www-form-urlencoded',
      'stripe-account': stripe.account,
    },
    body: new URLSearchParams({ payment_method: 'pm_card_visa' }),
  });
  expect(confirmed.status).toBe(200);
  const paid = await fetch(`${baseUrl}/v1/public/appointments/${booked.appointment.id}/confirm-payment`, {
    method: 'POST',
    headers: { ...headers, 'x-manage-token': booked.manageToken },
    body: '{}',
  });
  expect(paid.status, await paid.clone().text()).toBe(200);
  return { id: booked.appointment.id, name };
}
