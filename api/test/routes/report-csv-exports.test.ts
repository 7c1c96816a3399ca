import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { generateReportData, insertAppointments, insertLedger, seeded } from '../helpers/report-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/exports/reports/{revenue,services,providers}.csv: each report as a CSV file,
// parsed back with csv-parse and compared with the JSON report of the same query (whose figures
// the report tests check against sums of the inserted rows) and with the ledger rows themselves.
const { read } = testClock('2027-03-20T08:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let ledgerNet: Record<string, number>;

const PERIOD = 'startDate=2027-03-01&endDate=2027-04-30';
const get = (url: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin${url}` });

async function csv(name: string, query: string, owner = tenant) {
  const response = await get(`/exports/reports/${name}.csv?${query}`, owner);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  const records = parse(response.body, { columns: true }) as Array<Record<string, string>>;
  const header = (parse(response.body, { to_line: 1 }) as string[][])[0]!;
  return { response, records, header };
}

async function seed(owner: CreatedTenant, seed: number) {
  const cut = await bookableService(t.app, owner, {
    service: { name: '=HYPERLINK("http://evil.example")', priceBaseCents: 5_000 },
  });
  await admin(t.app, owner, {
    method: 'PATCH',
    url: `/v1/tenant-admin/providers/${cut.providerIds[0]}`,
    payload: { name: '+49 30 1234567' },
  });
  const colour = await bookableService(t.app, owner, {
    service: { name: 'Colour, "deluxe"', priceBaseCents: 8_000, currency: 'USD' },
  });
  const data = generateReportData(seeded(seed), {
    count: 40,
    first: new Date('2027-03-26T22:00:00Z'),
    services: [
      { id: cut.serviceId, currency: 'EUR', priceCents: 5_000 },
      { id: colour.serviceId, currency: 'USD', priceCents: 8_000 },
    ],
    providerIds: [...cut.providerIds, ...colour.providerIds],
  });
  await insertAppointments(t.db, owner.tenant.id, data.appointments, read());
  await insertLedger(t.db, owner.tenant.id, data.ledger);
  return data;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const { ledger } = await seed(tenant, 21);
  await seed(other, 22);
  ledgerNet = {};
  // All the appointments start in March or on 1–2 April: every row is in the period, service basis.
  for (const row of ledger) ledgerNet[row.currency] = (ledgerNet[row.currency] ?? 0) + row.amountCents;
});
afterAll(async () => {
  await t.close();
});

describe('GET /v1/tenant-admin/exports/reports/*.csv', () => {
  it('revenue.csv: a row per currency and bucket, the JSON report’s figures, netting to the ledger', async () => {
    const query = `${PERIOD}&interval=week&basis=service`;
    const { records, header, response } = await csv('revenue', query);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="revenue-service-2027-03-01-2027-04-30.csv"',
    );
    expect(header.slice(0, 4)).toEqual(['currency', 'bucketStart', 'basis', 'interval']);
    const json = (await get(`/reports/revenue?${query}`)).json();
    const expected = json.currencies.flatMap(
      (c: { currency: string; buckets: Array<Record<string, number | string>> }) =>
        c.buckets.map(({ start, ...figures }) => ({
          currency: c.currency,
          bucketStart: start,
          basis: 'service',
          interval: 'week',
          ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, String(v)])),
        })),
    );
    expect(records).toEqual(expected);
    for (const currency of ['EUR', 'USD']) {
      const net = records.filter((r) => r.currency === currency).reduce((s, r) => s + Number(r.netCents), 0);
      expect(net, currency).toBe(ledgerNet[currency]);
    }
  });

  it('services.csv: the JSON report’s lines, names guarded against formulas and quoted', async () => {
    const { records, header } = await csv('services', PERIOD);
    expect(header).toEqual([
      'serviceId',
      'serviceName',
      'currency',
      'bookings',
      'completed',
      'cancelledByClient',
      'cancelledByAdmin',
      'noShows',
      'revenueCents',
      'revenue',
      'averagePriceCents',
      'averagePrice',
    ]);
    const json = (await get(`/reports/services?${PERIOD}`)).json();
    expect(records).toHaveLength(json.services.length);
    for (const [i, line] of json.services.entries()) {
      const record = records[i]!;
      expect(record.serviceId).toBe(line.serviceId);
      for (const field of [
        'bookings',
        'completed',
        'cancelledByClient',
        'cancelledByAdmin',
        'noShows',
        'revenueCents',
      ]) {
        expect(record[field], field).toBe(String(line[field]));
      }
      expect(record.averagePriceCents).toBe(
        line.averagePriceCents === null ? '' : String(line.averagePriceCents),
      );
      // Integer arithmetic: 12345 cents are "123.45".
      expect(record.revenue).toBe((line.revenueCents / 100).toFixed(2));
    }
    expect(records.map((r) => r.serviceName).sort()).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      'Colour, "deluxe"',
    ]);
    const net = records.reduce(
      (s, r) => ({ ...s, [r.currency!]: (s[r.currency!] ?? 0) + Number(r.revenueCents) }),
      {} as Record<string, number>,
    );
    expect(net).toEqual(ledgerNet);
  });

  it('providers.csv: a row per provider and currency, an empty currency for a provider without money', async () => {
    const { records } = await csv('providers', PERIOD);
    const json = (await get(`/reports/providers?${PERIOD}`)).json();
    const expected = json.providers.flatMap(
      (
        p: { revenue: Array<{ currency: string; revenueCents: number }>; providerName: string } & Record<
          string,
          unknown
        >,
      ) =>
        (p.revenue.length ? p.revenue : [null]).map((money) => ({
          providerId: p.providerId,
          providerName: p.providerName.startsWith('+') ? `'${p.providerName}` : p.providerName,
          currency: money?.currency ?? '',
          revenueCents: money ? String(money.revenueCents) : '',
          revenue: money ? (money.revenueCents / 100).toFixed(2) : '',
          bookedHours: String(p.bookedHours),
          availableHours: String(p.availableHours),
          utilisationPercent: p.utilisationPercent === null ? '' : String(p.utilisationPercent),
          bookings: String(p.bookings),
          noShows: String(p.noShows),
          noShowPercent: p.noShowPercent === null ? '' : String(p.noShowPercent),
        })),
    );
    expect(records).toEqual(expected);
    expect(records.some((r) => r.providerName === "'+49 30 1234567")).toBe(true);
    const net = records.reduce(
      (s, r) => (r.currency ? { ...s, [r.currency]: (s[r.currency] ?? 0) + Number(r.revenueCents) } : s),
      {} as Record<string, number>,
    );
    expect(net).toEqual(ledgerNet);
  });

  it('starts with the BOM only when asked, and holds only the caller’s rows', async () => {
    const plain = await get(`/exports/reports/services.csv?${PERIOD}`);
    const bom = await get(`/exports/reports/services.csv?${PERIOD}&bom=true`);
    expect(plain.rawPayload[0]).toBe(0x73); // "s" of serviceId
    expect([...bom.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const mine = new Set((await csv('services', PERIOD)).records.map((r) => r.serviceId));
    const theirs = (await csv('services', PERIOD, other)).records;
    expect(theirs.length).toBeGreaterThan(0);
    for (const record of theirs) expect(mine.has(record.serviceId!)).toBe(false);
  });

  it.each([
    ['revenue', 'startDate=2027-03-01&endDate=2027-07-01&interval=day'],
    ['revenue', 'startDate=2027-03-01&endDate=2027-03-31&bom=yes'],
    ['services', 'startDate=2027-03-02&endDate=2027-03-01'],
    ['services', 'startDate=2027-13-01&endDate=2027-03-01'],
    ['providers', 'startDate=2027-01-01&endDate=2028-01-02'],
    ['providers', 'startDate=2027-03-01&endDate=2027-03-31&basis=cash'],
  ])('%s.csv answers 400, not a file, to %s', async (name, query) => {
    const response = await get(`/exports/reports/${name}.csv?${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});
