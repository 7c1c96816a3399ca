import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { pdfLines } from '../helpers/pdf-text.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Invoices: issued with a booking's first money (card or venue), listed, drawn as PDF with the
// tenant's invoice settings. Monday 1 March 2027; providers work 09:00–17:00 Berlin.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let other: CreatedTenant;
let depositServiceId: string;
let venueServiceId: string;

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Uno' });
  other = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);
  ({ serviceId: depositServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'DEPOSIT', depositCents: 2000 },
  }));
  ({ serviceId: venueServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 4550 },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const get = (url: string, owner = tenant) => admin(t.app, owner, { method: 'GET', url });
const settings = (payload: unknown) =>
  admin(t.app, tenant, {
    method: 'PATCH',
    url: '/v1/tenant-admin/settings/invoicing',
    payload: payload as object,
  });

async function paidAtVenue(start: string, serviceId = venueServiceId): Promise<string> {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start),
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().appointment.id as string;
  const collected = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/collect-balance`,
    payload: { method: 'venue' },
  });
  expect(collected.statusCode, collected.body).toBe(200);
  return id;
}

/** Tax figures computed here, apart from the domain code: rate r of amount a, halves up. */
function expectedTax(amount: number, rateBp: number, inclusive: boolean) {
  const tax = inclusive
    ? Math.round((amount * rateBp) / (10_000 + rateBp))
    : Math.round((amount * rateBp) / 10_000);
  return inclusive
    ? { subtotalCents: amount - tax, taxCents: tax, totalCents: amount }
    : { subtotalCents: amount, taxCents: tax, totalCents: amount + tax };
}

describe('invoice settings', () => {
  it('default to the tenant name and no tax, and change field by field', async () => {
    const initial = await get('/v1/tenant-admin/settings/invoicing');
    expect(initial.json()).toMatchObject({
      legalName: 'Studio Uno',
      address: null,
      taxId: null,
      taxRateBasisPoints: 0,
      taxInclusive: true,
      logo: null,
    });
    const changed = await settings({
      legalName: 'Studio Uno GmbH',
      address: 'Hauptstraße 1\n10115 Berlin',
      taxId: 'DE123456789',
      taxRateBasisPoints: 1900,
      logo: { dataBase64: PNG_BASE64 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      legalName: 'Studio Uno GmbH',
      taxRateBasisPoints: 1900,
      taxInclusive: true,
      logo: { type: 'image/png', bytes: Buffer.from(PNG_BASE64, 'base64').byteLength },
    });
    const stored = await t.db.invoiceSettings.findUniqueOrThrow({ where: { tenantId: tenant.tenant.id } });
    expect(Buffer.from(stored.logo!).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    // Another tenant's settings are its own.
    expect((await get('/v1/tenant-admin/settings/invoicing', other)).json().legalName).not.toBe(
      'Studio Uno GmbH',
    );
  });

  it('refuse logos that are not PNG or JPEG, too large, broken or not base64, and rates out of range', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64');
    const huge = Buffer.concat([Buffer.from(PNG_BASE64, 'base64'), Buffer.alloc(256 * 1024)]).toString(
      'base64',
    );
    const truncated = Buffer.from(PNG_BASE64, 'base64').subarray(0, 30).toString('base64');
    for (const body of [
      { logo: { dataBase64: gif } },
      { logo: { dataBase64: huge } },
      { logo: { dataBase64: truncated } },
      { logo: { dataBase64: 'not base64!' } },
      { logo: { url: 'https://example.com/logo.png' } },
      { taxRateBasisPoints: 10_001 },
      { taxRateBasisPoints: -1 },
      { taxRateBasisPoints: 19.5 },
      { legalName: 'a\u0000b' },
      { address: '\ud800' },
      {},
    ]) {
      const response = await settings(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await get('/v1/tenant-admin/settings/invoicing')).json().logo.type).toBe('image/png');
  });
});

describe('issuing and listing', () => {
  let cardId: string;
  let venueId: string;

  it('a card deposit issues the invoice (the whole price), the balance later issues none', async () => {
    const booking = await cards.paid(depositServiceId, '2027-03-08T10:00:00Z');
    cardId = booking.id;
    const invoices = await t.db.invoice.findMany({ where: { appointmentId: cardId } });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      ...expectedTax(8000, 1900, true),
      currency: 'EUR',
      taxRateBasisPoints: 1900,
    });
    await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${cardId}/collect-balance`,
      payload: { method: 'venue' },
    });
    expect(await t.db.invoice.count({ where: { appointmentId: cardId } })).toBe(1);
  });

  it('a change of tax applies to invoices issued after it, not before', async () => {
    expect((await settings({ taxInclusive: false, taxRateBasisPoints: 700 })).statusCode).toBe(200);
    clock.now = new Date('2027-03-03T09:00:00Z');
    venueId = await paidAtVenue('2027-03-09T10:00:00Z');
    const [card, venue] = await Promise.all([
      t.db.invoice.findFirstOrThrow({ where: { appointmentId: cardId } }),
      t.db.invoice.findFirstOrThrow({ where: { appointmentId: venueId } }),
    ]);
    expect(card).toMatchObject(expectedTax(8000, 1900, true));
    expect(venue).toMatchObject({ ...expectedTax(4550, 700, false), taxInclusive: false });
    expect(venue.number).toBe(card.number + 1);
  });

  it("lists invoices a page at a time, by period of issue in the tenant's zone", async () => {
    const all = await get('/v1/tenant-admin/invoices');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().data.map((invoice: { appointmentId: string }) => invoice.appointmentId)).toEqual([
      cardId,
      venueId,
    ]);
    expect(all.json().data[1]).toMatchObject({
      number: 2,
      appointmentId: venueId,
      currency: 'EUR',
      ...expectedTax(4550, 700, false),
      clientName: 'Ada Client',
      clientEmail: 'ada@example.com',
      lines: [{ kind: 'service', description: 'Cut', quantity: 1, amountCents: 4550 }],
      appointmentStatus: 'CONFIRMED',
      paymentStatus: 'PAID',
    });
    const first = await get('/v1/tenant-admin/invoices?limit=1');
    expect(first.json().data).toHaveLength(1);
    const second = await get(`/v1/tenant-admin/invoices?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json()).toMatchObject({ data: [{ appointmentId: venueId }], nextCursor: null });
    // Issued 1 March 07:00Z and 3 March 09:00Z (Berlin: 08:00 and 10:00 the same days).
    const onThird = await get('/v1/tenant-admin/invoices?startDate=2027-03-03&endDate=2027-03-03');
    expect(onThird.json().data.map((invoice: { number: number }) => invoice.number)).toEqual([2]);
    expect((await get('/v1/tenant-admin/invoices', other)).json().data).toEqual([]);
    for (const query of [
      'startDate=2027-03-03',
      'startDate=2027-03-05&endDate=2027-03-01',
      'cursor=abc',
      'limit=0',
    ]) {
      expect((await get(`/v1/tenant-admin/invoices?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('draws the invoice as PDF at …/:id/pdf and …/:id.pdf, with number, lines and totals', async () => {
    const invoice = await t.db.invoice.findFirstOrThrow({ where: { appointmentId: venueId } });
    const a = await get(`/v1/tenant-admin/invoices/${invoice.id}/pdf`);
    const b = await get(`/v1/tenant-admin/invoices/${invoice.id}.pdf`);
    for (const response of [a, b]) {
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="invoice-${invoice.number}.pdf"`,
      );
    }
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    const lines = await pdfLines(a.rawPayload);
    const { taxCents, totalCents } = expectedTax(4550, 700, false);
    const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;
    expect(lines).toEqual(
      expect.arrayContaining([
        'Studio Uno GmbH',
        'Hauptstraße 1',
        '10115 Berlin',
        'Tax ID: DE123456789',
        `Invoice ${invoice.number}`,
        `Invoice number: ${invoice.number}`,
        'Date: March 3, 2027',
        'Billed to: Ada Client <ada@example.com>',
        'Description Qty Amount',
        'Cut 1 €45.50',
        'Subtotal €45.50',
        `Tax 7 % ${euros(taxCents)}`,
        `Total ${euros(totalCents)}`,
      ]),
    );
    // The logo is drawn from the stored bytes: the PDF embeds an image.
    expect(a.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it("answers 404 for another tenant's invoice or an unknown id, 400 for a bad id", async () => {
    const invoice = await t.db.invoice.findFirstOrThrow({ where: { appointmentId: venueId } });
    expect((await get(`/v1/tenant-admin/invoices/${invoice.id}/pdf`, other)).statusCode).toBe(404);
    expect((await get(`/v1/tenant-admin/invoices/${invoice.id}.pdf`, other)).statusCode).toBe(404);
    expect((await get('/v1/tenant-admin/invoices/00000000-0000-4000-8000-000000000000.pdf')).statusCode).toBe(
      404,
    );
    expect((await get('/v1/tenant-admin/invoices/not-a-uuid/pdf')).statusCode).toBe(400);
    expect((await get('/v1/tenant-admin/invoices/%00.pdf')).statusCode).toBe(400);
  });
});
