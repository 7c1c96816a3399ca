import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings, intentOf } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Paying for a booking with a card: the PaymentIntent at booking, confirm-payment, the ledger.
// Monday 1 March 2027, 07:00Z; providers work 09:00–17:00 Berlin (08:00Z–16:00Z).
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let account: string;
let serviceId: string;
let freeServiceId: string;
let baseUrl: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PLATFORM_FEE_PERCENT: '2.5' },
    { clock: read },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
  ({ serviceId: freeServiceId } = await bookableService(t.app, tenant, { service: { name: 'Chat' } }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});
beforeEach(() => {
  clock.now = new Date('2027-03-01T07:00:00Z');
});

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const { book, confirm } = cards;
const intentsCreated = () =>
  stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && !r.replayed);
const ledger = (appointmentId: string) =>
  t.db.ledgerEntry.findMany({ where: { appointmentId }, orderBy: [{ kind: 'asc' }] });
const events = async (appointmentId: string) =>
  (await t.db.appointmentEvent.findMany({ where: { appointmentId }, orderBy: { seq: 'asc' } })).map(
    (event) => event.type,
  );

describe('booking a paid service', () => {
  it('holds the time and answers the PaymentIntent for the deposit on the tenant’s account', async () => {
    const before = intentsCreated().length;
    const response = await book(bookingBody(serviceId, '2027-03-08T10:00:00Z'));
    expect(response.statusCode, response.body).toBe(201);
    const { appointment, payment } = response.json();
    expect(appointment).toMatchObject({ status: 'PENDING', paymentStatus: 'AWAITING_PAYMENT' });
    expect(payment).toEqual({
      clientSecret: expect.stringMatching(/^pi_\w+_secret_\w+$/),
      publishableKey: 'pk_test_platform',
      stripeAccount: account,
      amountCents: 2000,
      currency: 'EUR',
      kind: 'payment',
    });
    const [created] = intentsCreated().slice(before);
    expect(intentsCreated()).toHaveLength(before + 1);
    expect(created).toMatchObject({
      account,
      idempotencyKey: `appointment-${appointment.id}-payment`,
      params: expect.objectContaining({
        amount: '2000',
        currency: 'eur',
        application_fee_amount: '50',
        // A deposit keeps the card, for the balance: on a customer made for this booking.
        setup_future_usage: 'off_session',
        customer: expect.stringMatching(/^cus_/),
      }),
    });
    const stored = await t.db.payment.findMany({ where: { appointmentId: appointment.id } });
    expect(stored).toMatchObject([
      { kind: 'DEPOSIT', status: 'REQUIRES_PAYMENT', amountCents: 2000, currency: 'EUR' },
    ]);
    expect(stored[0]!.stripePaymentIntentId).toBe(intentOf(payment.clientSecret));
    expect(await events(appointment.id)).toEqual(['HELD', 'PAYMENT_REQUESTED']);
  });

  it('tells the booking page that this business takes cards (and one without an account does not)', async () => {
    const page = (owner: CreatedTenant) =>
      publicRequest(t.app, owner, { method: 'GET', url: '/v1/public/booking-page?timezone=Europe/Berlin' });
    expect((await page(tenant)).json().cardPayments).toBe(true);
    expect((await page(await createTestTenant(t.db))).json().cardPayments).toBe(false);
  });

  it('answers no payment for a free service', async () => {
    const response = await book(bookingBody(freeServiceId, '2027-03-08T11:00:00Z'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ appointment: { status: 'CONFIRMED' }, payment: null });
  });

  it('an answer lost after Stripe created the intent: the same key asks again and gets that intent', async () => {
    stripe.failNext('POST /v1/payment_intents', 'timeout_after_processing');
    const response = await book(bookingBody(serviceId, '2027-03-09T13:00:00Z'));
    expect(response.statusCode, response.body).toBe(201);
    const { appointment } = response.json();
    const asked = stripe.requests.filter((r) => r.idempotencyKey === `appointment-${appointment.id}-payment`);
    // Asked twice (the first answer never came), created once.
    expect(asked.map((r) => [r.status, r.replayed])).toEqual([
      ['timeout', false],
      [200, true],
    ]);
    expect(await t.db.payment.count({ where: { appointmentId: appointment.id } })).toBe(1);
  });

  it.each([['a Stripe 500', 500, '2027-03-09T10:00:00Z']] as const)(
    'after %s: 503, the hold stays, and the retry with the same key gets the one intent',
    async (_name, fault, start) => {
      const key = `retry-${fault}`;
      stripe.failNext('POST /v1/payment_intents', fault);
      const first = await book(bookingBody(serviceId, start), { 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(503);
      expect(first.json().error.code).toBe('service_busy');
      expect(first.headers['retry-after']).toBeDefined();
      const held = await t.db.appointment.findMany({
        where: { tenantId: tenant.tenant.id, startTimeUtc: new Date(start) },
      });
      expect(held).toMatchObject([{ status: 'PENDING' }]);

      const retry = await book(bookingBody(serviceId, start), { 'idempotency-key': key });
      expect(retry.statusCode, retry.body).toBe(201);
      const { appointment, payment } = retry.json();
      expect(appointment.id).toBe(held[0]!.id);
      const intents = stripe.requests.filter(
        (r) =>
          r.idempotencyKey === `appointment-${appointment.id}-payment` && r.status === 200 && !r.replayed,
      );
      // Exactly one intent was ever created for this booking, whatever failed on the way.
      expect(intents).toHaveLength(1);
      expect(await t.db.payment.count({ where: { appointmentId: appointment.id } })).toBe(1);
      expect(intentOf(payment.clientSecret)).toBe(
        (await t.db.payment.findFirstOrThrow({ where: { appointmentId: appointment.id } }))
          .stripePaymentIntentId,
      );
    },
  );
});

describe('POST /v1/public/appointments/:id/confirm-payment', () => {
  const held = (start: string) => cards.held(serviceId, start);

  it('leaves the booking held until the card is paid, then confirms it and books the money in the ledger', async () => {
    const { id, token, intent } = await held('2027-03-10T10:00:00Z');
    const unpaid = await confirm(id, token);
    expect(unpaid.statusCode, unpaid.body).toBe(200);
    expect(unpaid.json()).toMatchObject({ status: 'PENDING', paymentStatus: 'AWAITING_PAYMENT' });
    expect(await ledger(id)).toEqual([]);

    stripe.succeedPaymentIntent(intent);
    const paid = await confirm(id, token);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'DEPOSIT_PAID',
      holdExpiresAt: null,
    });

    // The ledger equals Stripe's balance transaction to the cent: the deposit, minus the fees.
    const charge = stripe.state.charges.list(account).find((c) => c.payment_intent === intent)!;
    const txn = stripe.state.balanceTransactions.get(String(charge.balance_transaction), account)!;
    const rows = await ledger(id);
    expect(rows.map((row) => [row.kind, row.amountCents])).toEqual([
      ['DEPOSIT', 2000],
      ['STRIPE_FEE', -(txn.fee - 50)],
      ['PLATFORM_FEE', -50],
    ]);
    expect(rows.reduce((sum, row) => sum + row.amountCents, 0)).toBe(txn.net);
    expect(rows[0]).toMatchObject({ stripeObjectId: charge.id, stripeBalanceTransactionId: txn.id });
    expect(await events(id)).toEqual(['HELD', 'PAYMENT_REQUESTED', 'CARD_SAVED', 'PAID']);
    expect(await t.db.payment.findFirstOrThrow({ where: { appointmentId: id } })).toMatchObject({
      status: 'SUCCEEDED',
    });

    // Again: nothing changes.
    expect((await confirm(id, token)).json()).toMatchObject({ status: 'CONFIRMED' });
    expect(await ledger(id)).toHaveLength(3);
  });

  it('five confirmations at once over HTTP, in rounds, settle the payment once', async () => {
    const overHttp = (id: string, token: string) =>
      fetch(`${baseUrl}/v1/public/appointments/${id}/confirm-payment`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tenant-key': tenant.keys.publishable,
          'x-manage-token': token,
        },
        body: '{}',
      });
    for (let round = 0; round < 4; round++) {
      const { id, token, intent } = await held(`2027-03-1${1 + round}T12:00:00Z`);
      stripe.succeedPaymentIntent(intent);
      const answers = await Promise.all(Array.from({ length: 5 }, () => overHttp(id, token)));
      for (const answer of answers) {
        const body = (await answer.json()) as { status: string };
        expect(answer.status, JSON.stringify(body)).toBe(200);
        expect(body.status).toBe('CONFIRMED');
      }
      expect(await ledger(id)).toHaveLength(3);
      expect((await events(id)).filter((type) => type === 'PAID')).toHaveLength(1);
    }
  });

  it('refunds a payment that arrives after the hold ended and the time went to someone else, once', async () => {
    const { id, token, intent } = await held('2027-03-15T10:00:00Z');
    // The 10-minute hold lapses; another client takes the time (which releases the hold).
    clock.tick(11);
    const taker = await book(bookingBody(serviceId, '2027-03-15T10:00:00Z'), { 'idempotency-key': 'taker' });
    expect(taker.statusCode, taker.body).toBe(201);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('CANCELLED');

    stripe.succeedPaymentIntent(intent);
    stripe.failNext('POST /v1/refunds', 500);
    const busy = await confirm(id, token);
    expect(busy.statusCode, busy.body).toBe(503);
    const answer = await confirm(id, token);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'CANCELLED' });
    await confirm(id, token);

    const refunds = stripe.state.refunds.list(account).filter((refund) => refund.payment_intent === intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(2000);
    const rows = await ledger(id);
    expect(rows.map((row) => [row.kind, row.amountCents])).toEqual(
      expect.arrayContaining([
        ['DEPOSIT', 2000],
        ['REFUND', -2000],
      ]),
    );
    expect(await events(id)).toContain('REFUNDED');
  });

  it('a booking paid and then cancelled (the policy kept the deposit) is not refunded by a later confirmation', async () => {
    // 30 hours before the start: the default policy keeps half the price, more than the deposit paid.
    const { id, token, intent } = await held('2027-03-02T13:00:00Z');
    stripe.succeedPaymentIntent(intent);
    expect((await confirm(id, token)).json()).toMatchObject({ paymentStatus: 'DEPOSIT_PAID' });
    const cancelled = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${id}/cancel`,
      headers: { 'x-manage-token': token },
      payload: {},
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const answer = await confirm(id, token);
    expect(answer.statusCode).toBe(200);
    expect(stripe.state.refunds.list(account).filter((refund) => refund.payment_intent === intent)).toEqual(
      [],
    );
    expect((await ledger(id)).map((row) => row.kind)).not.toContain('REFUND');
  });

  it('refuses to collect at the venue while a card payment asked of the client may still arrive', async () => {
    const { id } = await held('2027-03-17T10:00:00Z');
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/collect-balance`,
      payload: { method: 'venue' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('invalid_state');
    expect(await ledger(id)).toEqual([]);
  });

  it('answers 404 for a wrong token and 409 for a booking without a card payment', async () => {
    const { id } = await held('2027-03-16T10:00:00Z');
    expect((await confirm(id, 'w'.repeat(43))).statusCode).toBe(404);
    const free = (await book(bookingBody(freeServiceId, '2027-03-16T12:00:00Z'))).json();
    const response = await confirm(free.appointment.id, free.manageToken);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('invalid_state');
  });
});
