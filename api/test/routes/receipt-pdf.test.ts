import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { pdfLines } from '../helpers/pdf-text.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// GET /v1/public/appointments/:id/receipt.pdf: the client's receipt by the manage token. A
// booking paid by card (deposit), then at the venue (balance), then partly refunded.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let other: CreatedTenant;
let serviceId: string;
let booking: { id: string; token: string };
let invoiceNumber: number;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Dos' });
  other = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
  const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
  booking = await cards.paid(serviceId, '2027-03-08T10:00:00Z');
  clock.now = new Date('2027-03-08T11:30:00Z');
  const collect = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${booking.id}/collect-balance`,
    payload: { method: 'venue' },
  });
  expect(collect.statusCode, collect.body).toBe(200);
  clock.now = new Date('2027-03-10T09:00:00Z');
  const refund = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${booking.id}/refund`,
    payload: { amountCents: 500, reason: 'Goodwill' },
  });
  expect(refund.statusCode, refund.body).toBeLessThan(300);
  invoiceNumber = (await t.db.invoice.findFirstOrThrow({ where: { appointmentId: booking.id } })).number;
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const receipt = (
  query = '',
  headers: Record<string, string> = { 'x-manage-token': booking.token },
  owner = tenant,
) =>
  publicRequest(t.app, owner, {
    method: 'GET',
    url: `/v1/public/appointments/${booking.id}/receipt.pdf${query}`,
    headers,
  });
const euros = (cents: number) => `${cents < 0 ? '-' : ''}€${(Math.abs(cents) / 100).toFixed(2)}`;

describe('GET /v1/public/appointments/:id/receipt.pdf', () => {
  it('lists each payment and refund with the invoice number, and totals equal to the ledger', async () => {
    const response = await receipt();
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="receipt-${invoiceNumber}.pdf"`,
    );
    expect(response.headers['cache-control']).toContain('no-store');
    // The figures from the ledger rows, summed here.
    const rows = await t.db.ledgerEntry.findMany({ where: { appointmentId: booking.id } });
    const paid = rows
      .filter((row) => ['DEPOSIT', 'BALANCE_VENUE'].includes(row.kind))
      .reduce((sum, row) => sum + row.amountCents, 0);
    const refunded = rows
      .filter((row) => row.kind === 'REFUND')
      .reduce((sum, row) => sum - row.amountCents, 0);
    expect([paid, refunded]).toEqual([8000, 500]);
    // The card's money moved when the (fake) Stripe says it did: its ledger row's date, in Berlin.
    const deposit = rows.find((row) => row.kind === 'DEPOSIT')!;
    const depositDay = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Berlin',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(deposit.occurredAt);
    const lines = await pdfLines(response.rawPayload);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Studio Dos',
        `Receipt ${invoiceNumber}`,
        `Receipt for invoice: ${invoiceNumber}`,
        'Billed to: Ada Client <ada@example.com>',
        'Date Payment Amount',
        `${depositDay} Card €20.00`,
        'March 8, 2027 At the venue €60.00',
        'March 10, 2027 Refund (Card) -€5.00',
        `Paid ${euros(paid)}`,
        `Refunded ${euros(-refunded)}`,
        `Net paid ${euros(paid - refunded)}`,
      ]),
    );
  });

  it('selects one payment or one refund', async () => {
    const venue = await t.db.payment.findFirstOrThrow({
      where: { appointmentId: booking.id, kind: 'BALANCE' },
    });
    const refund = await t.db.refund.findFirstOrThrow({ where: { paymentId: { not: venue.id } } });
    const one = await receipt(`?paymentId=${venue.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-disposition']).toContain(`receipt-${invoiceNumber}-${venue.id}.pdf`);
    const lines = await pdfLines(one.rawPayload);
    expect(lines).toContain('March 8, 2027 At the venue €60.00');
    expect(lines).toContain('Paid €60.00');
    expect(lines.some((line) => line.includes('€20.00'))).toBe(false);
    const back = await pdfLines((await receipt(`?refundId=${refund.id}`)).rawPayload);
    expect(back).toContain('March 10, 2027 Refund (Card) -€5.00');
    expect(back).toContain('Refunded -€5.00');
    // A payment or refund that is not this booking's, or both at once.
    expect((await receipt(`?paymentId=${refund.id}`)).statusCode).toBe(404);
    expect((await receipt(`?refundId=${venue.id}`)).statusCode).toBe(404);
    expect((await receipt(`?paymentId=${venue.id}&refundId=${refund.id}`)).statusCode).toBe(400);
  });

  it('takes the manage token like the other manage routes, and nothing else', async () => {
    // The deprecated ?token= of links already sent (redacted from logs, log-redaction.ts).
    expect((await receipt(`?token=${booking.token}`, {})).statusCode).toBe(200);
    expect((await receipt('', { 'x-manage-token': 'x'.repeat(43) })).statusCode).toBe(404);
    expect((await receipt('', {})).statusCode).toBe(400);
    expect((await receipt('', { 'x-manage-token': booking.token }, other)).statusCode).toBe(404);
    expect((await receipt('?paymentId=nope')).statusCode).toBe(400);
    expect((await receipt('?token=a%00bcdefghijklmnopqrstuvwxyz', {})).statusCode).toBe(400);
  });

  it('answers 404 when nothing was paid', async () => {
    const { held } = cardBookings(() => ({ app: t.app, tenant, stripe }));
    const unpaid = await held(serviceId, '2027-03-16T10:00:00Z');
    const response = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/appointments/${unpaid.id}/receipt.pdf`,
      headers: { 'x-manage-token': unpaid.token },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
