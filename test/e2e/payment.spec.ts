import { expect, test } from '@playwright/test';
import { BookingWidget } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { installFakeStripeJs } from './support/fake-stripe-js.ts';
import {
  connectDemoTenant,
  query,
  serverInfo,
  storedAppointment,
  storedPayments,
} from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

/**
 * Card payments in the widget, against the real API and the fake Stripe it is configured with
 * (serve.ts starts it and writes it into server.json as `stripe`), with a fake Stripe.js in the page
 * (support/fake-stripe-js.ts) that confirms through that fake. The demo tenant is connected to the
 * fake's account only for these tests: the other specs book "Colour & style" as a plain hold.
 */

/** Requests for the payment step's code or Stripe.js, as the page made them. */
function paymentRequests(urls: string[]): string[] {
  return urls.filter((url) => url.includes('/chunks/') || url.includes('js.stripe.com'));
}

test('a page whose bookings are not paid by card never downloads the payment step', async ({ page }) => {
  const widget = new BookingWidget(page);
  const day = bookingDay(10);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto('/examples/inline/');
  await widget.service('Haircut').click();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await widget.showMonthOf(day.iso);
  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  await widget.slots().first().click();
  await widget.expectStep(widget.t.yourDetails);
  await widget.field(widget.t.name).fill('Grace Hopper');
  await widget.field(widget.t.email).fill('grace@example.com');
  await widget.confirmBooking().click();
  await widget.expectStep(widget.t.booked);
  expect(paymentRequests(requested)).toEqual([]);
});

test.describe('with the business taking cards', () => {
  test.beforeAll(async () => {
    const { stripe } = serverInfo();
    // serve.ts starts a fake Stripe; without it this would be a test that cannot fail.
    expect(stripe, 'serve.ts must start the fake Stripe').toBeDefined();
    await connectDemoTenant(stripe!.account);
  });

  test.afterAll(async () => {
    await connectDemoTenant(null);
  });

  test('a client pays the deposit in the widget: a declined card, then one that goes through', async ({
    page,
  }, testInfo) => {
    const stripe = serverInfo().stripe!;
    const fakeStripe = await installFakeStripeJs(page, stripe);
    fakeStripe.cards.push('pm_card_chargeDeclined', 'pm_card_visa');
    const widget = new BookingWidget(page);
    const check = new Checkpoints(page, testInfo);
    const day = bookingDay(9);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await recordWidgetEvents(page);

    await page.goto('/examples/inline/');
    await widget.service('Colour & style').click();
    await widget.expectStep(widget.t.chooseDayAndTime);
    await widget.showMonthOf(day.iso);
    await widget.day(day.iso).click();
    await widget.expectTimesOf(day.iso);
    await widget.slots().first().click();
    await widget.expectStep(widget.t.yourDetails);
    await widget.field(widget.t.name).fill('Katherine Johnson');
    await widget.field(widget.t.email).fill('katherine@example.com');
    await widget.field('Hair length').selectOption('Long');
    // The payment step's code is fetched only now, when the booking answers with a payment.
    expect(paymentRequests(requested)).toEqual([]);
    await widget.confirmBooking().click();

    await widget.expectStep(widget.t.payTitle);
    const booked = await lastWidgetEvent(page, 'mais:booked');
    const appointmentId = String(booked.appointmentId);
    expect(booked).toMatchObject({ status: 'PENDING' });
    expect(paymentRequests(requested)).toEqual([
      expect.stringMatching(/\/chunks\/payment-form\.[0-9a-f]{8}\.js$/),
    ]);
    await expect(
      widget.root.getByText(widget.t.depositDue('€42.00', '€140.00'), { exact: true }),
    ).toBeVisible();
    await expect(widget.root.getByRole('timer')).toHaveText(/^Held for you for \d+:\d\d more\.$/);
    const pay = widget.button(widget.t.payButton('€42.00'));
    await expect(pay).toBeEnabled();
    // The card form is in the page (Stripe.js mounts nowhere else), shown inside the widget.
    await expect(
      page.frameLocator('mais-booking iframe[title="Secure payment input frame"]').locator('p'),
    ).toHaveText('Card number 4242 4242 4242 4242');
    const calls = await fakeStripe.calls();
    expect(calls.constructed).toEqual([
      { publishableKey: expect.stringMatching(/^pk_test_/), stripeAccount: stripe.account },
    ]);
    expect(calls.elements).toEqual([
      { clientSecret: expect.stringMatching(/^pi_\w+_secret_\w+$/), theme: 'stripe' },
    ]);
    await check.step('payment');

    await pay.click();
    // Stripe's own words for the decline, where the client sees them and in the live region.
    await expect(widget.root.locator('[part~="error"]')).toHaveText('Your card was declined.');
    await expect(widget.liveRegion()).toHaveText('Your card was declined.');
    expect(await storedAppointment(appointmentId)).toMatchObject({ status: 'PENDING' });
    await check.step('payment-declined');

    await widget.button(widget.t.payButton('€42.00')).click();
    await widget.expectStep(widget.t.booked);
    expect(await lastWidgetEvent(page, 'mais:paid')).toEqual({
      appointmentId,
      amountCents: 4200,
      currency: 'EUR',
    });
    await expect(widget.root.getByRole('link', { name: widget.t.googleCalendar })).toBeVisible();
    await expect(widget.root.getByRole('timer')).toHaveCount(0);
    await expect(page.locator('mais-booking iframe')).toHaveCount(0);
    await check.step('paid');

    expect(await storedAppointment(appointmentId)).toMatchObject({ status: 'CONFIRMED' });
    expect(await storedPayments(appointmentId)).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', kind: 'DEPOSIT', amountCents: 4200 }),
    ]);

    // Nine days ahead, the policy charges nothing: cancelling shows, then gives back, the deposit.
    await page.goto((await widget.manageLink().getAttribute('href'))!);
    await widget.expectStep(widget.t.yourBooking, { focused: false });
    await widget.button(widget.t.cancelBooking).click();
    await widget.expectStep(widget.t.cancelQuestion);
    await expect(widget.root.locator('.terms')).toContainText(widget.t.cancelRefund('€42.00'));
    await check.step('cancel-terms');
    await widget.button(widget.t.cancelYes).click();
    await widget.expectStep(widget.t.yourBooking);
    await expect(widget.root.getByText(widget.t.status('CANCELLED'), { exact: true })).toBeVisible();
    const refunds = await query<{ status: string; amountCents: number }>(
      `SELECT r.status, r."amountCents" FROM refunds r JOIN payments p ON p.id = r."paymentId"
        WHERE p."appointmentId" = $1`,
      [appointmentId],
    );
    expect(refunds).toEqual([{ status: 'SUCCEEDED', amountCents: 4200 }]);
    await check.step('cancelled-refunded');
  });

  test.describe('a service with a no-show fee and nothing to pay now', () => {
    // Haircut is paid at the venue; for these tests it also charges €25 when the client does not come.
    const setFee = (cents: number | null) =>
      query(`UPDATE services SET "noShowFeeCents" = $1 WHERE name = 'Haircut'`, [cents]);
    test.beforeAll(() => setFee(2500));
    test.afterAll(() => setFee(null));

    test('the client sees the fee first, saves a card (a decline, then one that works), charged nothing', async ({
      page,
    }, testInfo) => {
      const stripe = serverInfo().stripe!;
      const fakeStripe = await installFakeStripeJs(page, stripe);
      fakeStripe.cards.push('pm_card_chargeDeclined', 'pm_card_visa');
      const widget = new BookingWidget(page);
      const check = new Checkpoints(page, testInfo);
      const day = bookingDay(13);
      await recordWidgetEvents(page);

      await page.goto('/examples/inline/');
      // Before choosing anything, the client knows what not coming costs.
      await expect(widget.service('Haircut')).toContainText(widget.t.noShowFee('€25.00'));
      await widget.service('Haircut').click();
      await widget.expectStep(widget.t.chooseDayAndTime);
      await widget.showMonthOf(day.iso);
      await widget.day(day.iso).click();
      await widget.expectTimesOf(day.iso);
      await widget.slots().first().click();
      await widget.expectStep(widget.t.yourDetails);
      await widget.field(widget.t.name).fill('Dorothy Vaughan');
      await widget.field(widget.t.email).fill('dorothy@example.com');
      await widget.confirmBooking().click();

      await widget.expectStep(widget.t.saveCardTitle);
      const appointmentId = String((await lastWidgetEvent(page, 'mais:booked')).appointmentId);
      const notice = widget.root.locator('[part~="payment"]');
      await expect(notice).toContainText(widget.t.cardNotCharged);
      await expect(notice).toContainText(widget.t.noShowCharge('€25.00'));
      expect((await fakeStripe.calls()).elements).toEqual([
        { clientSecret: expect.stringMatching(/^seti_\w+_secret_\w+$/), theme: 'stripe' },
      ]);
      await check.step('save-card');

      await widget.button(widget.t.saveCard).click();
      await expect(widget.root.locator('[part~="error"]')).toHaveText('Your card was declined.');
      expect(await storedAppointment(appointmentId)).toMatchObject({ status: 'PENDING' });

      await widget.button(widget.t.saveCard).click();
      await widget.expectStep(widget.t.booked);
      await expect(widget.root.getByText(widget.t.cardOnFile).first()).toBeVisible();
      await check.step('card-saved');

      const [row] = await query<{ status: string; paymentMethod: string | null; fee: number }>(
        `SELECT status, "stripePaymentMethodId" AS "paymentMethod", "noShowFeeCents" AS fee
           FROM appointments WHERE id = $1`,
        [appointmentId],
      );
      expect(row).toEqual({ status: 'CONFIRMED', paymentMethod: expect.stringMatching(/^pm_/), fee: 2500 });
      // Saving a card charges nothing.
      expect(await storedPayments(appointmentId)).toEqual([]);
    });
  });
});
