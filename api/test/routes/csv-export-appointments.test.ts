import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../src/adapters/db/tenant-scope.ts';
import { periodOfDays } from '../../src/domain/ledger/period.ts';
import { amountDue } from '../../src/domain/payments/amount-due.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/exports/appointments.csv: the appointments starting in a period, as a
// streamed CSV file, parsed back here and compared with the table. The clients' names carry what
// breaks naive CSV (a comma, quotes, a line break) and what a spreadsheet would run (a formula).
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

// 27–29 March 2027 in Berlin; the clocks go from 02:00 to 03:00 on the 28th.
const PERIOD = { startDate: '2027-03-27', endDate: '2027-03-29' };
const EXPORT_URL = `/v1/tenant-admin/exports/appointments.csv?startDate=${PERIOD.startDate}&endDate=${PERIOD.endDate}`;
const FROM = new Date('2027-03-26T23:00:00Z');
const TO = new Date('2027-03-29T22:00:00Z');

const COLUMNS = [
  'id',
  'startLocal',
  'startTimeUtc',
  'endTimeUtc',
  'status',
  'paymentStatus',
  'serviceId',
  'serviceName',
  'providerId',
  'providerName',
  'clientName',
  'clientEmail',
  'clientPhone',
  'seats',
  'currency',
  'totalAmountCents',
  'paidCents',
  'refundedCents',
  'amountDueCents',
  'createdAt',
];

const MULTILINE = 'Doe, "Jo"\nSecond line';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const ids: Record<string, string> = {};

async function book(owner: CreatedTenant, start: string, client: Record<string, string>) {
  const { serviceId, providerIds } = await services.get(owner)!;
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start, { client, providerId: providerIds[0], overrideRules: true }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
}
const services = new Map<CreatedTenant, { serviceId: string; providerIds: string[] }>();

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  services.set(tenant, await bookableService(t.app, tenant, { service: { name: '-Colour, cut' } }));
  services.set(other, await bookableService(t.app, other));
  const ada = { name: 'Ada Client', email: 'ada@example.com' };
  ids.multiline = await book(tenant, '2027-03-28T00:30:00Z', {
    name: MULTILINE,
    email: 'jo@example.com',
    phone: '+49 30 1234567',
  });
  ids.formula = await book(tenant, '2027-03-28T01:30:00Z', { name: FORMULA, email: 'x@example.com' });
  ids.first = await book(tenant, FROM.toISOString(), ada);
  ids.cancelled = await book(tenant, '2027-03-27T10:00:00Z', ada);
  ids.last = await book(tenant, '2027-03-29T21:00:00Z', ada);
  ids.before = await book(tenant, '2027-03-26T21:00:00Z', ada);
  ids.after = await book(tenant, TO.toISOString(), ada);
  const cancel = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${ids.cancelled}/cancel`,
    payload: { reason: 'Ill' },
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
  ids.others = await book(other, '2027-03-28T10:00:00Z', ada);
});
afterAll(() => t.close());

function rowsOf(body: string): string[][] {
  return parse(body) as string[][];
}

/** OWASP's guard, written again here: text starting with = + - @ tab or CR gets an apostrophe. */
const guarded = (text: string | null) =>
  text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : (text ?? '');

const berlin = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'short',
  timeStyle: 'short',
});

describe('GET /v1/tenant-admin/exports/appointments.csv', () => {
  it('holds every appointment starting in the period, by start, each as the table has it', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: EXPORT_URL });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="appointments-2027-03-27-2027-03-29.csv"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = rowsOf(response.body);
    expect(header).toEqual(COLUMNS);
    const stored = await t.db.appointment.findMany({
      where: { tenantId: tenant.tenant.id, startTimeUtc: { gte: FROM, lt: TO } },
      orderBy: [{ startTimeUtc: 'asc' }, { id: 'asc' }],
      include: { service: true, provider: true },
    });
    expect(stored.map((row) => row.id)).toEqual([
      ids.first,
      ids.cancelled,
      ids.multiline,
      ids.formula,
      ids.last,
    ]);
    expect(rows).toHaveLength(stored.length);
    stored.forEach((row, index) => {
      expect(rows[index], `row ${index + 1}`).toEqual([
        row.id,
        berlin.format(row.startTimeUtc),
        row.startTimeUtc.toISOString(),
        row.endTimeUtc.toISOString(),
        row.status,
        row.paymentStatus,
        row.serviceId,
        guarded(row.service.name),
        row.providerId ?? '',
        guarded(row.provider?.name ?? null),
        guarded(row.clientName),
        guarded(row.clientEmail),
        guarded(row.clientPhone),
        String(row.seats),
        row.currency,
        String(row.totalAmountCents),
        String(row.paidCents),
        String(row.refundedCents),
        String(amountDue(row)),
        row.createdAt.toISOString(),
      ]);
    });
    expect(response.body).not.toContain(ids.before);
    expect(response.body).not.toContain(ids.after);
    expect(response.body).not.toContain(ids.others);
  });

  it('keeps commas, quotes and line breaks inside one field, and defuses formulas', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: EXPORT_URL });
    const rows = rowsOf(response.body);
    const row = (id: string) => rows.find((cells) => cells[0] === id)!;
    const column = (name: string) => COLUMNS.indexOf(name);
    expect(row(ids.multiline!)[column('clientName')]).toBe(MULTILINE);
    expect(response.body).toContain('"Doe, ""Jo""\nSecond line"');
    expect(row(ids.multiline!)[column('clientPhone')]).toBe("'+49 30 1234567");
    expect(row(ids.multiline!)[column('startLocal')]).toBe('2027-03-28 01:30');
    expect(row(ids.formula!)[column('clientName')]).toBe(`'${FORMULA}`);
    expect(row(ids.formula!)[column('startLocal')]).toBe('2027-03-28 03:30');
    expect(row(ids.formula!)[column('serviceName')]).toBe("'-Colour, cut");
    expect(row(ids.formula!)[column('clientPhone')]).toBe('');
    // A confirmed booking owes its price; a cancelled one nothing.
    expect(row(ids.formula!)[column('amountDueCents')]).toBe('5000');
    expect(row(ids.cancelled!)[column('status')]).toBe('CANCELLED');
    expect(row(ids.cancelled!)[column('amountDueCents')]).toBe('0');
  });

  it('starts with the BOM when asked', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: `${EXPORT_URL}&bom=true` });
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rowsOf(response.body.slice(1))[0]).toEqual(COLUMNS);
  });

  it('reads in keyset batches that neither skip nor repeat a row', async () => {
    const exports = forTenant(t.db, tenant.tenant.id).exports;
    const period = periodOfDays(PERIOD, 'Europe/Berlin');
    for (const batchSize of [1, 2, 5, 1_000]) {
      const seen: string[] = [];
      for await (const row of exports.appointments(period, batchSize)) seen.push(row.id);
      expect(seen, `batches of ${batchSize}`).toEqual([
        ids.first,
        ids.cancelled,
        ids.multiline,
        ids.formula,
        ids.last,
      ]);
    }
  });

  it("exports only the caller's appointments", async () => {
    const response = await admin(t.app, other, { method: 'GET', url: EXPORT_URL });
    const [, ...rows] = rowsOf(response.body);
    expect(rows.map((row) => row[0])).toEqual([ids.others]);
  });

  it('answers 400 for a period of more than 93 days, and 401 without a key', async () => {
    const long = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/exports/appointments.csv?startDate=2027-01-01&endDate=2027-04-04',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'endDate' }] });
    const anonymous = await t.app.inject({ method: 'GET', url: EXPORT_URL });
    expect(anonymous.statusCode).toBe(401);
  });
});
