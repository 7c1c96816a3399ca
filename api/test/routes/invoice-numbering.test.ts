import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Invoice numbers per tenant without gaps: 50 bookings paid at the venue at once over real HTTP,
// in three rounds, and a payment whose transaction fails after taking a number. Monday 1 March
// 2027; providers work 09:00–17:00 Berlin, 08:00Z–16:00Z in March.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let cardServiceId: string;
let tenant: CreatedTenant;
let other: CreatedTenant;
let serviceId: string;
let otherServiceId: string;
let baseUrl: string;
let slot = 0;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    { clock: read, maxConnections: 20 },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ({ serviceId } = await bookableService(t.app, tenant, { service: { priceBaseCents: 4000 } }));
  ({ serviceId: otherServiceId } = await bookableService(t.app, other, {
    service: { priceBaseCents: 4000 },
  }));
  await connectTenant(t, stripe, tenant);
  ({ serviceId: cardServiceId } = await bookableService(t.app, tenant, {
    service: { priceBaseCents: 9000, paymentMode: 'DEPOSIT', depositCents: 3000 },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

/** The next free hour: 08:00Z–15:00Z from 2 March 2027 on, eight a day. */
function nextStart(): string {
  const day = 2 + Math.floor(slot / 8);
  const hour = 8 + (slot % 8);
  slot += 1;
  return new Date(Date.UTC(2027, 2, day, hour)).toISOString();
}

async function booked(owner: CreatedTenant, service: string): Promise<string> {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(service, nextStart()),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id;
}

function collect(owner: CreatedTenant, id: string): Promise<number> {
  return fetch(`${baseUrl}/v1/tenant-admin/appointments/${id}/collect-balance`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.keys.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'venue' }),
  }).then((response) => response.status);
}

async function numbersOf(owner: CreatedTenant): Promise<number[]> {
  const rows = await t.db.invoice.findMany({
    where: { tenantId: owner.tenant.id },
    select: { number: true },
    orderBy: { number: 'asc' },
  });
  return rows.map((row) => row.number);
}

const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

describe('invoice numbers', () => {
  it('stay 1…N without duplicates or gaps under 50 concurrent payments, in three rounds', async () => {
    for (let round = 1; round <= 3; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) ids.push(await booked(tenant, serviceId));
      // The other tenant pays at the same time: its numbers are its own, from 1.
      const otherIds = [await booked(other, otherServiceId), await booked(other, otherServiceId)];
      const answers = await Promise.all([
        ...ids.map((id) => collect(tenant, id)),
        ...otherIds.map((id) => collect(other, id)),
      ]);
      expect(answers.every((status) => status === 200)).toBe(true);
      expect(await numbersOf(tenant)).toEqual(oneTo(50 * round));
      expect(await numbersOf(other)).toEqual(oneTo(2 * round));
      // One invoice per booking, for what it costs.
      const invoices = await t.db.invoice.findMany({ where: { appointmentId: { in: ids } } });
      expect(new Set(invoices.map((invoice) => invoice.appointmentId)).size).toBe(50);
      expect(invoices.every((invoice) => invoice.totalCents === 4000)).toBe(true);
    }
  });

  it('a payment whose transaction fails after taking a number burns none', async () => {
    const before = await numbersOf(tenant);
    const failing = await booked(tenant, serviceId);
    // The invoice's INSERT fails for this booking only: after the counter was incremented, in the
    // same transaction as the payment and its ledger row.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."appointmentId" = '${failing}'::uuid THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_invoice BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION refuse_invoice()`,
    );
    try {
      const ids = [await booked(tenant, serviceId), await booked(tenant, serviceId)];
      const answers = await Promise.all([collect(tenant, failing), ...ids.map((id) => collect(tenant, id))]);
      expect(answers).toEqual([500, 200, 200]);
      // Nothing of the failed payment remains: no payment, no ledger row, no invoice.
      expect(await t.db.ledgerEntry.count({ where: { appointmentId: failing } })).toBe(0);
      expect(await t.db.payment.count({ where: { appointmentId: failing } })).toBe(0);
      expect(await numbersOf(tenant)).toEqual(oneTo(before.length + 2));
    } finally {
      await t.db.$executeRawUnsafe('DROP TRIGGER refuse_invoice ON invoices');
      await t.db.$executeRawUnsafe('DROP FUNCTION refuse_invoice()');
    }
    // Paid again, it gets the next number.
    expect(await collect(tenant, failing)).toBe(200);
    expect(await numbersOf(tenant)).toEqual(oneTo(before.length + 3));
  });

  it('card confirmations and venue collections at once share one sequence (25 + 25 at once)', async () => {
    const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
    const before = await numbersOf(tenant);
    const held: Array<{ id: string; token: string; intent: string }> = [];
    for (let i = 0; i < 25; i++) held.push(await cards.held(cardServiceId, nextStart()));
    const venue: string[] = [];
    for (let i = 0; i < 25; i++) venue.push(await booked(tenant, serviceId));
    for (const booking of held) stripe.succeedPaymentIntent(booking.intent);
    const confirm = (booking: { id: string; token: string }) =>
      fetch(`${baseUrl}/v1/public/appointments/${booking.id}/confirm-payment`, {
        method: 'POST',
        headers: {
          'x-tenant-key': tenant.keys.publishable,
          'x-manage-token': booking.token,
          'content-type': 'application/json',
        },
        body: '{}',
      }).then((response) => response.status);
    const answers = await Promise.all([...held.map(confirm), ...venue.map((id) => collect(tenant, id))]);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(await numbersOf(tenant)).toEqual(oneTo(before.length + 50));
    // A card deposit's invoice is for the whole price (what was sold), not the deposit.
    const cardInvoices = await t.db.invoice.findMany({
      where: { appointmentId: { in: held.map((b) => b.id) } },
    });
    expect(cardInvoices.map((invoice) => invoice.totalCents)).toEqual(Array(25).fill(9000));
  });

  it('a second payment of the same booking issues no second invoice', async () => {
    const id = await booked(tenant, serviceId);
    const before = await numbersOf(tenant);
    expect(await collect(tenant, id)).toBe(200);
    expect(await collect(tenant, id)).toBe(409);
    expect(await numbersOf(tenant)).toEqual(oneTo(before.length + 1));
  });
});
