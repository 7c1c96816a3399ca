import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// An admin's money back: POST …/cancel with `refundCents`, and POST …/refund for any reason.
// Both record each refund as a PENDING intent under the appointment's lock, ask Stripe with the
// key `refund-<row id>`, then record it (ledger, REFUNDED event). Now: Monday 1 March 2027, 07:00Z;
// the provider works 08:00Z–16:00Z. "Cut" is paid in full (80.00), "Colour" by a 20.00 deposit.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let account: string;
let fullServiceId: string;
let depositServiceId: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  account = await connectTenant(t, stripe, tenant);
  ({ serviceId: fullServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
  }));
  ({ serviceId: depositServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});
beforeEach(() => {
  clock.now = new Date('2027-03-01T07:00:00Z');
});

const { paid } = cardBookings(() => ({ app: t.app, tenant, stripe }));
const adminPost = (url: string, payload?: object, headers: Record<string, string> = {}) =>
  admin(t.app, tenant, { method: 'POST', url: `/v1/tenant-admin/appointments/${url}`, payload, headers });
const refund = (id: string, amountCents: number, reason = 'Goodwill', headers: Record<string, string> = {}) =>
  adminPost(`${id}/refund`, { amountCents, reason }, headers);
const adminCancel = (id: string, payload?: object) => adminPost(`${id}/cancel`, payload);

/** The refunds the fake made for an intent, oldest first (the fake lists newest first). */
const stripeRefunds = (intent: string) =>
  stripe.state.refunds
    .list(account)
    .filter((r) => r.payment_intent === intent)
    .reverse();
const refundRequests = (intent: string) =>
  stripe.requests.filter((r) => r.path === '/v1/refunds' && r.params.payment_intent === intent);
const ledgerRefunds = (appointmentId: string) =>
  t.db.ledgerEntry.findMany({ where: { appointmentId, kind: 'REFUND' }, orderBy: { amountCents: 'asc' } });
const refundRows = (appointmentId: string) =>
  t.db.refund.findMany({ where: { payment: { appointmentId } }, orderBy: { createdAt: 'asc' } });
const stored = (id: string) => t.db.appointment.findUniqueOrThrow({ where: { id } });
const refundedEvents = (appointmentId: string) =>
  t.db.appointmentEvent.findMany({ where: { appointmentId, type: 'REFUNDED' }, orderBy: { seq: 'asc' } });

/** Stripe, the refunds table and the ledger agree: the same refunds, each once, nothing pending. */
async function expectBooksAgree(appointmentId: string, intent: string) {
  const made = stripeRefunds(intent);
  const rows = await refundRows(appointmentId);
  expect(
    rows
      .filter((row) => row.status === 'SUCCEEDED')
      .map((row) => row.stripeRefundId)
      .sort(),
  ).toEqual(made.map((r) => r.id).sort());
  expect(rows.every((row) => row.status !== 'PENDING')).toBe(true);
  const ledger = await ledgerRefunds(appointmentId);
  expect(ledger.map((e) => [e.stripeObjectId, -e.amountCents]).sort()).toEqual(
    made.map((r) => [r.id, r.amount]).sort(),
  );
  expect(await refundedEvents(appointmentId)).toHaveLength(made.length);
  return made.reduce((sum, r) => sum + r.amount, 0);
}

describe('an admin cancelling with refundCents', () => {
  it('part of it: that much back by card, the booking cancelled', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-08T09:00:00Z');
    const response = await adminCancel(id, { reason: 'Provider ill', refundCents: 3000 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PARTIALLY_REFUNDED' });
    expect(stripeRefunds(intent).map((r) => [r.amount, r.metadata?.reason])).toEqual([
      [3000, 'cancelled_by_admin'],
    ]);
    const [row] = await refundRows(id);
    expect(refundRequests(intent).map((r) => r.idempotencyKey)).toEqual([`refund-${row!.id}`]);
    expect(await expectBooksAgree(id, intent)).toBe(3000);
    expect((await stored(id)).cancellationReason).toBe('Provider ill');
  });

  it('0: cancelled without a refund, Stripe not asked', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-08T10:00:00Z');
    const response = await adminCancel(id, { refundCents: 0 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PAID' });
    expect(refundRequests(intent)).toEqual([]);
    expect(await refundRows(id)).toEqual([]);
    expect(await ledgerRefunds(id)).toEqual([]);
  });

  it('more than was paid by card: 400 naming the most, and nothing changes', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-08T11:00:00Z');
    const before = await stored(id);
    const response = await adminCancel(id, { refundCents: 8001 });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation_failed',
      details: [
        { path: 'refundCents', message: 'must be at most 8000: what was paid by card and not refunded yet' },
      ],
    });
    expect(await stored(id)).toEqual(before);
    expect(refundRequests(intent)).toEqual([]);
    expect(await refundRows(id)).toEqual([]);
    // …and with what is left after a goodwill refund, the limit is the rest.
    expect((await refund(id, 5000)).statusCode).toBe(200);
    const tooMuch = await adminCancel(id, { refundCents: 3001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0].message).toMatch(/at most 3000/);
    expect((await stored(id)).status).toBe('CONFIRMED');
    // Without refundCents the cancel gives back the rest, split after the earlier refund.
    const rest = await adminCancel(id);
    expect(rest.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    expect(stripeRefunds(intent).map((r) => r.amount)).toEqual([5000, 3000]);
    expect(await expectBooksAgree(id, intent)).toBe(8000);
  });

  it.each([[-1], [1.5], ['100']])('refundCents %j: 400, nothing changes', async (refundCents) => {
    const { id, intent } = await paid(fullServiceId, '2027-03-09T09:00:00Z');
    const response = await adminCancel(id, { refundCents });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('refundCents');
    expect((await stored(id)).status).toBe('CONFIRMED');
    expect(refundRequests(intent)).toEqual([]);
    await adminCancel(id); // frees the slot for the next case
  });
});

describe('POST …/refund', () => {
  it('twice up to what was paid, in history and the ledger; a third is refused', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-10T09:00:00Z');
    const first = await refund(id, 3000, 'Late start');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id, status: 'CONFIRMED', paymentStatus: 'PARTIALLY_REFUNDED' });
    const second = await refund(id, 5000, 'Colour went wrong');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'REFUNDED' });

    const third = await refund(id, 1);
    expect(third.statusCode).toBe(400);
    expect(third.json().error).toMatchObject({
      code: 'validation_failed',
      details: [
        { path: 'amountCents', message: 'must be at most 0: what was paid by card and not refunded yet' },
      ],
    });

    expect(stripeRefunds(intent).map((r) => [r.amount, r.metadata?.reason])).toEqual([
      [3000, 'Late start'],
      [5000, 'Colour went wrong'],
    ]);
    expect(await expectBooksAgree(id, intent)).toBe(8000);
    const detail = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${id}` });
    const refunded = detail.json().history.filter((event: { type: string }) => event.type === 'REFUNDED');
    expect(refunded).toMatchObject([
      { actor: 'ADMIN', data: { amountCents: 3000, currency: 'EUR', reason: 'Late start' } },
      { actor: 'ADMIN', data: { amountCents: 5000, currency: 'EUR', reason: 'Colour went wrong' } },
    ]);
  });

  it('works on a cancelled or completed booking too', async () => {
    const cancelled = await paid(fullServiceId, '2027-03-10T11:00:00Z');
    expect((await adminCancel(cancelled.id, { refundCents: 0 })).statusCode).toBe(200);
    const response = await refund(cancelled.id, 8000, 'Changed our mind');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });

    const done = await paid(fullServiceId, '2027-03-10T13:00:00Z');
    clock.now = new Date('2027-03-10T14:30:00Z');
    expect((await adminPost(`${done.id}/complete`)).statusCode).toBe(200);
    const afterwards = await refund(done.id, 1000, 'Apology');
    expect(afterwards.statusCode, afterwards.body).toBe(200);
    expect(afterwards.json()).toMatchObject({ status: 'COMPLETED', paymentStatus: 'PARTIALLY_REFUNDED' });
  });

  it('a Stripe 500: 503, the refund PENDING; the same request again makes it, once', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-11T09:00:00Z');
    stripe.failNext('POST /v1/refunds', 500);
    const first = await refund(id, 2500, 'Goodwill', { 'idempotency-key': 'refund-try-1' });
    expect(first.statusCode, first.body).toBe(503);
    expect(first.headers['retry-after']).toBe('5');
    expect(first.json().error).toMatchObject({ code: 'service_busy' });
    expect(first.json().error.message).toMatch(/2500 \(minor units\) is recorded and waits/);
    expect(stripeRefunds(intent)).toEqual([]);
    const [pending] = await refundRows(id);
    expect(pending).toMatchObject({ status: 'PENDING', amountCents: 2500, stripeRefundId: null });
    expect(await ledgerRefunds(id)).toEqual([]);
    expect((await stored(id)).paymentStatus).toBe('PAID');

    // Another amount meanwhile: refused, naming the amount that retries.
    const other = await refund(id, 1000);
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({
      code: 'invalid_state',
      details: [{ path: 'amountCents', message: 'must be 2500 to retry the refund that waits' }],
    });

    // The same request with the same key (the SDK's retry of a 503) runs again and retries it.
    const retry = await refund(id, 2500, 'Goodwill', { 'idempotency-key': 'refund-try-1' });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.json()).toMatchObject({ paymentStatus: 'PARTIALLY_REFUNDED' });
    expect(stripeRefunds(intent).map((r) => r.amount)).toEqual([2500]);
    expect((await refundRows(id)).map((row) => [row.id, row.status])).toEqual([[pending!.id, 'SUCCEEDED']]);
    expect(refundRequests(intent).map((r) => [r.status, r.idempotencyKey])).toEqual([
      [500, `refund-${pending!.id}`],
      [200, `refund-${pending!.id}`],
    ]);

    // Once more with that key: the stored answer, no new refund.
    const replay = await refund(id, 2500, 'Goodwill', { 'idempotency-key': 'refund-try-1' });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await refund(id, 2600, 'Goodwill', { 'idempotency-key': 'refund-try-1' });
    expect(reused.statusCode).toBe(422);
    expect(await expectBooksAgree(id, intent)).toBe(2500);
  });

  it('a PENDING refund left by a cancel is retried by the same amount', async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-11T11:00:00Z');
    stripe.failNext('POST /v1/refunds', 500);
    const cancelled = await adminCancel(id, { refundCents: 4000 });
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PAID' });
    const response = await refund(id, 4000);
    expect(response.statusCode, response.body).toBe(200);
    expect(stripeRefunds(intent).map((r) => [r.amount, r.metadata?.reason])).toEqual([
      [4000, 'cancelled_by_admin'],
    ]);
    expect(await expectBooksAgree(id, intent)).toBe(4000);
  });

  it('money paid at the venue cannot go back by card: 409 saying so', async () => {
    const { id, intent } = await paid(depositServiceId, '2027-03-12T09:00:00Z');
    const collected = await adminPost(`${id}/collect-balance`, { method: 'venue' });
    expect(collected.statusCode, collected.body).toBe(200);
    const before = await stored(id);

    const response = await refund(id, 2001);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'invalid_state' });
    expect(response.json().error.message).toMatch(
      /6000 \(minor units\) of this booking was paid at the venue .* at most 2000 can be refunded/,
    );
    expect(await stored(id)).toEqual(before);
    expect(refundRequests(intent)).toEqual([]);

    const card = await refund(id, 2000);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ paymentStatus: 'PARTIALLY_REFUNDED' });
    expect(await expectBooksAgree(id, intent)).toBe(2000);
  });

  it('validates the body: amount 1 and up, a short storable reason', async () => {
    const { id } = await paid(fullServiceId, '2027-03-12T11:00:00Z');
    for (const [payload, path] of [
      [{ amountCents: 0, reason: 'x' }, 'amountCents'],
      [{ amountCents: 1.5, reason: 'x' }, 'amountCents'],
      [{ amountCents: 100 }, 'reason'],
      [{ amountCents: 100, reason: '   ' }, 'reason'],
      [{ amountCents: 100, reason: 'x'.repeat(201) }, 'reason'],
      [{ amountCents: 100, reason: 'x', extra: true }, 'extra'],
    ] as const) {
      const response = await adminPost(`${id}/refund`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await refundRows(id)).toEqual([]);
  });

  it("another tenant's appointment: 404, nothing refunded", async () => {
    const { id, intent } = await paid(fullServiceId, '2027-03-12T13:00:00Z');
    const other = await createTestTenant(t.db);
    await connectTenant(t, stripe, other);
    const response = await admin(t.app, other, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/refund`,
      payload: { amountCents: 100, reason: 'Mine now' },
    });
    expect(response.statusCode).toBe(404);
    expect(refundRequests(intent)).toEqual([]);
  });

  it('a tenant without a Stripe account: 409, nothing recorded', async () => {
    const other = await createTestTenant(t.db);
    const { serviceId } = await bookableService(t.app, other, { service: { priceBaseCents: 8000 } });
    const booked = await admin(t.app, other, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: {
        serviceId,
        startTimeUtc: '2027-03-12T09:00:00Z',
        client: { name: 'Ada Client', email: 'ada@example.com' },
        clientTimezone: 'Europe/Berlin',
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const response = await admin(t.app, other, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booked.json().appointment.id}/refund`,
      payload: { amountCents: 100, reason: 'Goodwill' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'invalid_state', message: /no Stripe account/ });
  });
});

describe('a platform without card payments', () => {
  it('answers 409 payments_not_configured', async () => {
    const bare = await buildTestApp();
    try {
      const owner = await createTestTenant(bare.db);
      const { serviceId } = await bookableService(bare.app, owner);
      const booked = await admin(bare.app, owner, {
        method: 'POST',
        url: '/v1/tenant-admin/appointments',
        payload: {
          serviceId,
          startTimeUtc: '2030-01-07T10:00:00Z',
          client: { name: 'Ada Client', email: 'ada@example.com' },
          clientTimezone: 'Europe/Berlin',
          overrideRules: true,
        },
      });
      expect(booked.statusCode, booked.body).toBe(201);
      const response = await admin(bare.app, owner, {
        method: 'POST',
        url: `/v1/tenant-admin/appointments/${booked.json().appointment.id}/refund`,
        payload: { amountCents: 100, reason: 'Goodwill' },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('payments_not_configured');
    } finally {
      await bare.close();
    }
  });
});

describe('refunds of one booking at once, over app.inject, in rounds', () => {
  const outcomes: string[] = [];
  afterAll(() => console.info(`refunds at once (answers; Stripe refunds): ${outcomes.join('; ')}`));

  // Paid 80.00 each time. Odd rounds start with Stripe failing the first refund.
  const ROUNDS = [
    [3000, 3000],
    [5000, 4000],
    [6000, 6000, 6000],
    [8000, 1000],
    [2000, 2000, 2000, 2000, 2000],
    [5000, 5000],
    [4000, 4000, 1000],
    [8000, 8000],
  ];
  it.each(ROUNDS.map((amounts, round) => ({ amounts, round, day: `2027-03-${15 + round}` })))(
    'round $round: $amounts',
    async ({ amounts, round, day }) => {
      const { id, intent } = await paid(fullServiceId, `${day}T09:00:00Z`);
      if (round % 2 === 1) stripe.failNext('POST /v1/refunds', 500);
      const answers = await Promise.all(amounts.map((amount) => refund(id, amount, `Round ${round}`)));

      const expected: Record<number, string> = {
        200: '',
        400: 'validation_failed',
        409: 'invalid_state',
        503: 'service_busy',
      };
      for (const answer of answers) {
        expect(Object.keys(expected), answer.body).toContain(String(answer.statusCode));
        if (answer.statusCode !== 200) expect(answer.json().error.code).toBe(expected[answer.statusCode]);
      }
      // A refund left waiting by the 500 is made by calling again with its amount.
      for (let attempt = 0; attempt < 3; attempt++) {
        const waiting = (await refundRows(id)).filter((row) => row.status === 'PENDING');
        if (waiting.length === 0) break;
        const retry = await refund(
          id,
          waiting.reduce((sum, row) => sum + row.amountCents, 0),
        );
        expect(retry.statusCode, retry.body).toBe(200);
      }

      const refunded = await expectBooksAgree(id, intent);
      expect(refunded).toBeLessThanOrEqual(8000);
      expect(refunded).toBeGreaterThan(0);
      expect(refunded).toBeLessThanOrEqual(amounts.reduce((sum, amount) => sum + amount, 0));
      expect((await stored(id)).paymentStatus).toBe(refunded === 8000 ? 'REFUNDED' : 'PARTIALLY_REFUNDED');
      outcomes.push(
        `${answers.map((a) => a.statusCode).join('/')}; ${stripeRefunds(intent)
          .map((r) => r.amount)
          .join('+')}`,
      );
    },
  );
});
