import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// POST /v1/tenant-admin/ledger/reconcile: the ledger against the tenant's Stripe balance transactions.
// The fake Stripe runs on the test's clock, so both sides date their money alike.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let account: string;
let serviceId: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment({ now: read });
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PLATFORM_FEE_PERCENT: '3' },
    { clock: read },
  );
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { priceBaseCents: 9000, paymentMode: 'DEPOSIT', depositCents: 2500 },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const MARCH_FIRST = { startDate: '2027-03-01', endDate: '2027-03-01' };
const reconciliation = (payload: object = MARCH_FIRST, owner = tenant) =>
  admin(t.app, owner, { method: 'POST', url: '/v1/tenant-admin/ledger/reconcile', payload });

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const paidBooking = (start: string) => cards.paid(serviceId, start);

describe('POST /v1/tenant-admin/ledger/reconcile', () => {
  it('finds no difference when every payment, fee and refund went through our code', async () => {
    await paidBooking('2027-03-08T10:00:00Z');
    const refunded = await paidBooking('2027-03-09T10:00:00Z');
    expect((await cards.cancel(refunded.id, refunded.token)).statusCode).toBe(200);
    const response = await reconciliation();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      startDate: '2027-03-01',
      endDate: '2027-03-01',
      differences: [],
    });
    // Two charges, their Stripe and platform fees, one refund.
    expect(response.json().matchedMovements).toBeGreaterThanOrEqual(5);
  });

  it('finds a refund made in Stripe that the ledger never heard of, and a ledger row Stripe never saw', async () => {
    const { id, intent } = await paidBooking('2027-03-10T10:00:00Z');
    const dashboard = new Stripe('sk_test_dashboard', {
      host: '127.0.0.1',
      port: stripe.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    const refund = await dashboard.refunds.create(
      { payment_intent: intent, amount: 700 },
      { stripeAccount: account },
    );
    await t.db.ledgerEntry.create({
      data: {
        tenantId: tenant.tenant.id,
        appointmentId: id,
        kind: 'DEPOSIT',
        amountCents: 1234,
        currency: 'EUR',
        stripeObjectId: 'ch_planted',
        occurredAt: read(),
      },
    });
    const { differences } = (await reconciliation()).json();
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'missing_in_ledger',
          key: { group: 'refund', stripeObjectId: refund.id },
          currency: 'EUR',
          stripeCents: -700,
        }),
        expect.objectContaining({
          type: 'missing_in_stripe',
          key: { group: 'payment', stripeObjectId: 'ch_planted' },
          ledgerCents: 1234,
        }),
      ]),
    );
  });

  it.each([
    ['endDate before startDate', { startDate: '2027-03-02', endDate: '2027-03-01' }],
    ['more than 93 days', { startDate: '2027-01-01', endDate: '2027-04-04' }],
    ['no endDate', { startDate: '2027-03-01' }],
    ['a day that does not exist', { startDate: '2027-02-30', endDate: '2027-03-01' }],
    ['a field the body does not have', { ...MARCH_FIRST, currency: 'EUR' }],
  ])('refuses %s', async (_, body) => {
    const response = await reconciliation(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('takes a period of exactly 93 days', async () => {
    const response = await reconciliation({ startDate: '2027-01-01', endDate: '2027-04-03' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ startDate: '2027-01-01', endDate: '2027-04-03' });
  });

  it('answers 503 service_busy when Stripe does not answer, and 200 once it does', async () => {
    stripe.failNext('GET /v1/balance_transactions', 500);
    const busy = await reconciliation();
    expect(busy.statusCode).toBe(503);
    expect(busy.json().error.code).toBe('service_busy');
    expect(busy.headers['retry-after']).toBe('5');
    expect((await reconciliation()).statusCode).toBe(200);
  });

  it('is no longer served as GET /v1/tenant-admin/reconciliation', async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/reconciliation?startDate=2027-03-01&endDate=2027-03-01',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });

  it('asks for a connected account', async () => {
    const other = await createTestTenant(t.db);
    const response = await reconciliation(MARCH_FIRST, other);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('invalid_state');
  });

  it('answers 409 payments_not_configured on a platform without Stripe', async () => {
    const bare = await buildTestApp();
    try {
      const owner = await createTestTenant(bare.db);
      const response = await admin(bare.app, owner, {
        method: 'POST',
        url: '/v1/tenant-admin/ledger/reconcile',
        payload: MARCH_FIRST,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('payments_not_configured');
    } finally {
      await bare.close();
    }
  });
});
