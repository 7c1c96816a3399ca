import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings, intentOf } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// No-show protection and the card kept at booking: the fee charged off-session when the client
// does not come, a declined card leaving it due, the balance charged to the kept card.
// Monday 1 March 2027, 07:00Z; providers work 09:00–17:00 Berlin (08:00Z–16:00Z).
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let account: string;
/** €80, a €20 deposit, a €50 no-show fee. */
let depositService: string;
/** Free to book, a €25 no-show fee: the card is saved with a SetupIntent. */
let freeService: string;
let webhookUrl: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PLATFORM_FEE_PERCENT: '2.5' },
    { clock: read, maxConnections: 20 },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  webhookUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/v1/webhooks/stripe`;
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId: depositService } = await bookableService(t.app, tenant, {
    service: {
      name: 'Colour',
      priceBaseCents: 8000,
      paymentMode: 'DEPOSIT',
      depositCents: 2000,
      noShowFeeCents: 5000,
    },
  }));
  ({ serviceId: freeService } = await bookableService(t.app, tenant, {
    service: { name: 'Consultation', priceBaseCents: 0, noShowFeeCents: 2500 },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});
beforeEach(() => {
  clock.now = new Date('2027-03-01T07:00:00Z');
});

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const adminPost = (id: string, action: string, payload?: object) =>
  admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/${action}`,
    ...(payload ? { payload } : {}),
  });
const noShow = (id: string) => adminPost(id, 'no-show');
const collectByCard = (id: string) => adminPost(id, 'collect-balance', { method: 'card' });
const collectAtVenue = (id: string) => adminPost(id, 'collect-balance', { method: 'venue' });
/** After the appointment's start, when a no-show can be recorded. */
const afterStartOf = (start: string) => (clock.now = new Date(new Date(start).getTime() + 30 * 60_000));

/** The PaymentIntents charged off-session to kept cards, as the fake Stripe holds them. */
const offSessionIntents = (appointmentId: string) =>
  stripe.state.paymentIntents
    .list(account)
    .filter((intent) => intent.metadata?.appointmentId === appointmentId && intent.metadata?.paymentId);
const ledger = (appointmentId: string) =>
  t.db.ledgerEntry.findMany({ where: { appointmentId }, orderBy: [{ occurredAt: 'asc' }, { kind: 'asc' }] });
const history = async (appointmentId: string) =>
  (await t.db.appointmentEvent.findMany({ where: { appointmentId }, orderBy: { seq: 'asc' } })).map(
    (event) => event.type,
  );
const stored = (id: string) => t.db.appointment.findUniqueOrThrow({ where: { id } });

/** A free booking whose card was saved in the "browser" with `card`, then confirmed. */
async function savedCardBooking(start: string, card = 'pm_card_visa') {
  const response = await cards.book(bookingBody(freeService, start));
  expect(response.statusCode, response.body).toBe(201);
  const { appointment, manageToken, payment } = response.json();
  expect(payment).toMatchObject({ kind: 'setup', amountCents: 0, stripeAccount: account });
  expect(appointment).toMatchObject({
    status: 'PENDING',
    paymentStatus: 'NOT_REQUIRED',
    noShowFeeCents: 2500,
  });
  stripe.succeedSetupIntent(intentOf(payment.clientSecret), { paymentMethod: card });
  const confirmed = await cards.confirm(appointment.id, manageToken);
  expect(confirmed.json()).toMatchObject({ status: 'CONFIRMED', cardOnFile: true, amountDueCents: 0 });
  return { id: appointment.id as string, token: manageToken as string };
}

describe('the card kept at booking', () => {
  it('saves the card of a free booking with a SetupIntent, charging nothing, and confirms it', async () => {
    const { id } = await savedCardBooking('2027-03-08T09:00:00Z');
    const row = await stored(id);
    expect(row.stripeCustomerId).toMatch(/^cus_/);
    expect(row.stripePaymentMethodId).toMatch(/^pm_/);
    expect(stripe.state.paymentIntents.list(account).filter((i) => i.metadata?.appointmentId === id)).toEqual(
      [],
    );
    // The card is on the customer made for this booking, on the tenant's account.
    const method = stripe.state.paymentMethods.get(row.stripePaymentMethodId!, account);
    expect(method?.customer).toBe(row.stripeCustomerId);
    expect(await history(id)).toEqual(['HELD', 'CARD_SAVED']);
    expect(await ledger(id)).toEqual([]);
  });

  it('confirms from the setup_intent.succeeded webhook alone, once however often it arrives', async () => {
    const response = await cards.book(bookingBody(freeService, '2027-03-08T11:00:00Z'));
    const { appointment, payment } = response.json();
    await stripe.deliverWebhooks(webhookUrl); // what booking generated, before the card
    stripe.succeedSetupIntent(intentOf(payment.clientSecret));
    const deliveries = await stripe.deliverWebhooks(webhookUrl, { duplicate: true, shuffle: true });
    expect(deliveries.map((d) => d.status)).toEqual(deliveries.map(() => 200));
    expect(deliveries.some((d) => d.event.type === 'setup_intent.succeeded')).toBe(true);
    expect(await stored(appointment.id)).toMatchObject({ status: 'CONFIRMED', holdExpiresAt: null });
    expect(await history(appointment.id)).toEqual(['HELD', 'CARD_SAVED']);
  });

  it('keeps the card a deposit was paid with, for the balance and the fee', async () => {
    const { id } = await cards.paid(depositService, '2027-03-08T13:00:00Z');
    expect(await stored(id)).toMatchObject({
      stripePaymentMethodId: expect.stringMatching(/^pm_/),
      paidCents: 2000,
      noShowFeeCents: 5000,
    });
    expect(await history(id)).toEqual(['HELD', 'PAYMENT_REQUESTED', 'CARD_SAVED', 'PAID']);
  });
});

describe('POST /v1/tenant-admin/appointments/:id/no-show', () => {
  it('charges the fee less the deposit to the kept card off-session and books it', async () => {
    const start = '2027-03-09T09:00:00Z';
    const { id } = await cards.paid(depositService, start);
    afterStartOf(start);
    const response = await noShow(id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'NO_SHOW',
      paymentStatus: 'PAID',
      noShowFeeCents: 5000,
      amountDueCents: 0,
    });
    const [charge, ...more] = offSessionIntents(id);
    expect(more).toEqual([]);
    const row = await stored(id);
    expect(charge).toMatchObject({
      status: 'succeeded',
      amount: 3000, // €50 fee, €20 of it paid as the deposit
      customer: row.stripeCustomerId,
      payment_method: row.stripePaymentMethodId,
      application_fee_amount: 75,
    });
    const request = stripe.requests.find(
      (r) =>
        r.path === '/v1/payment_intents' && r.params.metadata && r.idempotencyKey?.startsWith('payment-'),
    );
    expect(request?.params).toMatchObject({ off_session: 'true', confirm: 'true' });
    const fee = (await ledger(id)).filter((entry) => entry.stripeObjectId === charge!.latest_charge);
    expect(fee).toMatchObject([{ kind: 'NO_SHOW_FEE', amountCents: 3000 }]);
    const payment = await t.db.payment.findFirstOrThrow({
      where: { appointmentId: id, kind: 'NO_SHOW_FEE' },
    });
    expect(payment).toMatchObject({
      status: 'SUCCEEDED',
      stripePaymentIntentId: charge!.id,
      amountCents: 3000,
    });
    expect(row.paidCents).toBe(5000);
    expect(await history(id)).toEqual([
      'HELD',
      'PAYMENT_REQUESTED',
      'CARD_SAVED',
      'PAID',
      'NO_SHOW',
      'PAYMENT_REQUESTED',
      'PAID',
    ]);
  });

  it('charges the whole fee of a free booking whose card was saved', async () => {
    const start = '2027-03-09T11:00:00Z';
    const { id } = await savedCardBooking(start);
    afterStartOf(start);
    const response = await noShow(id);
    expect(response.json()).toMatchObject({ status: 'NO_SHOW', paymentStatus: 'PAID', amountDueCents: 0 });
    expect(offSessionIntents(id).map((intent) => [intent.status, intent.amount])).toEqual([
      ['succeeded', 2500],
    ]);
    expect((await ledger(id)).map((entry) => [entry.kind, entry.amountCents])).toEqual(
      expect.arrayContaining([
        ['NO_SHOW_FEE', 2500],
        ['STRIPE_FEE', -(Math.round(2500 * 0.029) + 30)],
        ['PLATFORM_FEE', -63],
      ]),
    );
  });

  it('leaves a declined fee due, visible to the admin, and collects it later at the venue', async () => {
    const start = '2027-03-09T13:00:00Z';
    const { id } = await savedCardBooking(start, 'pm_card_chargeCustomerFail');
    afterStartOf(start);
    const response = await noShow(id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'NO_SHOW',
      paymentStatus: 'AWAITING_PAYMENT',
      amountDueCents: 2500,
      cardOnFile: true,
    });
    expect(await t.db.payment.findMany({ where: { appointmentId: id } })).toMatchObject([
      { kind: 'NO_SHOW_FEE', status: 'FAILED', amountCents: 2500 },
    ]);
    const failed = await t.db.appointmentEvent.findFirstOrThrow({
      where: { appointmentId: id, type: 'PAYMENT_FAILED' },
    });
    expect(failed.data).toMatchObject({ declineCode: 'generic_decline', offSession: true });
    expect(await ledger(id)).toEqual([]);
    const seen = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${id}` });
    expect(seen.json()).toMatchObject({ amountDueCents: 2500, paymentStatus: 'AWAITING_PAYMENT' });

    // Stripe's own payment_failed event for the same charge adds nothing.
    await stripe.deliverWebhooks(webhookUrl);
    expect((await history(id)).filter((type) => type === 'PAYMENT_FAILED')).toHaveLength(1);

    const again = await collectByCard(id);
    expect(again.statusCode).toBe(402);
    expect(again.json().error).toMatchObject({
      code: 'card_declined',
      details: [{ path: 'card', message: 'generic_decline' }],
    });
    expect((await stored(id)).paidCents).toBe(0);

    const venue = await collectAtVenue(id);
    expect(venue.json()).toMatchObject({ status: 'NO_SHOW', paymentStatus: 'PAID', amountDueCents: 0 });
    expect((await ledger(id)).map((e) => [e.kind, e.amountCents, e.stripeObjectId])).toEqual([
      ['NO_SHOW_FEE_VENUE', 2500, null],
    ]);
  });

  it('owes the fee without a kept card (an admin booking): due, and no card to charge', async () => {
    const start = '2027-03-09T15:00:00Z';
    const booked = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: bookingBody(freeService, start),
    });
    const { id } = booked.json().appointment;
    afterStartOf(start);
    expect((await noShow(id)).json()).toMatchObject({ amountDueCents: 2500, cardOnFile: false });
    const refused = await collectByCard(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('no_card_on_file');
    expect(offSessionIntents(id)).toEqual([]);
  });

  it('charges nothing more from a client who prepaid more than the fee', async () => {
    const start = '2027-03-10T09:00:00Z';
    const { id } = await cards.paid(depositService, start);
    expect((await collectAtVenue(id)).json()).toMatchObject({ paymentStatus: 'PAID', amountDueCents: 0 });
    afterStartOf(start);
    expect((await noShow(id)).json()).toMatchObject({
      status: 'NO_SHOW',
      amountDueCents: 0,
      paymentStatus: 'PAID',
    });
    expect(offSessionIntents(id)).toEqual([]);
  });

  it('leaves the fee PROCESSING when Stripe fails, and the next collection charges it exactly once', async () => {
    const start = '2027-03-10T11:00:00Z';
    const { id } = await savedCardBooking(start);
    afterStartOf(start);
    stripe.failNext('POST /v1/payment_intents', 500);
    const response = await noShow(id);
    expect(response.json()).toMatchObject({ status: 'NO_SHOW', amountDueCents: 2500 });
    expect(await t.db.payment.findMany({ where: { appointmentId: id } })).toMatchObject([
      { kind: 'NO_SHOW_FEE', status: 'PROCESSING', stripePaymentIntentId: null },
    ]);
    // Venue collection waits for the charge under way rather than take the fee twice.
    expect((await collectAtVenue(id)).statusCode).toBe(409);
    const retried = await collectByCard(id);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ paymentStatus: 'PAID', amountDueCents: 0 });
    expect(offSessionIntents(id).map((intent) => intent.status)).toEqual(['succeeded']);
    expect(await t.db.payment.count({ where: { appointmentId: id } })).toBe(1);
  });
});

describe('POST /v1/tenant-admin/appointments/:id/collect-balance { method: card }', () => {
  it('charges the balance after a deposit to the kept card: BALANCE_CARD, PAID', async () => {
    const { id } = await cards.paid(depositService, '2027-03-11T09:00:00Z');
    const response = await collectByCard(id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID', amountDueCents: 0 });
    expect(offSessionIntents(id).map((intent) => [intent.status, intent.amount])).toEqual([
      ['succeeded', 6000],
    ]);
    expect((await ledger(id)).filter((e) => e.kind === 'BALANCE_CARD').map((e) => e.amountCents)).toEqual([
      6000,
    ]);
    expect((await collectByCard(id)).json().error.code).toBe('invalid_state'); // nothing due any more
  });

  it('refuses a booking that pays nothing later and kept no card', async () => {
    const { serviceId } = await bookableService(t.app, tenant, {
      service: { name: 'Prepaid', priceBaseCents: 3000, paymentMode: 'FULL' },
    });
    const { id } = await cards.paid(serviceId, '2027-03-11T11:00:00Z');
    expect((await stored(id)).stripePaymentMethodId).toBeNull();
    expect((await collectByCard(id)).json().error.code).toBe('invalid_state');
  });

  it.each([1, 2, 3, 4, 5])('two collections at once charge the card once (round %i)', async (round) => {
    const { id } = await cards.paid(depositService, `2027-03-1${round + 1}T13:00:00Z`);
    const answers = await Promise.all([collectByCard(id), collectByCard(id)]);
    // Whichever comes second finds the first's charge and asks Stripe again with its key (200, the
    // same charge), finds it under way or done (409): never a second charge.
    const [first, second] = [...answers].sort((a, b) => a.statusCode - b.statusCode);
    expect(first!.statusCode, first!.body).toBe(200);
    expect([200, 409], second!.body).toContain(second!.statusCode);
    expect(offSessionIntents(id).filter((intent) => intent.status === 'succeeded')).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ paidCents: 8000, paymentStatus: 'PAID' });
  });

  it.each([1, 2, 3, 4, 5])(
    'a no-show and a card collection at once take one charge, as either alone would (round %i)',
    async (round) => {
      const start = `2027-03-2${round}T09:00:00Z`;
      const { id } = await cards.paid(depositService, start);
      afterStartOf(start);
      const [marked, collected] = await Promise.all([noShow(id), collectByCard(id)]);
      const charged = offSessionIntents(id).filter((intent) => intent.status === 'succeeded');
      expect(charged).toHaveLength(1);
      const row = await stored(id);
      if (marked!.statusCode === 409) {
        // The no-show came while the collection's charge was under way and was refused, leaving
        // what the collection alone makes: the balance (€60) paid, the booking as it was.
        expect(marked!.json().error.code).toBe('invalid_state');
        expect(collected!.statusCode, collected!.body).toBe(200);
        expect(row.status).toBe('CONFIRMED');
        expect(charged[0]!.amount).toBe(6000);
      } else {
        expect(marked!.statusCode, marked!.body).toBe(200);
        expect(row.status).toBe('NO_SHOW');
        // No-show first: the fee (€30 beyond the deposit). Collection first: the balance (€60), then no fee.
        expect([3000, 6000]).toContain(charged[0]!.amount);
      }
      expect(row.paidCents).toBe(2000 + charged[0]!.amount);
      const succeeded = await t.db.payment.aggregate({
        where: { appointmentId: id, status: 'SUCCEEDED' },
        _sum: { amountCents: true },
      });
      expect(succeeded._sum.amountCents).toBe(row.paidCents);
    },
  );
});
