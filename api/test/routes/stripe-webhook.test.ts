import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// POST /v1/webhooks/stripe against real PostgreSQL, the fake Stripe delivering its events over
// HTTP (signed, duplicated, shuffled) and the real stripe client for what a tenant does in
// Stripe's dashboard. Monday 1 March 2027, 07:00Z; providers work 09:00–17:00 Berlin.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
/** The tenant's own Stripe dashboard: the real client on the fake, with the platform's key. */
let dashboard: Stripe;
let tenant: CreatedTenant;
let account: string;
let serviceId: string;
let webhookUrl: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PLATFORM_FEE_PERCENT: '2.5' },
    { clock: read },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  webhookUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/v1/webhooks/stripe`;
  dashboard = new Stripe('sk_test_dashboard', {
    host: '127.0.0.1',
    port: stripe.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});
beforeEach(() => {
  clock.now = new Date('2027-03-01T07:00:00Z');
});

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const { book, confirm } = cards;
const ledger = (appointmentId: string) =>
  t.db.ledgerEntry.findMany({ where: { appointmentId }, orderBy: [{ kind: 'asc' }, { amountCents: 'asc' }] });
const historyOf = async (appointmentId: string) =>
  (await t.db.appointmentEvent.findMany({ where: { appointmentId }, orderBy: { seq: 'asc' } })).map(
    (event) => event.type,
  );

/** Free slots, one per call: 08:00Z–14:00Z (inside the hours in CET and CEST), from 2 March on. */
let slotIndex = 0;
function nextSlot(): string {
  const day = 2 + Math.floor(slotIndex / 7);
  const hour = 8 + (slotIndex % 7);
  slotIndex += 1;
  return `2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
}

/** A held booking of the deposit service (PENDING, 20.00 EUR to pay by card). */
const held = (start = nextSlot()) => cards.held(serviceId, start);

/** The events the fake generates while `action` runs. */
async function eventsOf(action: () => unknown): Promise<Stripe.Event[]> {
  const since = stripe.events.length;
  await action();
  return stripe.events.slice(since);
}

type DeliveryOptions = NonNullable<Parameters<FakeStripe['deliverWebhooks']>[1]>;
async function deliver(events: Stripe.Event[], options: DeliveryOptions = {}) {
  const deliveries = await stripe.deliverWebhooks(webhookUrl, { ...options, events });
  for (const delivery of deliveries)
    expect(delivery.status, `${delivery.event.type}: ${delivery.body}`).toBe(200);
  return deliveries;
}

const succeededCharge = (intent: string) =>
  stripe.state.charges.list(account).find((c) => c.payment_intent === intent && c.status === 'succeeded')!;

/** Signs `body` as Stripe does (for requests the fake's delivery cannot make: tampered, too old). */
function signed(body: string, options: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? stripe.webhookSecret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
}
const post = (body: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });

/** An event as Stripe would send it, for types the fake does not generate. */
function craftedEvent(
  type: string,
  object: Record<string, unknown>,
  on: string | null = account,
): Stripe.Event {
  return {
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    ...(on ? { account: on } : {}),
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

const MONEY_TABLES = ['appointments', 'appointment_events', 'payments', 'refunds', 'ledger_entries'];

/** A fingerprint of every row of `tables`. */
async function snapshot(tables = MONEY_TABLES): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await t.db.$queryRawUnsafe<Array<{ digest: string | null; count: bigint }>>(
      `SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS digest, count(*) AS count FROM "${table}" r`,
    );
    result[table] = `${row!.count}:${row!.digest}`;
  }
  return result;
}

/** What a booking's money came to, without ids and times: equal for equal histories. */
async function outcomeOf(appointmentId: string) {
  const appointment = await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
  const payments = await t.db.payment.findMany({ where: { appointmentId }, include: { refunds: true } });
  const rows = await ledger(appointmentId);
  return {
    status: appointment.status,
    paymentStatus: appointment.paymentStatus,
    holdExpiresAt: appointment.holdExpiresAt,
    payments: payments.map((p) => p.status),
    refunds: payments.flatMap((p) => p.refunds.map((r) => `${r.amountCents} ${r.status} ${r.reason}`)).sort(),
    ledger: rows.map((row) => `${row.kind} ${row.amountCents}`).sort(),
    balance: rows.reduce((sum, row) => sum + row.amountCents, 0),
    history: (await historyOf(appointmentId)).sort(),
  };
}

describe('POST /v1/webhooks/stripe: the signature', () => {
  it('refuses a wrong secret, a missing header, a tampered body and an old signature, and changes nothing', async () => {
    const { intent } = await held();
    const events = await eventsOf(() => stripe.succeedPaymentIntent(intent));
    const before = await snapshot([...MONEY_TABLES, 'stripe_events']);

    const wrong = await stripe.deliverWebhooks(webhookUrl, { events, secret: 'whsec_wrong' });
    expect(wrong.map((delivery) => delivery.status)).toEqual(events.map(() => 400));
    expect(JSON.parse(wrong[0]!.body).error.code).toBe('invalid_signature');

    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded')!;
    const body = JSON.stringify(succeeded, null, 2);
    const tampered = body.replace('"amount": 2000', '"amount": 1');
    expect(tampered).not.toBe(body);
    const old = Math.floor(Date.now() / 1000) - 600;
    for (const response of [
      await post(body),
      await post(tampered, { 'stripe-signature': signed(body) }),
      await post(body, { 'stripe-signature': signed(body, { timestamp: old }) }),
      await post('', { 'stripe-signature': signed('') }),
    ]) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('invalid_signature');
    }
    expect(await snapshot([...MONEY_TABLES, 'stripe_events'])).toEqual(before);
  });

  it('takes JSON only, and events over the API’s 64 KB limit up to 1 MB', async () => {
    const text = await post('x', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);

    const big = JSON.stringify(
      craftedEvent('customer.updated', {
        id: 'cus_1',
        object: 'customer',
        metadata: { note: 'x'.repeat(200_000) },
      }),
    );
    const accepted = await post(big, { 'stripe-signature': signed(big) });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ received: true, ignored: true });

    const huge = JSON.stringify(
      craftedEvent('customer.updated', { id: 'cus_2', object: 'customer', note: 'x'.repeat(1_100_000) }),
    );
    const refused = await post(huge, { 'stripe-signature': signed(huge) });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('payload_too_large');
  });

  it('answers 409 payments_not_configured on a platform without Stripe', async () => {
    const venue = await buildTestApp();
    try {
      const response = await venue.app.inject({
        method: 'POST',
        url: '/v1/webhooks/stripe',
        headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
        payload: '{}',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('payments_not_configured');
    } finally {
      await venue.close();
    }
  });
});

describe('POST /v1/webhooks/stripe: payments', () => {
  it('confirms a held booking paid in Stripe from the webhook alone, with its ledger rows', async () => {
    const { id, intent } = await held();
    const events = await eventsOf(() => stripe.succeedPaymentIntent(intent));
    const deliveries = await deliver(events);
    const answer = deliveries.find((d) => d.event.type === 'payment_intent.succeeded')!;
    expect(JSON.parse(answer.body)).toEqual({ received: true });

    const appointment = await t.db.appointment.findUniqueOrThrow({ where: { id } });
    expect(appointment).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'DEPOSIT_PAID',
      holdExpiresAt: null,
    });
    const charge = succeededCharge(intent);
    const txn = stripe.state.balanceTransactions.get(String(charge.balance_transaction), account)!;
    const rows = await ledger(id);
    expect(rows.map((row) => [row.kind, row.amountCents])).toEqual([
      ['DEPOSIT', 2000],
      ['STRIPE_FEE', -(txn.fee - 50)],
      ['PLATFORM_FEE', -50],
    ]);
    expect(rows.reduce((sum, row) => sum + row.amountCents, 0)).toBe(txn.net);
    expect(await historyOf(id)).toEqual(['HELD', 'PAYMENT_REQUESTED', 'CARD_SAVED', 'PAID']);
    expect(await t.db.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) } } })).toBe(
      events.length,
    );

    // Stripe delivers it again: acknowledged as a duplicate, nothing changes.
    const again = await deliver(events);
    expect(again.map((d) => JSON.parse(d.body))).toEqual(
      events.map(() => ({ received: true, duplicate: true })),
    );
    expect(await ledger(id)).toHaveLength(3);
  });

  it('settles once when the webhook and confirm-payment arrive at the same time', async () => {
    for (let round = 0; round < 3; round++) {
      const { id, token, intent } = await held();
      const events = await eventsOf(() => stripe.succeedPaymentIntent(intent));
      const [, first, second] = await Promise.all([
        deliver(events, { duplicate: true }),
        confirm(id, token),
        confirm(id, token),
        deliver(events),
      ]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(await ledger(id)).toHaveLength(3);
      expect((await historyOf(id)).filter((type) => type === 'PAID')).toHaveLength(1);
    }
  });

  it('refunds a payment that succeeds after its hold ended and the time was taken, once, also delivered twice', async () => {
    const slot = nextSlot();
    const { id, intent } = await held(slot);
    clock.tick(11);
    const taker = await book(bookingBody(serviceId, slot), { 'idempotency-key': `taker-${slot}` });
    expect(taker.statusCode, taker.body).toBe(201);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('CANCELLED');

    const paid = await eventsOf(() => stripe.succeedPaymentIntent(intent));
    // Twice at once and twice in a row; the refund's own events (charge.refunded) after, twice.
    const refundEvents = await eventsOf(() =>
      Promise.all([deliver(paid, { duplicate: true }), deliver(paid, { duplicate: true })]),
    );
    expect(refundEvents.map((event) => event.type)).toContain('charge.refunded');
    await deliver(refundEvents, { duplicate: true, shuffle: true });

    const refunds = stripe.state.refunds.list(account).filter((refund) => refund.payment_intent === intent);
    expect(refunds.map((refund) => refund.amount)).toEqual([2000]);
    const outcome = await outcomeOf(id);
    expect(outcome).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'REFUNDED',
      refunds: ['2000 SUCCEEDED hold_ended_before_payment'],
    });
    expect(outcome.ledger).toEqual(expect.arrayContaining(['DEPOSIT 2000', 'REFUND -2000']));
    expect(outcome.history.filter((type) => type === 'REFUNDED')).toHaveLength(1);
    // Never double-booked: the taker holds the time, alone.
    const live = await t.db.appointment.findMany({
      where: {
        tenantId: tenant.tenant.id,
        startTimeUtc: new Date(slot),
        status: { in: ['PENDING', 'CONFIRMED'] },
      },
    });
    expect(live.map((row) => row.id)).toEqual([taker.json().appointment.id]);
  });

  it('records a declined card once as PAYMENT_FAILED and keeps the booking held', async () => {
    const { id, intent } = await held();
    const events = await eventsOf(async () => {
      await expect(
        dashboard.paymentIntents.confirm(
          intent,
          { payment_method: 'pm_card_chargeDeclined' },
          { stripeAccount: account },
        ),
      ).rejects.toThrow(/declined/);
    });
    expect(events.map((event) => event.type)).toContain('payment_intent.payment_failed');
    // Twice at once, then again shuffled.
    await Promise.all([deliver(events), deliver(events)]);
    await deliver(events, { duplicate: true, shuffle: true });

    const failures = await t.db.appointmentEvent.findMany({
      where: { appointmentId: id, type: 'PAYMENT_FAILED' },
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      actor: 'SYSTEM',
      data: expect.objectContaining({ paymentIntentId: intent, declineCode: 'generic_decline' }),
    });
    expect(await t.db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PENDING',
      paymentStatus: 'AWAITING_PAYMENT',
    });
    expect(await ledger(id)).toEqual([]);
  });
});

describe('POST /v1/webhooks/stripe: refunds and disputes made in Stripe', () => {
  async function paid() {
    const booking = await held();
    await deliver(await eventsOf(() => stripe.succeedPaymentIntent(booking.intent)));
    return booking;
  }

  it('records a refund made in Stripe’s dashboard: its REFUND ledger row and the payment state', async () => {
    const { id, intent } = await paid();
    const events = await eventsOf(() =>
      dashboard.refunds.create({ payment_intent: intent, amount: 2000 }, { stripeAccount: account }),
    );
    await deliver(events, { duplicate: true });

    const refund = stripe.state.refunds.list(account).find((r) => r.payment_intent === intent)!;
    const rows = await ledger(id);
    expect(rows.filter((row) => row.kind === 'REFUND')).toMatchObject([
      {
        amountCents: -2000,
        stripeObjectId: refund.id,
        stripeBalanceTransactionId: refund.balance_transaction,
      },
    ]);
    const outcome = await outcomeOf(id);
    expect(outcome).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'REFUNDED',
      refunds: ['2000 SUCCEEDED refunded_in_stripe'],
    });
    expect(outcome.history.filter((type) => type === 'REFUNDED')).toHaveLength(1);
  });

  it('records a dispute once: the money withdrawn and the dispute fee', async () => {
    const { id, intent } = await paid();
    let dispute!: Stripe.Dispute;
    const events = await eventsOf(() => (dispute = stripe.createDispute(succeededCharge(intent).id)));
    await deliver(events, { duplicate: true, shuffle: true });
    await deliver(events);

    const withdrawal = dispute.balance_transactions[0]!;
    const rows = (await ledger(id)).filter(
      (row) => row.kind === 'DISPUTE' || row.stripeObjectId === withdrawal.id,
    );
    expect(rows.map((row) => [row.kind, row.amountCents, row.stripeObjectId])).toEqual([
      ['DISPUTE', -2000, dispute.id],
      ['STRIPE_FEE', -1500, withdrawal.id],
    ]);
    expect(rows.every((row) => row.stripeBalanceTransactionId === withdrawal.id)).toBe(true);
  });

  it('acknowledges the events of an account no tenant connected, and of types it does not handle, and changes nothing', async () => {
    const stranger = stripe.createAccount({ chargesEnabled: true, defaultCurrency: 'eur', country: 'DE' });
    const before = await snapshot();
    const events = await eventsOf(async () => {
      const intent = await dashboard.paymentIntents.create(
        {
          amount: 1500,
          currency: 'eur',
          payment_method: 'pm_card_visa',
          confirm: true,
          metadata: { appointmentId: randomUUID() },
        },
        { stripeAccount: stranger.id },
      );
      await dashboard.refunds.create({ payment_intent: intent.id }, { stripeAccount: stranger.id });
    });
    const crafted = [
      craftedEvent('setup_intent.succeeded', { id: 'seti_1', object: 'setup_intent' }),
      craftedEvent('customer.created', { id: 'cus_3', object: 'customer' }),
      craftedEvent('payment_intent.succeeded', { id: 'pi_platform', object: 'payment_intent' }, null),
    ];
    const deliveries = await deliver([...events, ...crafted], { duplicate: true });
    expect(new Set(deliveries.map((d) => d.body))).toEqual(
      new Set([
        JSON.stringify({ received: true, ignored: true }),
        JSON.stringify({ received: true, duplicate: true }),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('POST /v1/webhooks/stripe: late, twice and out of order', () => {
  /** Three bookings whose payments go through every event we handle; their appointment ids. */
  async function scenario(): Promise<string[]> {
    const refunded = await held();
    stripe.succeedPaymentIntent(refunded.intent);
    await dashboard.refunds.create(
      { payment_intent: refunded.intent, amount: 500 },
      { stripeAccount: account },
    );
    await dashboard.refunds.create({ payment_intent: refunded.intent }, { stripeAccount: account });

    const disputed = await held();
    stripe.succeedPaymentIntent(disputed.intent);
    stripe.createDispute(succeededCharge(disputed.intent).id);

    const retried = await held();
    await dashboard.paymentIntents
      .confirm(retried.intent, { payment_method: 'pm_card_chargeDeclined' }, { stripeAccount: account })
      .catch(() => undefined);
    stripe.succeedPaymentIntent(retried.intent, { paymentMethod: 'pm_card_visa' });
    return [refunded.id, disputed.id, retried.id];
  }

  it('ends in the same state delivered twice and shuffled as delivered once in order', async () => {
    for (const seed of [1, 2, 3]) {
      let inOrder: string[] = [];
      let shuffled: string[] = [];
      const once = await eventsOf(async () => (inOrder = await scenario()));
      const scrambled = await eventsOf(async () => (shuffled = await scenario()));
      await deliver(once);
      await deliver(scrambled, { duplicate: true, shuffle: seed });

      const expected = await Promise.all(inOrder.map(outcomeOf));
      expect(expected.map((o) => [o.status, o.paymentStatus])).toEqual([
        ['CONFIRMED', 'REFUNDED'],
        ['CONFIRMED', 'DEPOSIT_PAID'],
        ['CONFIRMED', 'DEPOSIT_PAID'],
      ]);
      expect(expected[1]!.ledger).toEqual(expect.arrayContaining(['DISPUTE -2000', 'STRIPE_FEE -1500']));
      expect(expected[2]!.history.filter((type) => type === 'PAYMENT_FAILED')).toHaveLength(1);
      expect(await Promise.all(shuffled.map(outcomeOf)), `seed ${seed}`).toEqual(expected);
    }
  });

  it('refund.updated completes a cancel whose refund answer was lost: the refund lands on the cancel’s own row', async () => {
    const { id, token, intent } = await held('2027-03-20T10:00:00Z');
    stripe.succeedPaymentIntent(intent);
    await confirm(id, token);
    // Stripe makes the refund, but the answer never arrives (twice: the SDK's own re-send too).
    stripe.failNext('POST /v1/refunds', 'timeout_after_processing', 2);
    const cancelled = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${id}/cancel`,
      headers: { 'x-manage-token': token },
      payload: {},
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const [pending] = await t.db.refund.findMany({ where: { payment: { appointmentId: id } } });
    expect(pending).toMatchObject({ status: 'PENDING', stripeRefundId: null });

    const [refund] = stripe.state.refunds.list(account).filter((r) => r.payment_intent === intent);
    expect(refund!.metadata).toMatchObject({ refundId: pending!.id });
    const updated = {
      id: `evt_refund_updated_${pending!.id.slice(0, 8)}`,
      object: 'event',
      type: 'refund.updated',
      account,
      api_version: '2026-09-30.endive',
      created: Math.floor(Date.now() / 1000),
      data: { object: refund },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    } as unknown as Stripe.Event;
    await deliver([updated], { duplicate: true });

    const refunds = await t.db.refund.findMany({ where: { payment: { appointmentId: id } } });
    expect(refunds).toMatchObject([{ id: pending!.id, status: 'SUCCEEDED', stripeRefundId: refund!.id }]);
    expect((await ledger(id)).filter((row) => row.kind === 'REFUND')).toHaveLength(1);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id } })).paymentStatus).toBe('REFUNDED');
  });

  it('handles 200 deliveries (with duplicates) and reports the rate', async () => {
    const events = await eventsOf(async () => {
      for (let i = 0; i < 34; i++) stripe.succeedPaymentIntent((await held()).intent);
    });
    const started = performance.now();
    const deliveries = await deliver(events.slice(0, 100), { duplicate: true, shuffle: true });
    const seconds = (performance.now() - started) / 1000;
    expect(deliveries).toHaveLength(200);
    console.log(
      `stripe webhook: ${deliveries.length} deliveries (${events.slice(0, 100).length} events, each twice) in ` +
        `${seconds.toFixed(2)} s = ${(deliveries.length / seconds).toFixed(0)} events/s`,
    );
  });
});
