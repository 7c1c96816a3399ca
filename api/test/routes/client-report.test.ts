import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus, LedgerEntryKind } from '../../src/generated/prisma/enums.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService } from '../helpers/booking-fixtures.ts';
import { forTenant } from '../../src/adapters/db/tenant-scope.ts';
import { exportClientReport } from '../../src/use-cases/client-report.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/reports/clients and its CSV: a generated data set of two tenants in
// Europe/Berlin (repeat clients, a client's email in two cases and under two names, refunds,
// no-shows, cancellations, EUR and USD, appointments on both sides of March's first and last
// midnights and on 28 March 2027, when the clocks go forward), inserted directly; every figure
// the route answers is compared with one added up here from the inserted rows.
const ZONE = 'Europe/Berlin';
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

interface Appt {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  status: AppointmentStatus;
  start: Date;
  createdAt: Date;
}
interface Money {
  tenantId: string;
  appointmentId: string;
  currency: string;
  amountCents: number;
}
const appointments: Appt[] = [];
const ledger: Money[] = [];

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let serial = 0;
async function addAppointments(
  owner: CreatedTenant,
  rows: Array<{ email: string; name: string; status: AppointmentStatus; start: string; createdAt?: string }>,
) {
  const { serviceId, providerIds } = await bookableService(t.app, owner);
  const data = rows.map((row) => {
    const start = new Date(row.start);
    const end = new Date(start.getTime() + 30 * 60_000);
    serial += 1;
    return {
      tenantId: owner.tenant.id,
      serviceId,
      // Live bookings hold their provider's time; the others need no provider.
      providerId: row.status === 'CONFIRMED' ? providerIds[0]! : null,
      clientName: row.name,
      clientEmail: row.email,
      clientTimezone: ZONE,
      startTimeUtc: start,
      endTimeUtc: end,
      occupiedStartUtc: start,
      occupiedEndUtc: end,
      sessionKey: `client-report-${serial}`,
      status: row.status,
      currency: 'EUR',
      totalAmountCents: 5_000,
      manageTokenHash: `hash-${serial}`,
      createdAt: new Date(row.createdAt ?? '2027-01-01T00:00:00Z'),
    };
  });
  const created = await t.db.appointment.createManyAndReturn({ data, select: { id: true } });
  created.forEach(({ id }, index) => {
    const row = data[index]!;
    appointments.push({
      id,
      tenantId: row.tenantId,
      email: row.clientEmail,
      name: row.clientName,
      status: row.status,
      start: row.startTimeUtc,
      createdAt: row.createdAt,
    });
  });
  return created.map(({ id }) => id);
}

const PREFIX: Record<LedgerEntryKind, string | null> = {
  CHARGE: 'ch_',
  DEPOSIT: 'ch_',
  BALANCE_CARD: 'ch_',
  BALANCE_VENUE: null,
  NO_SHOW_FEE: 'ch_',
  NO_SHOW_FEE_VENUE: null,
  REFUND: 're_',
  DISPUTE: 'dp_',
  DISPUTE_REVERSAL: 'dp_',
  STRIPE_FEE: 'txn_',
  PLATFORM_FEE: 'txn_',
};
async function addLedger(
  owner: CreatedTenant,
  rows: Array<{ appointmentId: string; kind: LedgerEntryKind; amountCents: number; currency: string }>,
) {
  if (rows.length === 0) return;
  await t.db.ledgerEntry.createMany({
    data: rows.map((row) => {
      serial += 1;
      const prefix = PREFIX[row.kind];
      const stripeObjectId = prefix === null ? null : `${prefix}clients${serial}`;
      return {
        ...row,
        tenantId: owner.tenant.id,
        stripeObjectId,
        stripeBalanceTransactionId: prefix === 'txn_' ? stripeObjectId : null,
        occurredAt: new Date('2027-03-15T12:00:00Z'),
      };
    }),
  });
  ledger.push(...rows.map((row) => ({ ...row, tenantId: owner.tenant.id })));
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);

  // Hand-picked: March's edges in Berlin, the DST day, a name change, an email in two cases,
  // and names and emails with % and _ in them.
  const [adaJan, adaFirst, adaDst, adaLast, adaApril, bob, bobx, carlaVisit, carlaNoShow, carlaCancel, dan] =
    await addAppointments(tenant, [
      { email: 'ada@example.com', name: 'Ada L', status: 'COMPLETED', start: '2027-01-10T09:00:00Z' },
      // 1 March 00:00 in Berlin (+1): the period's first instant.
      { email: 'Ada@Example.com', name: 'Ada L', status: 'COMPLETED', start: '2027-02-28T23:00:00Z' },
      // 28 March 03:30 CEST, just after the clocks went forward.
      { email: 'ada@example.com', name: 'Ada L', status: 'NO_SHOW', start: '2027-03-28T01:30:00Z' },
      // 31 March 23:59 CEST: the period's last minute.
      { email: 'ADA@example.com', name: 'Ada Lovelace', status: 'COMPLETED', start: '2027-03-31T21:59:00Z' },
      // 1 April 00:00 CEST: after the period, but it is her latest name and lifetime money.
      { email: 'ada@example.com', name: 'Ada King', status: 'CONFIRMED', start: '2027-03-31T22:00:00Z' },
      {
        email: 'bob_100%@example.org',
        name: '100% Bob_Smith',
        status: 'COMPLETED',
        start: '2027-03-10T10:00:00Z',
      },
      {
        email: 'bobx100a@example.org',
        name: 'Bobx Smithy',
        status: 'COMPLETED',
        start: '2027-03-11T10:00:00Z',
      },
      { email: 'carla@example.net', name: 'Carla', status: 'COMPLETED', start: '2027-03-02T10:00:00Z' },
      { email: 'carla@example.net', name: 'Carla', status: 'NO_SHOW', start: '2027-03-03T10:00:00Z' },
      { email: 'carla@example.net', name: 'Carla', status: 'CANCELLED', start: '2027-03-04T10:00:00Z' },
      // 28 February 23:59 in Berlin: before the period.
      { email: 'dan@example.net', name: 'Dan', status: 'COMPLETED', start: '2027-02-28T22:59:00Z' },
    ]);
  await addLedger(tenant, [
    { appointmentId: adaJan!, kind: 'CHARGE', amountCents: 4_000, currency: 'EUR' },
    { appointmentId: adaJan!, kind: 'STRIPE_FEE', amountCents: -150, currency: 'EUR' },
    { appointmentId: adaFirst!, kind: 'DEPOSIT', amountCents: 1_000, currency: 'EUR' },
    { appointmentId: adaFirst!, kind: 'BALANCE_VENUE', amountCents: 4_000, currency: 'EUR' },
    { appointmentId: adaFirst!, kind: 'REFUND', amountCents: -500, currency: 'EUR' },
    { appointmentId: adaDst!, kind: 'NO_SHOW_FEE', amountCents: 2_500, currency: 'USD' },
    { appointmentId: adaLast!, kind: 'CHARGE', amountCents: 6_000, currency: 'USD' },
    { appointmentId: adaLast!, kind: 'DISPUTE', amountCents: -6_000, currency: 'USD' },
    { appointmentId: adaApril!, kind: 'DEPOSIT', amountCents: 1_500, currency: 'EUR' },
    { appointmentId: bob!, kind: 'CHARGE', amountCents: 3_000, currency: 'EUR' },
    { appointmentId: bobx!, kind: 'CHARGE', amountCents: 3_300, currency: 'EUR' },
    { appointmentId: bobx!, kind: 'REFUND', amountCents: -3_300, currency: 'EUR' },
    { appointmentId: carlaVisit!, kind: 'CHARGE', amountCents: 5_000, currency: 'USD' },
    { appointmentId: carlaNoShow!, kind: 'NO_SHOW_FEE_VENUE', amountCents: 700, currency: 'EUR' },
    { appointmentId: carlaCancel!, kind: 'DEPOSIT', amountCents: 900, currency: 'EUR' },
    { appointmentId: carlaCancel!, kind: 'REFUND', amountCents: -900, currency: 'EUR' },
    { appointmentId: dan!, kind: 'CHARGE', amountCents: 8_000, currency: 'EUR' },
  ]);

  // Generated: 40 clients, 1–6 appointments each between 20 February and 10 April, statuses,
  // currencies and refunds drawn from a seeded generator.
  const next = random(11);
  const statuses: AppointmentStatus[] = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'NO_SHOW', 'CANCELLED'];
  const generated = [];
  for (let client = 0; client < 40; client++) {
    const count = 1 + Math.floor(next() * 6);
    for (let i = 0; i < count; i++) {
      const start = DateTime.fromISO('2027-02-20T06:00:00Z').plus({
        minutes: Math.floor(next() * 49 * 24 * 60),
      });
      generated.push({
        email: `client${String(client).padStart(2, '0')}@generated.test`,
        name: `Client ${String(client).padStart(2, '0')}${i % 2 ? ' Jr' : ''}`,
        status: statuses[Math.floor(next() * statuses.length)]!,
        start: start.toUTC().toISO()!,
      });
    }
  }
  const ids = await addAppointments(tenant, generated);
  const money: Parameters<typeof addLedger>[1] = [];
  for (const appointmentId of ids) {
    if (next() < 0.25) continue;
    const currency = next() < 0.7 ? 'EUR' : 'USD';
    const charged = 1_000 + Math.floor(next() * 9_000);
    money.push({ appointmentId, kind: 'CHARGE', amountCents: charged, currency });
    money.push({ appointmentId, kind: 'STRIPE_FEE', amountCents: -Math.ceil(charged * 0.03), currency });
    if (next() < 0.3)
      money.push({ appointmentId, kind: 'REFUND', amountCents: -Math.ceil(charged * next()), currency });
  }
  await addLedger(tenant, money);

  // Another tenant's Ada: same email, visits and money that must never reach the first tenant.
  const [otherAda, otherOnly] = await addAppointments(other, [
    { email: 'ada@example.com', name: 'Ada Elsewhere', status: 'COMPLETED', start: '2027-03-05T10:00:00Z' },
    { email: 'zed@example.com', name: 'Zed', status: 'COMPLETED', start: '2027-03-06T10:00:00Z' },
  ]);
  await addLedger(other, [
    { appointmentId: otherAda!, kind: 'CHARGE', amountCents: 99_000, currency: 'EUR' },
    { appointmentId: otherOnly!, kind: 'CHARGE', amountCents: 77_000, currency: 'CHF' },
  ]);
}, 60_000);
afterAll(async () => {
  await t.close();
});

// --- the report added up here ------------------------------------------------------------------

const localDate = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;

function expectedReport(owner: CreatedTenant, startDate: string, endDate: string, q?: string) {
  const mine = appointments.filter((a) => a.tenantId === owner.tenant.id);
  const inPeriod = (a: Appt) => localDate(a.start) >= startDate && localDate(a.start) <= endDate;
  const emails = [...new Set(mine.filter(inPeriod).map((a) => a.email.toLowerCase()))];
  const rows = emails.map((email) => {
    const all = mine.filter((a) => a.email.toLowerCase() === email);
    const latest = [...all].sort(
      (a, b) => b.start.getTime() - a.start.getTime() || b.createdAt.getTime() - a.createdAt.getTime(),
    )[0]!;
    const period = all.filter(inPeriod);
    const visits = all.filter((a) => a.status === 'COMPLETED').map((a) => a.start.getTime());
    const ids = new Set(all.map((a) => a.id));
    const byCurrency = new Map<string, number>();
    for (const row of ledger.filter((l) => l.tenantId === owner.tenant.id && ids.has(l.appointmentId))) {
      byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.amountCents);
    }
    return {
      email,
      name: latest.name,
      bookings: period.length,
      visits: period.filter((a) => a.status === 'COMPLETED').length,
      noShows: period.filter((a) => a.status === 'NO_SHOW').length,
      cancellations: period.filter((a) => a.status === 'CANCELLED').length,
      lifetimeVisits: visits.length,
      firstVisit: visits.length ? new Date(Math.min(...visits)).toISOString() : null,
      lastVisit: visits.length ? new Date(Math.max(...visits)).toISOString() : null,
      repeat: visits.length >= 2,
      lifetimeValue: [...byCurrency.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, netCents]) => ({ currency, netCents })),
    };
  });
  const needle = q?.toLowerCase();
  const kept = rows
    .filter((row) => !needle || row.name.toLowerCase().includes(needle) || row.email.includes(needle))
    .sort((a, b) => {
      const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
      return x < y ? -1 : x > y ? 1 : a.email < b.email ? -1 : 1;
    });
  const repeatClients = kept.filter((row) => row.repeat).length;
  return { rows: kept, clients: kept.length, repeatClients };
}

const report = (query: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/reports/clients?${query}` });

/** Every page of a query, following nextCursor; each page's totals must agree. */
async function allPages(query: string, limit: number, owner = tenant) {
  const rows = [];
  let cursor: string | null = null;
  let pages = 0;
  let first: { clients: number; repeatClients: number; repeatRate: number | null } | undefined;
  do {
    const response = await report(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      owner,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.data.length).toBeLessThanOrEqual(limit);
    first ??= { clients: body.clients, repeatClients: body.repeatClients, repeatRate: body.repeatRate };
    expect({ clients: body.clients, repeatClients: body.repeatClients, repeatRate: body.repeatRate }).toEqual(
      first,
    );
    rows.push(...body.data);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { rows, pages, ...first! };
}

// --- the tests ---------------------------------------------------------------------------------

describe('GET /v1/tenant-admin/reports/clients', () => {
  it.each([
    ['March (both edges, the DST day)', '2027-03-01', '2027-03-31'],
    ['February to April', '2027-02-01', '2027-04-30'],
    ['the DST day alone', '2027-03-28', '2027-03-28'],
  ])('equals the figures added up from the inserted rows: %s', async (_, startDate, endDate) => {
    const expected = expectedReport(tenant, startDate, endDate);
    const result = await allPages(`startDate=${startDate}&endDate=${endDate}`, 100);
    expect(result.rows).toEqual(expected.rows);
    expect(result.clients).toBe(expected.clients);
    expect(result.repeatClients).toBe(expected.repeatClients);
    expect(result.repeatRate).toBeCloseTo(expected.repeatClients / expected.clients, 4);
  });

  it('counts a client whatever the case of their email, under their latest name, at both March edges', async () => {
    const { rows } = await allPages('startDate=2027-03-01&endDate=2027-03-31', 100);
    const ada = rows.find((row: { email: string }) => row.email === 'ada@example.com');
    expect(ada).toEqual({
      email: 'ada@example.com',
      name: 'Ada King',
      bookings: 3,
      visits: 2,
      noShows: 1,
      cancellations: 0,
      lifetimeVisits: 3,
      firstVisit: '2027-01-10T09:00:00.000Z',
      lastVisit: '2027-03-31T21:59:00.000Z',
      repeat: true,
      lifetimeValue: [
        { currency: 'EUR', netCents: 4_000 - 150 + 1_000 + 4_000 - 500 + 1_500 },
        { currency: 'USD', netCents: 2_500 },
      ],
    });
    // Dan's only visit is 28 February 23:59 in Berlin: not a March client.
    expect(rows.map((row: { email: string }) => row.email)).not.toContain('dan@example.net');
    // Carla: a visit, a no-show and a cancellation; a refunded deposit nets to 0.
    expect(rows.find((row: { email: string }) => row.email === 'carla@example.net')).toMatchObject({
      bookings: 3,
      visits: 1,
      noShows: 1,
      cancellations: 1,
      repeat: false,
      lifetimeValue: [
        { currency: 'EUR', netCents: 700 },
        { currency: 'USD', netCents: 5_000 },
      ],
    });
  });

  it('never counts another tenant’s client of the same email', async () => {
    const mine = await allPages('startDate=2027-03-01&endDate=2027-03-31&q=ada@', 100);
    expect(mine.rows).toHaveLength(1);
    expect(JSON.stringify(mine.rows)).not.toContain('99000');
    const theirs = await allPages('startDate=2027-03-01&endDate=2027-03-31', 100, other);
    expect(theirs.rows).toEqual(expectedReport(other, '2027-03-01', '2027-03-31').rows);
    expect(theirs.rows.map((row: { email: string; name: string }) => [row.email, row.name])).toEqual([
      ['ada@example.com', 'Ada Elsewhere'],
      ['zed@example.com', 'Zed'],
    ]);
  });

  it.each([
    ['part of the latest name, any case', 'a KIN', ['ada@example.com']],
    ['part of an email', 'EXAMPLE.NET', ['carla@example.net']],
    ['% literally', '100%', ['bob_100%@example.org']],
    ['_ literally', 'b_1', ['bob_100%@example.org']],
    ['% alone', '%', ['bob_100%@example.org']],
    ['an old name only', 'lovelace', []],
  ])('searches %s', async (_, q, emails) => {
    const query = `startDate=2027-03-01&endDate=2027-03-31&q=${encodeURIComponent(q)}`;
    const result = await allPages(query, 100);
    expect(result.rows.map((row: { email: string }) => row.email)).toEqual(emails);
    const expected = expectedReport(tenant, '2027-03-01', '2027-03-31', q.trim());
    expect(result.rows).toEqual(expected.rows);
    expect([result.clients, result.repeatClients]).toEqual([expected.clients, expected.repeatClients]);
  });

  it('pages through every client exactly once, in name order, whatever the page size', async () => {
    const expected = expectedReport(tenant, '2027-02-01', '2027-04-30');
    expect(expected.rows.length).toBeGreaterThan(40);
    for (const limit of [1, 7, 50]) {
      const result = await allPages('startDate=2027-02-01&endDate=2027-04-30', limit);
      expect(result.rows.map((row: { email: string }) => row.email)).toEqual(
        expected.rows.map((row) => row.email),
      );
      expect(result.pages).toBe(Math.ceil(expected.rows.length / limit));
    }
  });

  it('answers 400 naming q for a %-escape that is not UTF-8 (a lone surrogate), on the report and the CSV', async () => {
    for (const url of [
      '/v1/tenant-admin/reports/clients?startDate=2027-03-01&endDate=2027-03-31&q=a%ED%A0%80b',
      '/v1/tenant-admin/exports/reports/clients.csv?startDate=2027-03-01&endDate=2027-03-31&q=%ED%A0%80',
    ]) {
      const response = await admin(t.app, tenant, { method: 'GET', url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'q' }] });
    }
    // Searching for the text "%ED" itself is fine.
    expect((await report('startDate=2027-03-01&endDate=2027-03-31&q=%25ED')).statusCode).toBe(200);
  });

  it('answers an empty period with no clients and a null rate', async () => {
    const response = await report('startDate=2030-01-01&endDate=2030-01-31');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      clients: 0,
      repeatClients: 0,
      repeatRate: null,
      data: [],
      nextCursor: null,
    });
  });

  it.each([
    ['endDate before startDate', 'startDate=2027-03-02&endDate=2027-03-01', 'endDate'],
    ['more than 366 days', 'startDate=2027-01-01&endDate=2028-01-02', 'endDate'],
    ['a NUL in q', 'startDate=2027-03-01&endDate=2027-03-31&q=a%00b', 'q'],
    ['a year-1 date', 'startDate=0001-01-01&endDate=2027-03-31', 'startDate'],
    [
      'a crafted cursor',
      `startDate=2027-03-01&endDate=2027-03-31&cursor=${Buffer.from('[1,2]').toString('base64url')}`,
      'cursor',
    ],
    ['an unknown parameter', 'startDate=2027-03-01&endDate=2027-03-31&sort=ltv', null],
  ])('answers 400 for %s', async (_, query, field) => {
    const response = await report(query);
    expect(response.statusCode, response.body).toBe(400);
    if (field) {
      expect(response.json().error).toMatchObject({ code: 'validation_failed' });
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });
});

describe('GET /v1/tenant-admin/exports/reports/clients.csv', () => {
  it('holds the report’s clients, one row per client and currency, parsed back with a CSV library', async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/exports/reports/clients.csv?startDate=2027-02-01&endDate=2027-04-30&bom=true',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="clients-2027-02-01-2027-04-30.csv"',
    );
    expect(response.body.startsWith('\ufeff')).toBe(true);
    const records: Array<Record<string, string>> = parse(response.body.slice(1), { columns: true });
    const expected = expectedReport(tenant, '2027-02-01', '2027-04-30').rows.flatMap((row) => {
      const cells = {
        email: row.email,
        name: row.name,
        bookings: String(row.bookings),
        visits: String(row.visits),
        noShows: String(row.noShows),
        cancellations: String(row.cancellations),
        lifetimeVisits: String(row.lifetimeVisits),
        firstVisit: row.firstVisit ?? '',
        lastVisit: row.lastVisit ?? '',
        repeat: String(row.repeat),
      };
      if (row.lifetimeValue.length === 0)
        return [{ ...cells, currency: '', lifetimeValueCents: '', lifetimeValue: '' }];
      return row.lifetimeValue.map(({ currency, netCents }) => ({
        ...cells,
        currency,
        lifetimeValueCents: String(netCents),
        lifetimeValue: (netCents / 100).toFixed(2),
      }));
    });
    expect(records).toEqual(expected);
  });

  it('reads the same rows in small keyset batches as in one', async () => {
    const query = { startDate: '2027-02-01', endDate: '2027-04-30' };
    const read = async (batchSize?: number) => {
      const rows = [];
      for await (const row of exportClientReport(forTenant(t.db, tenant.tenant.id), query, ZONE, batchSize)
        .records) {
        rows.push(row);
      }
      return rows;
    };
    const whole = await read();
    expect(whole.length).toBeGreaterThan(40);
    for (const batchSize of [1, 3, 10]) expect(await read(batchSize)).toEqual(whole);
  });

  it('applies q and refuses a bad period with 400 before sending anything', async () => {
    const found = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/exports/reports/clients.csv?startDate=2027-03-01&endDate=2027-03-31&q=100%25',
    });
    const records: Array<Record<string, string>> = parse(found.body, { columns: true });
    // The name "100% Bob_Smith" starts with a digit, not a formula character: left as it is.
    expect(records.map((r) => [r.email, r.name])).toEqual([['bob_100%@example.org', '100% Bob_Smith']]);
    const refused = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/exports/reports/clients.csv?startDate=2027-03-02&endDate=2027-03-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
  });
});
