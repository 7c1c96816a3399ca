import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, stripeFee, type FakeStripe } from '../../../test/fakes/stripe/index.ts';

/**
 * The fake Stripe server, driven by the real stripe-node client as our payments code drives it.
 * The fake's clock starts at 2026-03-02 10:00 UTC and moves only when a test moves it.
 */

const START = Date.parse('2026-03-02T10:00:00Z');
let nowMs = START;
let fake: FakeStripe;
let platform: Stripe;
let salon: string;

function client(options: Partial<Stripe.StripeConfig> = {}): Stripe {
  return new Stripe('sk_test_fake_platform', {
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    ...options,
  });
}

/** A Stripe error from a call expected to fail. */
async function failure(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

beforeAll(async () => {
  fake = await startFakeStripe({
    now: () => new Date(nowMs),
    webhookSecret: 'whsec_test_secret',
    hangMs: 2000,
  });
  platform = client();
});

beforeEach(() => {
  fake.clear();
  nowMs = START;
  salon = fake.createAccount({ email: 'owner@salon.test' }).id;
});

afterAll(async () => {
  await fake.close();
});

describe('PaymentIntents on a connected account', () => {
  it('creates one with form-encoded parameters and retrieves it', async () => {
    const created = await platform.paymentIntents.create(
      {
        amount: 4500,
        currency: 'EUR',
        metadata: { appointmentId: 'apt_1', tenant: 'salon' },
        allowed_payment_method_types: ['card'],
        setup_future_usage: 'off_session',
      },
      { stripeAccount: salon },
    );
    expect(created.id).toMatch(/^pi_\w{24}$/);
    expect(created).toMatchObject({
      object: 'payment_intent',
      amount: 4500,
      currency: 'eur',
      status: 'requires_payment_method',
      metadata: { appointmentId: 'apt_1', tenant: 'salon' },
      allowed_payment_method_types: ['card'],
      payment_method_types: ['card'],
      automatic_payment_methods: null,
      setup_future_usage: 'off_session',
      latest_charge: null,
      livemode: false,
      created: START / 1000,
    });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`));

    const retrieved = await platform.paymentIntents.retrieve(created.id, {}, { stripeAccount: salon });
    expect(retrieved).toEqual(created);
    const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(create).toMatchObject({ account: salon, status: 200, params: { metadata: { tenant: 'salon' } } });
    expect(create?.idempotencyKey).toBeTruthy();
  });

  it('confirms with pm_card_visa: a charge and a balance transaction net of the fees', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 5000, currency: 'usd', application_fee_amount: 300 },
      { stripeAccount: salon },
    );
    const paid = await platform.paymentIntents.confirm(
      intent.id,
      { payment_method: 'pm_card_visa', expand: ['latest_charge.balance_transaction'] },
      { stripeAccount: salon },
    );
    expect(paid.status).toBe('succeeded');
    expect(paid.amount_received).toBe(5000);
    expect(paid.payment_method).toMatch(/^pm_/);
    const charge = paid.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', amount: 5000, paid: true });
    expect(charge.id).toMatch(/^ch_/);
    expect(charge.application_fee).toMatch(/^fee_/);
    const transaction = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(stripeFee(5000)).toBe(175); // 2.9% of $50.00 = $1.45, + $0.30
    expect(transaction).toMatchObject({ type: 'charge', amount: 5000, fee: 175 + 300, net: 5000 - 475 });
    expect(transaction.fee_details.map((d) => [d.type, d.amount])).toEqual([
      ['stripe_fee', 175],
      ['application_fee', 300],
    ]);

    const viaCharge = await platform.charges.retrieve(charge.id, {}, { stripeAccount: salon });
    expect(viaCharge.payment_intent).toBe(intent.id);
    // The platform earns the application fee on its own balance.
    const platformLedger = await platform.balanceTransactions.list();
    expect(platformLedger.data).toMatchObject([{ type: 'application_fee', amount: 300, fee: 0, net: 300 }]);
    expect(fake.events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    expect(fake.events[2]).toMatchObject({
      account: salon,
      data: { object: { id: intent.id, status: 'succeeded' } },
    });
  });

  it('rounds the fee like Stripe: half a unit up', () => {
    expect(stripeFee(500)).toBe(45); // 14.5 → 15, + 30
    expect(stripeFee(1999)).toBe(88); // 57.971 → 58, + 30
  });

  it('declines pm_card_chargeDeclined with a 402 StripeCardError and keeps the PaymentIntent payable', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 2000, currency: 'usd' },
      { stripeAccount: salon },
    );
    const error = await failure(
      platform.paymentIntents.confirm(
        intent.id,
        { payment_method: 'pm_card_chargeDeclined' },
        { stripeAccount: salon },
      ),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });

    const after = await platform.paymentIntents.retrieve(intent.id, {}, { stripeAccount: salon });
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    const failed = await platform.charges.retrieve(
      after.latest_charge as string,
      {},
      { stripeAccount: salon },
    );
    expect(failed).toMatchObject({
      status: 'failed',
      paid: false,
      failure_code: 'card_declined',
      balance_transaction: null,
    });
    expect(fake.events.map((e) => e.type)).toContain('payment_intent.payment_failed');

    // The customer tries another card.
    const paid = await platform.paymentIntents.confirm(
      intent.id,
      { payment_method: 'pm_card_visa' },
      { stripeAccount: salon },
    );
    expect(paid.status).toBe('succeeded');
  });

  it('asks for 3-D Secure on-session, and fails off-session with authentication_required', async () => {
    const onSession = await platform.paymentIntents.create(
      { amount: 3000, currency: 'usd', payment_method: 'pm_card_authenticationRequired', confirm: true },
      { stripeAccount: salon },
    );
    expect(onSession.status).toBe('requires_action');
    expect(onSession.next_action?.type).toBe('use_stripe_sdk');
    expect(fake.succeedPaymentIntent(onSession.id).status).toBe('succeeded');

    const customer = await platform.customers.create({ email: 'ana@example.test' }, { stripeAccount: salon });
    const saved = await platform.paymentMethods.attach(
      'pm_card_authenticationRequired',
      { customer: customer.id },
      { stripeAccount: salon },
    );
    const error = await failure(
      platform.paymentIntents.create(
        {
          amount: 3000,
          currency: 'usd',
          customer: customer.id,
          payment_method: saved.id,
          confirm: true,
          off_session: true,
        },
        { stripeAccount: salon },
      ),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: 'authentication_required', decline_code: 'authentication_required' });
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    expect(error.payment_intent?.last_payment_error?.code).toBe('authentication_required');
  });

  it('charges a card saved with a SetupIntent off-session', async () => {
    const customer = await platform.customers.create({ name: 'Ana' }, { stripeAccount: salon });
    const setup = await platform.setupIntents.create(
      { customer: customer.id, payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: true },
      { stripeAccount: salon },
    );
    expect(setup.id).toMatch(/^seti_/);
    expect(setup.status).toBe('requires_action');
    expect(fake.succeedSetupIntent(setup.id).status).toBe('succeeded');
    const saved = await platform.paymentMethods.retrieve(
      setup.payment_method as string,
      {},
      { stripeAccount: salon },
    );
    expect(saved.customer).toBe(customer.id);

    const charged = await platform.paymentIntents.create(
      {
        amount: 6000,
        currency: 'usd',
        customer: customer.id,
        payment_method: saved.id,
        confirm: true,
        off_session: true,
      },
      { stripeAccount: salon },
    );
    expect(charged.status).toBe('succeeded');
    expect(fake.events.map((e) => e.type)).toContain('setup_intent.succeeded');
  });

  it('refuses unknown parameters and cancels', async () => {
    const error = await failure(
      platform.paymentIntents.create({ amount: 1000, currency: 'usd', amonut: 5 } as never, {
        stripeAccount: salon,
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'amonut' });
    // Gone since API version 2026-09-30.endive (stripe-node 23): allowed_payment_method_types instead.
    const removed = await failure(
      platform.paymentIntents.create(
        { amount: 1000, currency: 'usd', payment_method_types: ['card'] } as never,
        {
          stripeAccount: salon,
        },
      ),
    );
    expect(removed).toMatchObject({ code: 'parameter_unknown', param: 'payment_method_types' });

    const intent = await platform.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { stripeAccount: salon },
    );
    const canceled = await platform.paymentIntents.cancel(intent.id, {}, { stripeAccount: salon });
    expect(canceled.status).toBe('canceled');
    const again = await failure(platform.paymentIntents.cancel(intent.id, {}, { stripeAccount: salon }));
    expect(again.code).toBe('payment_intent_unexpected_state');
  });
});

describe('idempotency', () => {
  it('replays the saved answer for the same key and parameters', async () => {
    const params = { amount: 2500, currency: 'usd', metadata: { appointmentId: 'apt_9' } };
    const first = await platform.paymentIntents.create(params, {
      stripeAccount: salon,
      idempotencyKey: 'book-apt_9',
    });
    const second = await platform.paymentIntents.create(params, {
      stripeAccount: salon,
      idempotencyKey: 'book-apt_9',
    });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(fake.state.paymentIntents.list(salon)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v1/payment_intents').map((r) => r.replayed)).toEqual([
      false,
      true,
    ]);
  });

  it('replays a declined confirmation as the same 402', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 2500, currency: 'usd' },
      { stripeAccount: salon },
    );
    const confirm = () =>
      platform.paymentIntents.confirm(
        intent.id,
        { payment_method: 'pm_card_chargeDeclined' },
        { stripeAccount: salon, idempotencyKey: 'confirm-1' },
      );
    const first = await failure(confirm());
    const second = await failure(confirm());
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.charge).toBe(first.charge);
    expect(fake.state.charges.list(salon)).toHaveLength(1);
  });

  it('refuses the same key with other parameters, per account', async () => {
    await platform.paymentIntents.create(
      { amount: 2500, currency: 'usd' },
      { stripeAccount: salon, idempotencyKey: 'k' },
    );
    const error = await failure(
      platform.paymentIntents.create(
        { amount: 9900, currency: 'usd' },
        { stripeAccount: salon, idempotencyKey: 'k' },
      ),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.rawType).toBe('idempotency_error');

    // Keys are scoped to the account: another account may use the same key for something else.
    const other = fake.createAccount().id;
    const elsewhere = await platform.paymentIntents.create(
      { amount: 9900, currency: 'usd' },
      { stripeAccount: other, idempotencyKey: 'k' },
    );
    expect(elsewhere.amount).toBe(9900);
  });
});

describe('refunds', () => {
  async function paidIntent(amount: number): Promise<Stripe.PaymentIntent> {
    return platform.paymentIntents.create(
      { amount, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { stripeAccount: salon },
    );
  }

  it('refunds in part, then the rest, then refuses more; the fee is not returned', async () => {
    const intent = await paidIntent(10_000);
    const partial = await platform.refunds.create(
      { payment_intent: intent.id, amount: 3000 },
      { stripeAccount: salon },
    );
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 3000,
      status: 'succeeded',
      payment_intent: intent.id,
    });
    expect(partial.id).toMatch(/^re_/);

    const tooMuch = await failure(
      platform.refunds.create({ payment_intent: intent.id, amount: 7001 }, { stripeAccount: salon }),
    );
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch.code).toBe('amount_too_large');
    expect(tooMuch.message).toBe(
      'Refund amount ($70.01) is greater than unrefunded amount on charge ($70.00)',
    );

    const rest = await platform.refunds.create(
      { charge: intent.latest_charge as string },
      { stripeAccount: salon },
    );
    expect(rest.amount).toBe(7000);
    const charge = await platform.charges.retrieve(
      intent.latest_charge as string,
      {},
      { stripeAccount: salon },
    );
    expect(charge).toMatchObject({ amount_refunded: 10_000, refunded: true });

    const again = await failure(
      platform.refunds.create({ payment_intent: intent.id }, { stripeAccount: salon }),
    );
    expect(again.code).toBe('charge_already_refunded');

    const ledger = await platform.balanceTransactions.list({}, { stripeAccount: salon });
    expect(ledger.data.map((t) => [t.type, t.amount, t.fee, t.net])).toEqual([
      ['refund', -7000, 0, -7000],
      ['refund', -3000, 0, -3000],
      ['charge', 10_000, 320, 9680],
    ]);
    const fetched = await platform.refunds.retrieve(partial.id, {}, { stripeAccount: salon });
    expect(fetched.balance_transaction).toBe(ledger.data[1]?.id);
    expect(fake.events.filter((e) => e.type === 'charge.refunded')).toHaveLength(2);
  });

  it('refuses to refund a PaymentIntent that has not succeeded', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { stripeAccount: salon },
    );
    const error = await failure(
      platform.refunds.create({ payment_intent: intent.id }, { stripeAccount: salon }),
    );
    expect(error.statusCode).toBe(400);
  });
});

describe('accounts and authentication', () => {
  it('hides one account’s objects from another (404) and from the platform', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { stripeAccount: salon },
    );
    const other = fake.createAccount().id;
    for (const options of [{ stripeAccount: other }, {}]) {
      const error = await failure(platform.paymentIntents.retrieve(intent.id, {}, options));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
      expect(error.message).toBe(`No such payment_intent: '${intent.id}'`);
    }
  });

  it('retrieves connected accounts the test created, and refuses unknown ones', async () => {
    const account = await platform.accounts.retrieve(salon);
    expect(account).toMatchObject({
      id: salon,
      object: 'account',
      charges_enabled: true,
      email: 'owner@salon.test',
    });
    const missing = await failure(platform.accounts.retrieve('acct_unknown'));
    expect(missing.statusCode).toBe(404);
    const header = await failure(platform.customers.create({}, { stripeAccount: 'acct_unknown' }));
    expect(header).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });

  it('requires a secret test key', async () => {
    const error = await failure(client({}).paymentIntents.list({}, { apiKey: 'pk_test_publishable' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });
});

describe('injected failures', () => {
  it('answers 500 once: StripeAPIError without retries, success on the next call', async () => {
    fake.failNext('POST /v1/payment_intents', 500);
    const error = await failure(
      platform.paymentIntents.create({ amount: 1000, currency: 'usd' }, { stripeAccount: salon }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error.statusCode).toBe(500);
    const created = await platform.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { stripeAccount: salon },
    );
    expect(created.status).toBe('requires_payment_method');
    expect(fake.state.paymentIntents.list(salon)).toHaveLength(1);
  });

  it('is retried by stripe-node with the same Idempotency-Key when retries are on', async () => {
    fake.failNext('/v1/payment_intents/*/confirm', 500);
    const intent = await platform.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { stripeAccount: salon },
    );
    const retrying = client({ maxNetworkRetries: 1 });
    const paid = await retrying.paymentIntents.confirm(
      intent.id,
      { payment_method: 'pm_card_visa' },
      { stripeAccount: salon },
    );
    expect(paid.status).toBe('succeeded');
    const confirms = fake.requests.filter((r) => r.path.endsWith('/confirm'));
    expect(confirms.map((r) => r.status)).toEqual([500, 200]);
    expect(confirms[0]?.idempotencyKey).toBe(confirms[1]?.idempotencyKey);
    expect(fake.state.charges.list(salon)).toHaveLength(1);
  });

  it('times out: StripeConnectionError after the client’s timeout', async () => {
    fake.failNext('POST /v1/payment_intents', 'timeout');
    const impatient = client({ timeout: 200 });
    const error = await failure(
      impatient.paymentIntents.create({ amount: 1000, currency: 'usd' }, { stripeAccount: salon }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(error.message).toContain('timeout');
    expect(fake.state.paymentIntents.list(salon)).toHaveLength(0);
  });

  it('times out after doing the work: a retry with the same key gets the saved answer', async () => {
    fake.failNext('POST /v1/payment_intents', 'timeout_after_processing');
    const impatient = client({ timeout: 200 });
    const create = () =>
      impatient.paymentIntents.create(
        { amount: 1000, currency: 'usd' },
        { stripeAccount: salon, idempotencyKey: 'apt_7' },
      );
    expect(await failure(create())).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.state.paymentIntents.list(salon)).toHaveLength(1);
    const retried = await create();
    expect(retried.id).toBe(fake.state.paymentIntents.list(salon)[0]?.id);
    expect(fake.state.paymentIntents.list(salon)).toHaveLength(1);
  });

  it('fails always until cleared', async () => {
    fake.failAlways(/^GET \/v1\/balance_transactions/, 500);
    for (let i = 0; i < 2; i++) {
      expect((await failure(platform.balanceTransactions.list())).statusCode).toBe(500);
    }
    fake.clear();
    expect((await platform.balanceTransactions.list()).data).toEqual([]);
  });
});

describe('webhooks', () => {
  let endpoint: http.Server;
  let endpointUrl: string;
  const received: Stripe.Event[] = [];
  const receiver = new Stripe('sk_test_receiver');

  beforeAll(async () => {
    endpoint = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const signature = req.headers['stripe-signature'] as string;
        received.push(
          receiver.webhooks.constructEvent(Buffer.concat(chunks), signature, 'whsec_test_secret'),
        );
        res.writeHead(200).end('{"received":true}');
      } catch {
        res.writeHead(400).end('bad signature');
      }
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhooks/stripe`;
  });

  beforeEach(() => {
    received.length = 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => endpoint.close(resolve));
  });

  it('delivers signed events that constructEvent verifies, duplicated and out of order on request', async () => {
    const intent = await platform.paymentIntents.create(
      { amount: 4000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { stripeAccount: salon },
    );
    await platform.refunds.create({ payment_intent: intent.id }, { stripeAccount: salon });
    const dispute = fake.createDispute(intent.latest_charge as string, 4000);
    expect(dispute.id).toMatch(/^dp_/);

    const deliveries = await fake.deliverWebhooks(endpointUrl);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect(received.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
      'charge.dispute.created',
    ]);
    expect(received.every((e) => e.account === salon && e.id.startsWith('evt_'))).toBe(true);
    expect(await fake.deliverWebhooks(endpointUrl)).toEqual([]); // nothing new

    received.length = 0;
    const again = await fake.deliverWebhooks(endpointUrl, {
      events: fake.events.slice(0, 3),
      duplicate: true,
      shuffle: 7,
    });
    expect(again).toHaveLength(6);
    expect(received.map((e) => e.type)).not.toEqual(fake.events.slice(0, 3).flatMap((e) => [e.type, e.type]));
    expect(new Set(received.map((e) => e.id)).size).toBe(3);
  });

  it('signs with another secret on request, which verification refuses', async () => {
    await platform.customers.create({}, { stripeAccount: salon });
    await platform.paymentIntents.create({ amount: 1000, currency: 'usd' }, { stripeAccount: salon });
    const deliveries = await fake.deliverWebhooks(endpointUrl, { secret: 'whsec_wrong' });
    expect(deliveries.map((d) => d.status)).toEqual([400]);
    expect(received).toEqual([]);
  });
});

describe('balance transaction lists', () => {
  it('filters by created range and pages with limit and starting_after', async () => {
    // One $10.00 charge an hour, 10:00 to 14:00.
    for (let hour = 0; hour < 5; hour++) {
      nowMs = START + hour * 3_600_000;
      await platform.paymentIntents.create(
        { amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
        { stripeAccount: salon },
      );
    }
    const range = { gte: START / 1000 + 3600, lt: START / 1000 + 4 * 3600 }; // 11:00 ≤ created < 14:00
    const first = await platform.balanceTransactions.list(
      { created: range, limit: 2 },
      { stripeAccount: salon },
    );
    expect(first.has_more).toBe(true);
    expect(first.data.map((t) => t.created)).toEqual([range.lt - 3600, range.lt - 7200]);
    const second = await platform.balanceTransactions.list(
      { created: range, limit: 2, starting_after: first.data[1]?.id },
      { stripeAccount: salon },
    );
    expect(second.has_more).toBe(false);
    expect(second.data.map((t) => t.created)).toEqual([range.gte]);
    expect(second.data[0]).toMatchObject({ amount: 1000, fee: 59, net: 941 });

    const all = [];
    for await (const txn of platform.balanceTransactions.list({ limit: 2 }, { stripeAccount: salon }))
      all.push(txn);
    expect(all).toHaveLength(5);
  });
});
