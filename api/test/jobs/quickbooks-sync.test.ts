import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/adapters/crypto/secret-box.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { QuickBooksPushBusyError } from '../../src/use-cases/quickbooks/push-appointment-money.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import {
  connectQuickBooks,
  fakeQuickBooksEnvironment,
  quickbooksJobs,
  type FakeQuickBooks,
} from '../helpers/fake-quickbooks.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Payments and refunds pushed to QuickBooks Online (issue 11): the quickbooks.push jobs that follow
// the appointment history, run by hand (no pg-boss) against the fake QuickBooks, each tenant
// connected through the real OAuth routes to its own company. Card payments go through the fake
// Stripe. Monday 1 March 2027, 23:30Z: already Tuesday 2 March in Berlin, the tenants' zone.
const START = '2027-03-01T23:30:00Z';
const { clock, read } = testClock(START);
let t: TestApp;
let quickbooks: FakeQuickBooks;
let stripe: FakeStripe;
let jobs: ReturnType<typeof quickbooksJobs>;
let realmCounter = 1000;

interface Shop {
  tenant: CreatedTenant;
  realm: string;
  serviceId: string;
  cards: ReturnType<typeof cardBookings>;
}

/** A tenant taking cards, with a paid service "Cut" (80 EUR) and, if `connected`, its own QuickBooks company. */
async function shop(connected = true): Promise<Shop> {
  const tenant = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);
  const { serviceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
  });
  const realm = String(realmCounter++);
  if (connected) expect((await connectQuickBooks(t.app, tenant, quickbooks, realm)).statusCode).toBe(200);
  return { tenant, realm, serviceId, cards: cardBookings(() => ({ app: t.app, tenant, stripe })) };
}

let day = 0;
/** A booking paid by card (its PAID event written), on a day of its own. */
async function paidBooking(s: Shop) {
  day += 1;
  const start = new Date(Date.parse('2027-03-10T09:00:00Z') + day * 86_400_000).toISOString();
  const booking = await s.cards.paid(s.serviceId, start);
  const payment = await t.db.payment.findFirstOrThrow({ where: { appointmentId: booking.id } });
  return { ...booking, payment };
}

const receipts = (s: Shop, entity = 'SalesReceipt') => quickbooks.records(s.realm, entity);
const receiptsOf = (s: Shop, sourceId: string, entity = 'SalesReceipt') =>
  receipts(s, entity).filter((r) => String(r.PrivateNote).endsWith(sourceId));
const creates = (path: string) =>
  quickbooks.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path));
const pushJobs = () => jobs.sent.filter((job) => job.queue === 'quickbooks.push');

beforeAll(async () => {
  const fakeQuickBooks = await fakeQuickBooksEnvironment(read);
  const fakeStripe = await fakeStripeEnvironment();
  quickbooks = fakeQuickBooks.quickbooks;
  stripe = fakeStripe.stripe;
  t = await buildTestApp(
    { ...fakeQuickBooks.env, ...fakeStripe.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    { clock: read },
  );
  jobs = quickbooksJobs(t, read);
});
afterAll(async () => {
  await t.close();
  await quickbooks.close();
  await stripe.close();
});
beforeEach(async () => {
  clock.now = new Date(START);
  await jobs.dispatch(); // what earlier tests left is not this test's
  jobs.sent.length = 0;
});

describe('a paid booking', () => {
  it('becomes one sales receipt: amount, day in the tenant zone, customer, item, appointment id', async () => {
    const s = await shop();
    const booking = await paidBooking(s);
    await jobs.dispatch();
    expect(pushJobs()).toEqual([
      { queue: 'quickbooks.push', data: { tenantId: s.tenant.tenant.id, appointmentId: booking.id } },
    ]);
    await jobs.drain();

    const [receipt, ...more] = receipts(s);
    expect(more).toEqual([]);
    const [customer] = quickbooks.records(s.realm, 'Customer');
    const [item] = quickbooks.records(s.realm, 'Item');
    expect(customer).toMatchObject({
      DisplayName: 'Ada Client (ada@example.com)',
      PrimaryEmailAddr: { Address: 'ada@example.com' },
    });
    expect(item).toMatchObject({ Name: 'Cut', Type: 'Service', IncomeAccountRef: { value: '1' } });
    // The amount is the ledger's money in for this payment, computed here from its rows.
    const ledger = await t.db.ledgerEntry.findMany({
      where: { paymentId: booking.payment.id, kind: 'CHARGE' },
    });
    const paidCents = ledger.reduce((sum, row) => sum + row.amountCents, 0);
    expect(paidCents).toBe(8000);
    expect(receipt).toMatchObject({
      TxnDate: '2027-03-02',
      TotalAmt: paidCents / 100,
      CustomerRef: { value: customer!.Id },
      CurrencyRef: { value: 'EUR' },
      Line: [{ Amount: 80, SalesItemLineDetail: { ItemRef: { value: item!.Id }, Qty: 1, UnitPrice: 80 } }],
    });
    expect(receipt!.PrivateNote).toBe(`MAIS appointment ${booking.id}; payment ${booking.payment.id}`);
    const [create] = creates(`/company/${s.realm}/salesreceipt`);
    expect(create!.query).toEqual({ requestid: `sr-${booking.payment.id}`, minorversion: '75' });
    const pushed = await t.db.quickBooksPush.findFirstOrThrow({ where: { sourceId: booking.payment.id } });
    expect(pushed).toMatchObject({ status: 'PUSHED', quickbooksId: receipt!.Id, realmId: s.realm });
    const state = await admin(t.app, s.tenant, { method: 'GET', url: '/v1/tenant-admin/quickbooks' });
    expect(state.json()).toMatchObject({
      receiptsPushed: 1,
      failures: 0,
      lastSyncedAt: START.replace('Z', '.000Z'),
    });
  });

  it('a second booking of the same client and service reuses the customer and the item', async () => {
    const s = await shop();
    await paidBooking(s);
    await paidBooking(s);
    await jobs.dispatch();
    await jobs.drain();
    expect(receipts(s)).toHaveLength(2);
    expect(quickbooks.records(s.realm, 'Customer')).toHaveLength(1);
    expect(quickbooks.records(s.realm, 'Item')).toHaveLength(1);
  });

  it('a refund becomes a refund receipt paid from the bank account; the sale is not pushed again', async () => {
    const s = await shop();
    const booking = await paidBooking(s);
    await jobs.dispatch();
    await jobs.drain();
    const refunded = await admin(t.app, s.tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booking.id}/refund`,
      payload: { amountCents: 3000, reason: 'goodwill' },
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    await jobs.dispatch();
    expect(pushJobs()).toHaveLength(1);
    await jobs.drain();
    const refund = await t.db.refund.findFirstOrThrow({ where: { paymentId: booking.payment.id } });
    const ledger = await t.db.ledgerEntry.findMany({ where: { refundId: refund.id, kind: 'REFUND' } });
    const refundedCents = -ledger.reduce((sum, row) => sum + row.amountCents, 0);
    expect(refundedCents).toBe(3000);
    expect(receiptsOf(s, refund.id, 'RefundReceipt')).toEqual([
      expect.objectContaining({ TotalAmt: refundedCents / 100, DepositToAccountRef: { value: '35' } }),
    ]);
    expect(receipts(s)).toHaveLength(1);
    expect(creates(`/company/${s.realm}/salesreceipt`)).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('a job retried after QuickBooks made the receipt but the answer was lost: still one receipt', async () => {
    const s = await shop();
    const booking = await paidBooking(s);
    await jobs.dispatch();
    const [job] = pushJobs();
    quickbooks.failNext('POST /v3/company/*/salesreceipt', 'lose-answer');
    await expect(jobs.run(job!.queue, job!.data)).rejects.toThrow(/no answer/);
    expect(receipts(s)).toHaveLength(1); // made, though we never heard
    const pending = await t.db.quickBooksPush.findFirstOrThrow({ where: { sourceId: booking.payment.id } });
    expect(pending).toMatchObject({ status: 'PENDING', claimedUntil: null });
    expect(
      (await admin(t.app, s.tenant, { method: 'GET', url: '/v1/tenant-admin/quickbooks' })).json(),
    ).toMatchObject({
      failures: 1,
      pushesWaiting: 1,
    });

    await jobs.run(job!.queue, job!.data); // the queue's retry
    expect(receipts(s)).toHaveLength(1);
    const attempts = creates('/salesreceipt').filter((r) => r.query.requestid === `sr-${booking.payment.id}`);
    expect(attempts).toHaveLength(2);
    const pushed = await t.db.quickBooksPush.findFirstOrThrow({ where: { sourceId: booking.payment.id } });
    expect(pushed).toMatchObject({ status: 'PUSHED', quickbooksId: receipts(s)[0]!.Id, attempts: 2 });
  });

  it('the same payment event dispatched twice: one receipt, and the second job calls nothing to create', async () => {
    const s = await shop();
    const booking = await paidBooking(s);
    await jobs.dispatch();
    const [job] = pushJobs();
    await jobs.run(job!.queue, job!.data);
    const before = quickbooks.requests.length;
    await jobs.run(job!.queue, job!.data);
    expect(receiptsOf(s, booking.payment.id)).toHaveLength(1);
    expect(quickbooks.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('two pushes of the same payment at once, in rounds: one receipt each time', async () => {
    const s = await shop();
    for (let round = 0; round < 6; round++) {
      const booking = await paidBooking(s);
      await jobs.dispatch();
      const [job] = pushJobs();
      jobs.sent.length = 0;
      const results = await Promise.allSettled([
        jobs.run(job!.queue, job!.data),
        jobs.run(job!.queue, job!.data),
      ]);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(QuickBooksPushBusyError);
      }
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
      await jobs.run(job!.queue, job!.data); // the busy one's retry
      expect(receiptsOf(s, booking.payment.id), `round ${round}`).toHaveLength(1);
      // The claim, not only QuickBooks' requestid, keeps it to one: one create was sent.
      const sent = creates('/salesreceipt').filter((r) => r.query.requestid === `sr-${booking.payment.id}`);
      expect(sent, `round ${round}`).toHaveLength(1);
    }
    expect(quickbooks.records(s.realm, 'Customer')).toHaveLength(1);
  });
});

describe('tokens', () => {
  const box = () => new SecretBox(t.app.config.ENCRYPTION_KEY!);

  it('an access token QuickBooks refuses is refreshed, and the rotated refresh token is stored', async () => {
    const s = await shop();
    const before = await t.db.quickBooksConnection.findUniqueOrThrow({
      where: { tenantId: s.tenant.tenant.id },
    });
    await paidBooking(s);
    quickbooks.expireAccessTokens(); // expired at Intuit before our clock says so
    await jobs.dispatch();
    await jobs.drain();
    expect(receipts(s)).toHaveLength(1);
    const refreshes = quickbooks.requests.filter((r) => r.path === '/token');
    expect(refreshes.length).toBeGreaterThan(0);
    const after = await t.db.quickBooksConnection.findUniqueOrThrow({
      where: { tenantId: s.tenant.tenant.id },
    });
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const stored = box().open(
      after.refreshToken!,
      `quickbooks_connections.refreshToken:${s.tenant.tenant.id}`,
    );
    const grant = quickbooks.state.grants.get(stored);
    expect(grant).toMatchObject({ realmId: s.realm, retired: false, revoked: false });
  });

  it('two pushes needing a refresh at once refresh once: the rotated token is not used twice', async () => {
    const s = await shop();
    await paidBooking(s);
    await paidBooking(s);
    quickbooks.expireAccessTokens();
    await jobs.dispatch();
    const [a, b] = pushJobs();
    jobs.sent.length = 0;
    const from = quickbooks.requests.length;
    await Promise.all([jobs.run(a!.queue, a!.data), jobs.run(b!.queue, b!.data)]);
    expect(receipts(s)).toHaveLength(2);
    const tokenCalls = quickbooks.requests.slice(from).filter((r) => r.path === '/token');
    expect(tokenCalls.map((r) => r.status)).toEqual([200]);
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({
      where: { tenantId: s.tenant.tenant.id },
    });
    expect(row.status).toBe('ACTIVE');
  });

  it('an access token past its hour is refreshed before use, without a 401', async () => {
    const s = await shop();
    await paidBooking(s);
    clock.now = new Date(Date.parse(START) + 2 * 3600_000);
    const from = quickbooks.requests.length;
    await jobs.dispatch();
    await jobs.drain();
    expect(receipts(s)).toHaveLength(1);
    const calls = quickbooks.requests.slice(from);
    expect(calls[0]).toMatchObject({ path: '/token', status: 200 });
    expect(calls.filter((r) => r.status === 401)).toEqual([]);
  });

  it('invalid_grant: NEEDS_REAUTH, shown by the status route, and nothing more is pushed', async () => {
    const s = await shop();
    const other = await shop();
    await paidBooking(s);
    quickbooks.revokeAccess(s.realm);
    quickbooks.expireAccessTokens();
    await jobs.dispatch();
    await jobs.drain(); // ends without an error: nothing to retry
    const state = await admin(t.app, s.tenant, { method: 'GET', url: '/v1/tenant-admin/quickbooks' });
    expect(state.json()).toMatchObject({ connected: false, status: 'NEEDS_REAUTH', realmId: s.realm });
    expect(state.json().lastError).toMatch(/connect QuickBooks again/);
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({
      where: { tenantId: s.tenant.tenant.id },
    });
    expect(row).toMatchObject({ refreshToken: null, accessToken: null });
    expect(receipts(s)).toEqual([]);

    const booking = await paidBooking(s);
    await jobs.dispatch();
    expect(pushJobs()).toEqual([]); // no connection, no job
    const from = quickbooks.requests.length;
    await jobs.run('quickbooks.push', { tenantId: s.tenant.tenant.id, appointmentId: booking.id });
    expect(quickbooks.requests.length).toBe(from);

    // Another tenant's connection is untouched and still pushes.
    const otherBooking = await paidBooking(other);
    await jobs.dispatch();
    await jobs.drain();
    expect(receiptsOf(other, otherBooking.payment.id)).toHaveLength(1);
    const otherState = await admin(t.app, other.tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/quickbooks',
    });
    expect(otherState.json()).toMatchObject({ connected: true, status: 'ACTIVE' });
  });

  it('no token in clear in the job log', async () => {
    const secrets = [...quickbooks.refreshTokens(), ...quickbooks.accessTokens()];
    expect(secrets.length).toBeGreaterThan(0);
    const log = jobs.logLines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});

describe('backfill', () => {
  it('pushes the period’s money made before the connection, once, and clears the request', async () => {
    const s = await shop(false);
    const first = await paidBooking(s);
    const second = await paidBooking(s);
    await jobs.dispatch();
    expect(pushJobs()).toEqual([]); // not connected: no jobs
    expect((await connectQuickBooks(t.app, s.tenant, quickbooks, s.realm)).statusCode).toBe(200);
    const sync = () =>
      admin(t.app, s.tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/quickbooks/sync',
        payload: { startDate: '2027-03-02', endDate: '2027-03-02' },
      });
    expect((await sync()).statusCode).toBe(202);
    await jobs.run('quickbooks.backfill');
    expect(
      pushJobs()
        .map((job) => job.data.appointmentId)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    await jobs.drain();
    expect(receiptsOf(s, first.payment.id)).toHaveLength(1);
    expect(receiptsOf(s, second.payment.id)).toHaveLength(1);
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({
      where: { tenantId: s.tenant.tenant.id },
    });
    expect(row).toMatchObject({ backfillFrom: null, backfillTo: null });

    // Asked again: nothing new is made.
    expect((await sync()).statusCode).toBe(202);
    await jobs.run('quickbooks.backfill');
    await jobs.drain();
    expect(receipts(s)).toHaveLength(2);
  });

  it('a period without that money pushes nothing', async () => {
    const s = await shop();
    await paidBooking(s);
    await jobs.dispatch();
    jobs.sent.length = 0;
    await admin(t.app, s.tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/quickbooks/sync',
      payload: { startDate: '2027-01-01', endDate: '2027-01-31' },
    });
    await jobs.run('quickbooks.backfill');
    expect(pushJobs()).toEqual([]);
  });
});
