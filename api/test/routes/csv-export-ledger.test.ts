import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/exports/ledger.csv: a period's ledger rows as a streamed CSV file, parsed
// back here and compared with the table row by row. The volume (2,500 rows: three batches of
// 1,000) is inserted with generate_series; a few rows by hand carry the cases worth naming.
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

// 27–29 March 2027 in Berlin: from 26 March 23:00 UTC (CET, +1) to 29 March 22:00 UTC (CEST, +2:
// the clocks go from 02:00 to 03:00 on the 28th).
const PERIOD = 'startDate=2027-03-27&endDate=2027-03-29';
const FROM = new Date('2027-03-26T23:00:00Z');
const TO = new Date('2027-03-29T22:00:00Z');
const EXPORT_URL = `/v1/tenant-admin/exports/ledger.csv?${PERIOD}`;
const VOLUME = 2_500;

const COLUMNS = [
  'id',
  'occurredAt',
  'occurredLocal',
  'kind',
  'amountCents',
  'amount',
  'currency',
  'appointmentId',
  'paymentId',
  'refundId',
  'stripeObjectId',
  'stripeBalanceTransactionId',
];

/** The hand-made rows of tenant A: name → id. */
const named: Record<string, string> = {};

async function appointmentOf(owner: CreatedTenant): Promise<string> {
  const { serviceId } = await bookableService(t.app, owner);
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, '2027-03-15T10:00:00Z', { overrideRules: true }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id;
}

/** `count` BALANCE_VENUE rows from `start`, two per minute (so pairs share an instant and sort by id). */
async function insertVolume(owner: CreatedTenant, appointmentId: string, count: number, start: string) {
  await t.db.$executeRaw`
    INSERT INTO ledger_entries ("tenantId", "appointmentId", kind, "amountCents", currency, "occurredAt")
    SELECT ${owner.tenant.id}::uuid, ${appointmentId}::uuid, 'BALANCE_VENUE', 100 + g, 'EUR',
           ${new Date(start)}::timestamptz + (g / 2) * interval '1 minute'
      FROM generate_series(1, ${count}::int) g`;
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const appointmentId = await appointmentOf(tenant);
  await insertVolume(tenant, appointmentId, VOLUME, '2027-03-27T00:00:00Z');
  const hand = {
    firstInstant: { kind: 'STRIPE_FEE', amountCents: -45, currency: 'EUR', stripe: 'txn_fee1', at: FROM },
    beforeChange: {
      kind: 'BALANCE_VENUE',
      amountCents: 5,
      currency: 'EUR',
      stripe: null,
      at: '2027-03-28T00:30:00Z',
    },
    afterChange: {
      kind: 'REFUND',
      amountCents: -150,
      currency: 'EUR',
      stripe: 're_eur1',
      at: '2027-03-28T01:30:00Z',
    },
    yen: {
      kind: 'CHARGE',
      amountCents: 1500,
      currency: 'JPY',
      stripe: 'ch_jpy1',
      at: '2027-03-28T01:30:00Z',
    },
    lastInstant: {
      kind: 'REFUND',
      amountCents: -300,
      currency: 'JPY',
      stripe: 're_jpy1',
      at: '2027-03-29T21:59:59.999Z',
    },
    before: {
      kind: 'CHARGE',
      amountCents: 700,
      currency: 'EUR',
      stripe: 'ch_early',
      at: '2027-03-26T22:59:59.999Z',
    },
    after: { kind: 'CHARGE', amountCents: 800, currency: 'EUR', stripe: 'ch_late', at: TO },
  } as const;
  for (const [name, row] of Object.entries(hand)) {
    const created = await t.db.ledgerEntry.create({
      data: {
        tenantId: tenant.tenant.id,
        appointmentId,
        kind: row.kind,
        amountCents: row.amountCents,
        currency: row.currency,
        stripeObjectId: row.stripe,
        stripeBalanceTransactionId: row.stripe?.startsWith('txn_') ? row.stripe : null,
        occurredAt: new Date(row.at),
      },
    });
    named[name] = created.id;
  }
  await insertVolume(other, await appointmentOf(other), 3, '2027-03-28T12:00:00Z');
});
afterAll(() => t.close());

function exportOf(owner: CreatedTenant, url = EXPORT_URL, headers: Record<string, string> = {}) {
  return admin(t.app, owner, { method: 'GET', url, headers });
}

function rowsOf(body: string): string[][] {
  return parse(body, { relax_column_count: false }) as string[][];
}

/** The wall clock in Berlin, "YYYY-MM-DD HH:mm", by Intl (the export uses luxon). */
const berlin = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'short',
  timeStyle: 'short',
});

describe('GET /v1/tenant-admin/exports/ledger.csv', () => {
  it('answers a CSV attachment that is not cached', async () => {
    const response = await exportOf(tenant);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="ledger-2027-03-27-2027-03-29.csv"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("holds every row of the period, oldest first, each as the table has it, and no other tenant's", async () => {
    const response = await exportOf(tenant);
    const [header, ...rows] = rowsOf(response.body);
    expect(header).toEqual(COLUMNS);
    const stored = await t.db.ledgerEntry.findMany({
      where: { tenantId: tenant.tenant.id, occurredAt: { gte: FROM, lt: TO } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    expect(stored).toHaveLength(VOLUME + 5);
    expect(rows).toHaveLength(stored.length);
    stored.forEach((row, index) => {
      const digits = row.currency === 'JPY' ? 0 : 2;
      expect(rows[index], `row ${index + 1}`).toEqual([
        row.id,
        row.occurredAt.toISOString(),
        berlin.format(row.occurredAt),
        row.kind,
        String(row.amountCents),
        (row.amountCents / 10 ** digits).toFixed(digits),
        row.currency,
        row.appointmentId,
        row.paymentId ?? '',
        row.refundId ?? '',
        row.stripeObjectId ?? '',
        row.stripeBalanceTransactionId ?? '',
      ]);
    });
    const others = await t.db.ledgerEntry.findMany({ where: { tenantId: other.tenant.id } });
    for (const row of others) expect(response.body).not.toContain(row.id);
    expect(response.body).not.toContain(named.before);
    expect(response.body).not.toContain(named.after);
  });

  it('writes signed amounts in major units by the currency’s digits, and local times across the change', async () => {
    const rows = rowsOf((await exportOf(tenant)).body);
    const byId = (name: string) => rows.find((row) => row[0] === named[name])!;
    // occurredLocal, amountCents, amount, currency
    const pick = (row: string[]) => [row[2], row[4], row[5], row[6]];
    expect(pick(byId('firstInstant'))).toEqual(['2027-03-27 00:00', '-45', '-0.45', 'EUR']);
    expect(pick(byId('beforeChange'))).toEqual(['2027-03-28 01:30', '5', '0.05', 'EUR']);
    expect(pick(byId('afterChange'))).toEqual(['2027-03-28 03:30', '-150', '-1.50', 'EUR']);
    expect(pick(byId('yen'))).toEqual(['2027-03-28 03:30', '1500', '1500', 'JPY']);
    expect(pick(byId('lastInstant'))).toEqual(['2027-03-29 23:59', '-300', '-300', 'JPY']);
    expect(rows[1]![0]).toBe(named.firstInstant);
    expect(rows.at(-1)![0]).toBe(named.lastInstant);
  });

  it('ends every line with CRLF and starts with the BOM only when asked', async () => {
    const plain = await exportOf(tenant);
    expect(plain.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(plain.body.startsWith('id,occurredAt,')).toBe(true);
    expect(plain.body.endsWith('\r\n')).toBe(true);
    expect(plain.body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);

    const withBom = await exportOf(tenant, `${EXPORT_URL}&bom=true`);
    expect(withBom.statusCode).toBe(200);
    expect(withBom.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.rawPayload.subarray(3).equals(plain.rawPayload)).toBe(true);
  });

  it('compresses the stream for a client that accepts gzip', async () => {
    const plain = await exportOf(tenant);
    const zipped = await exportOf(tenant, EXPORT_URL, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it("exports only the caller's rows", async () => {
    const [, ...rows] = rowsOf((await exportOf(other)).body);
    const stored = await t.db.ledgerEntry.findMany({ where: { tenantId: other.tenant.id } });
    expect(rows.map((row) => row[0]).sort()).toEqual(stored.map((row) => row.id).sort());
  });

  it('answers an empty period with the header alone', async () => {
    const response = await exportOf(
      tenant,
      '/v1/tenant-admin/exports/ledger.csv?startDate=2030-01-01&endDate=2030-01-01',
    );
    expect(response.body).toBe(`${COLUMNS.join(',')}\r\n`);
  });

  it.each([
    ['endDate before startDate', 'startDate=2027-03-29&endDate=2027-03-27', 'endDate'],
    ['94 days', 'startDate=2027-01-01&endDate=2027-04-04', 'endDate'],
    ['no such day', 'startDate=2027-02-30&endDate=2027-03-01', 'startDate'],
    ['year 0', 'startDate=0000-01-01&endDate=2027-03-01', 'startDate'],
    ['a bom other than true or false', `${PERIOD}&bom=yes`, 'bom'],
    ['an unknown parameter', `${PERIOD}&limit=5`, ''],
  ])('answers 400 validation_failed before streaming: %s', async (_, query, field) => {
    const response = await exportOf(tenant, `/v1/tenant-admin/exports/ledger.csv?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBeUndefined();
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    if (field) expect(error.details.map((detail: { path: string }) => detail.path)).toContain(field);
  });

  it('answers 401 without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: EXPORT_URL });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBeDefined();
  });
});
