import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Cancelling a paid booking refunds by card what the cancellation policy gives back, once.
// The tenant set no policy, so the default applies: free until 48 h before, half the price until
// 24 h, then all of it. Now: Monday 1 March 2027, 07:00Z; providers work 08:00Z–16:00Z.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let account: string;
let baseUrl: string;
let depositServiceId: string;
let fullServiceId: string;
let freeServiceId: string;

beforeAll(async () => {
  // A dropped connection after 300 ms instead of 2 s: stripe-node re-sends once, then gives up.
  const fake = await fakeStripeEnvironment({ hangMs: 300 });
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' },
    { clock: read, maxConnections: 20 },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId: depositServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
  ({ serviceId: fullServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
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

const { book, paid: paidBooking, cancel } = cardBookings(() => ({ app: t.app, tenant, stripe }));
const preview = async (id: string, token: string) => {
  const response = await publicRequest(t.app, tenant, {
    method: 'GET',
    url: `/v1/public/appointments/${id}/cancellation`,
    headers: { 'x-manage-token': token },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
/** The refunds the fake made for an intent (replays are the same refund). */
const stripeRefunds = (intent: string) =>
  stripe.state.refunds.list(account).filter((refund) => refund.payment_intent === intent);
const refundRequests = (intent: string) =>
  stripe.requests.filter((r) => r.path === '/v1/refunds' && r.params.payment_intent === intent);
const ledgerRefunds = (appointmentId: string) =>
  t.db.ledgerEntry.findMany({ where: { appointmentId, kind: 'REFUND' } });
const refundRows = (appointmentId: string) => t.db.refund.findMany({ where: { payment: { appointmentId } } });
const stored = (id: string) => t.db.appointment.findUniqueOrThrow({ where: { id } });

/** The refund went through exactly once: in Stripe, in the refunds table and in the ledger. */
async function expectOneRefund(appointmentId: string, intent: string, amountCents: number) {
  const refunds = stripeRefunds(intent);
  expect(refunds.map((refund) => refund.amount)).toEqual([amountCents]);
  const rows = await refundRows(appointmentId);
  expect(rows).toMatchObject([{ status: 'SUCCEEDED', amountCents, stripeRefundId: refunds[0]!.id }]);
  expect(refundRequests(intent).every((r) => r.idempotencyKey === `refund-${rows[0]!.id}`)).toBe(true);
  const ledger = await ledgerRefunds(appointmentId);
  expect(ledger).toMatchObject([{ amountCents: -amountCents, stripeObjectId: refunds[0]!.id }]);
}

describe('a client cancelling a paid booking', () => {
  it('more than 48 h before: the deposit back in full, as the preview said', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-08T10:00:00Z');
    expect(await preview(id, token)).toMatchObject({ feeCents: 0, paidCents: 2000, refundCents: 2000 });

    const response = await cancel(id, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    await expectOneRefund(id, intent, 2000);
    expect(stripeRefunds(intent)[0]).toMatchObject({ metadata: { reason: 'cancelled_by_client' } });
    const events = await t.db.appointmentEvent.findMany({
      where: { appointmentId: id },
      orderBy: { seq: 'asc' },
    });
    expect(events.slice(-2).map((e) => [e.type, e.actor])).toEqual([
      ['CANCELLED', 'CLIENT'],
      ['REFUNDED', 'CLIENT'],
    ]);
  });

  it('from 48 to 24 h before, a deposit smaller than the fee: nothing refunded, Stripe not asked', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-02T14:00:00Z');
    // Half of the 8000 price is kept: 4000 > the 2000 paid, so 2000 is still owed and nothing returned.
    expect(await preview(id, token)).toMatchObject({
      feeCents: 4000,
      paidCents: 2000,
      refundCents: 0,
      amountDueCents: 2000,
    });

    const response = await cancel(id, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'DEPOSIT_PAID' });
    expect(refundRequests(intent)).toEqual([]);
    expect(await refundRows(id)).toEqual([]);
    expect(await ledgerRefunds(id)).toEqual([]);
  });

  it('from 48 to 24 h before, paid in full: half refunded, the amount the preview showed', async () => {
    const { id, token, intent } = await paidBooking(fullServiceId, '2027-03-02T15:00:00Z');
    const terms = await preview(id, token);
    expect(terms).toMatchObject({ feeCents: 4000, paidCents: 8000, refundCents: 4000, amountDueCents: 0 });

    const response = await cancel(id, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PARTIALLY_REFUNDED' });
    await expectOneRefund(id, intent, terms.refundCents);
  });

  it('a free booking: cancelled as before, no refund rows', async () => {
    const booked = (await book(bookingBody(freeServiceId, '2027-03-08T12:00:00Z'))).json();
    const response = await cancel(booked.appointment.id, booked.manageToken);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'NOT_REQUIRED' });
    expect(await refundRows(booked.appointment.id)).toEqual([]);
  });

  it('twice: one refund, and the second answer is 409', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-08T11:00:00Z');
    expect((await cancel(id, token)).statusCode).toBe(200);
    const again = await cancel(id, token);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
    await expectOneRefund(id, intent, 2000);
  });
});

describe('when Stripe fails during the refund', () => {
  it('a 500: cancelled with the refund PENDING, and the next cancel call completes it once', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-08T13:00:00Z');
    stripe.failNext('POST /v1/refunds', 500);
    const first = await cancel(id, token);
    expect(first.statusCode, first.body).toBe(200);
    // Cancelled; nothing refunded yet, and the answer does not say otherwise.
    expect(first.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'DEPOSIT_PAID' });
    expect(stripeRefunds(intent)).toEqual([]);
    const [pending] = await refundRows(id);
    expect(pending).toMatchObject({ status: 'PENDING', amountCents: 2000, stripeRefundId: null });
    expect(await ledgerRefunds(id)).toEqual([]);

    const retry = await cancel(id, token);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    await expectOneRefund(id, intent, 2000);
    expect((await refundRows(id))[0]!.id).toBe(pending!.id);
    expect(refundRequests(intent).map((r) => r.status)).toEqual([500, 200]);

    // Nothing pending any more: a cancelled booking again.
    expect((await cancel(id, token)).statusCode).toBe(409);
    await expectOneRefund(id, intent, 2000);
  });

  it('an answer lost after Stripe refunded: the same key asks again and gets that refund', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-08T14:00:00Z');
    stripe.failNext('POST /v1/refunds', 'timeout_after_processing');
    const response = await cancel(id, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    // Asked twice (stripe-node re-sends once on a dropped connection), refunded once.
    expect(refundRequests(intent).map((r) => [r.status, r.replayed])).toEqual([
      ['timeout', false],
      [200, true],
    ]);
    await expectOneRefund(id, intent, 2000);
  });

  it('a Stripe that does not answer at all: PENDING, then the next cancel call completes it', async () => {
    const { id, token, intent } = await paidBooking(depositServiceId, '2027-03-08T15:00:00Z');
    stripe.failNext('POST /v1/refunds', 'timeout', 2);
    const first = await cancel(id, token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'DEPOSIT_PAID' });
    expect(await refundRows(id)).toMatchObject([{ status: 'PENDING', stripeRefundId: null }]);

    const retry = await cancel(id, token);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ paymentStatus: 'REFUNDED' });
    await expectOneRefund(id, intent, 2000);
  });
});

describe('an admin cancelling', () => {
  it('refunds everything paid, whatever the policy (here under 24 h: the client would get nothing)', async () => {
    const { id, intent } = await paidBooking(fullServiceId, '2027-03-01T15:00:00Z');
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/cancel`,
      payload: { reason: 'Provider ill' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    await expectOneRefund(id, intent, 8000);
    expect(stripeRefunds(intent)[0]).toMatchObject({ metadata: { reason: 'cancelled_by_admin' } });
    expect((await stored(id)).cancellationReason).toBe('Provider ill');
  });
});

describe('five cancels of one paid booking at once, over HTTP, in rounds', () => {
  const outcomes: string[] = [];
  afterAll(() =>
    console.info(`five cancels at once (answers 200/409, calls to Stripe): ${outcomes.join('; ')}`),
  );
  async function cancelOverHttp(id: string, token: string) {
    const response = await fetch(`${baseUrl}/v1/public/appointments/${id}/cancel`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-tenant-key': tenant.keys.publishable,
        'x-manage-token': token,
      },
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  // Odd rounds start with Stripe failing the first refund: the others (or nobody) retry it.
  it.each([0, 1, 2, 3, 4, 5].map((round) => ({ round, day: `2027-03-${10 + round}` })))(
    'round $round ($day): one refund',
    async ({ round, day }) => {
      const { id, token, intent } = await paidBooking(depositServiceId, `${day}T09:00:00Z`);
      if (round % 2 === 1) stripe.failNext('POST /v1/refunds', 500);
      const answers = await Promise.all(Array.from({ length: 5 }, () => cancelOverHttp(id, token)));

      for (const answer of answers) {
        expect([200, 409], JSON.stringify(answer.body)).toContain(answer.status);
        if (answer.status === 200) expect(answer.body.status).toBe('CANCELLED');
        else expect(answer.body.error).toMatchObject({ code: 'invalid_state' });
      }
      const succeeded = answers.filter((answer) => answer.status === 200).length;
      expect(succeeded).toBeGreaterThanOrEqual(1);
      outcomes.push(`${succeeded}/${5 - succeeded}, ${refundRequests(intent).length}`);
      // Whoever completed it: at most one more call is needed (when every retry ran before the 500).
      if ((await refundRows(id)).some((row) => row.status === 'PENDING')) {
        expect((await cancelOverHttp(id, token)).status).toBe(200);
      }
      await expectOneRefund(id, intent, 2000);
      expect((await stored(id)).paymentStatus).toBe('REFUNDED');
      const refundedEvents = await t.db.appointmentEvent.count({
        where: { appointmentId: id, type: 'REFUNDED' },
      });
      expect(refundedEvents).toBe(1);
    },
  );
});
