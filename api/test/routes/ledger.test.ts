import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntryKind } from '../../src/generated/prisma/enums.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { createCountingPrismaClient, type StatementLog } from '../helpers/statement-counter.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/ledger: a period's ledger rows, a page at a time, with the period's totals.
// The card payment's rows come from the real flow (fake Stripe, on the test's clock); the volume is
// inserted directly (the table takes inserts; only UPDATE and DELETE are refused).
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let log: StatementLog;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let other: CreatedTenant;

interface Row {
  id: string;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
  occurredAt: Date;
}
/** Tenant A's inserted rows: the volume, and four on the period's edges. */
let seeded: Row[];
/** Tenant B's rows, in the same period. */
let othersRows: Row[];
/** The appointment tenant A's inserted rows belong to. */
let appointmentOfA: string;

// 10–28 March 2027 in Berlin: from 9 March 23:00 UTC (CET, +1) to 28 March 22:00 UTC, because the
// clocks go forward on the 28th (CEST, +2).
const PERIOD = 'startDate=2027-03-10&endDate=2027-03-28';
const FROM = Date.parse('2027-03-09T23:00:00Z');
const TO = Date.parse('2027-03-28T22:00:00Z');
const EDGES = {
  before: '2027-03-09T22:59:59.999Z',
  first: '2027-03-09T23:00:00.000Z',
  last: '2027-03-28T21:59:59.999Z',
  after: '2027-03-28T22:00:00.000Z',
};

/** A kind's sign and Stripe object, as the table's CHECKs demand. */
const KIND_SHAPES: Array<[LedgerEntryKind, 1 | -1, string | null]> = [
  ['CHARGE', 1, 'ch_'],
  ['DEPOSIT', 1, 'ch_'],
  ['BALANCE_CARD', 1, 'ch_'],
  ['BALANCE_VENUE', 1, null],
  ['NO_SHOW_FEE', 1, 'ch_'],
  ['REFUND', -1, 're_'],
  ['DISPUTE', -1, 'dp_'],
  ['DISPUTE_REVERSAL', 1, 'dp_'],
  ['STRIPE_FEE', -1, 'txn_'],
  ['PLATFORM_FEE', -1, 'txn_'],
  ['NO_SHOW_FEE_VENUE', 1, null],
];

let stripeSerial = 0;
function ledgerRow(
  owner: CreatedTenant,
  appointmentId: string,
  kindIndex: number,
  amount: number,
  currency: string,
  occurredAt: string | Date,
) {
  const [kind, sign, prefix] = KIND_SHAPES[kindIndex % KIND_SHAPES.length]!;
  stripeSerial += 1;
  const stripeObjectId = prefix === null ? null : `${prefix}seeded${stripeSerial}`;
  return {
    tenantId: owner.tenant.id,
    appointmentId,
    kind,
    amountCents: sign * amount,
    currency,
    stripeObjectId,
    stripeBalanceTransactionId: prefix === 'txn_' ? stripeObjectId : null,
    occurredAt: new Date(occurredAt),
  };
}

async function insert(rows: Array<ReturnType<typeof ledgerRow>>): Promise<Row[]> {
  return t.db.ledgerEntry.createManyAndReturn({
    data: rows,
    select: { id: true, kind: true, amountCents: true, currency: true, occurredAt: true },
  });
}

/** An admin booking (confirmed, no card): an appointment for inserted rows to belong to. */
async function appointmentOf(owner: CreatedTenant, start: string): Promise<string> {
  const { serviceId } = await bookableService(t.app, owner);
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id;
}

beforeAll(async () => {
  const fake = await fakeStripeEnvironment({ now: read });
  stripe = fake.stripe;
  t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PLATFORM_FEE_PERCENT: '3' },
    {
      clock: read,
      appDb: (url) => {
        const counting = createCountingPrismaClient(url);
        log = counting.log;
        return counting.db;
      },
    },
  );
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);

  appointmentOfA = await appointmentOf(tenant, '2027-03-15T10:00:00Z');
  // 60 rows over the period, a third in USD, every kind; pairs share an instant, so the order
  // within an instant (by id) is exercised too.
  const volume = Array.from({ length: 60 }, (_, i) =>
    ledgerRow(
      tenant,
      appointmentOfA,
      i,
      100 + 37 * i,
      i % 3 === 0 ? 'USD' : 'EUR',
      new Date(FROM + 1 + Math.floor(i / 2) * 11 * 3_600_000),
    ),
  );
  const edges = [
    ledgerRow(tenant, appointmentOfA, 0, 1_001, 'EUR', EDGES.before),
    ledgerRow(tenant, appointmentOfA, 5, 1_002, 'EUR', EDGES.first),
    ledgerRow(tenant, appointmentOfA, 8, 1_003, 'USD', EDGES.last),
    ledgerRow(tenant, appointmentOfA, 3, 1_004, 'EUR', EDGES.after),
  ];
  expect(volume.every((row) => row.occurredAt.getTime() < TO)).toBe(true);
  seeded = await insert([...volume, ...edges]);

  const othersAppointment = await appointmentOf(other, '2027-03-15T10:00:00Z');
  othersRows = await insert(
    Array.from({ length: 5 }, (_, i) =>
      ledgerRow(other, othersAppointment, i, 5_000 + i, i % 2 ? 'EUR' : 'USD', '2027-03-20T12:00:00Z'),
    ),
  );
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const ledger = (query: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/ledger?${query}` });

/** Every page of a period, following nextCursor. */
async function allPages(query: string, owner = tenant) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const response = await ledger(`${query}${cursor ? `&cursor=${cursor}` : ''}`, owner);
    expect(response.statusCode, response.body).toBe(200);
    pages.push(response.json());
    cursor = response.json().nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

const inPeriod = (rows: Row[]) =>
  rows.filter((row) => row.occurredAt.getTime() >= FROM && row.occurredAt.getTime() < TO);
const byTimeThenId = (a: Row, b: Row) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The sums the test expects, added up here from the rows it inserted. */
function expectedTotals(rows: Row[]) {
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return currencies.map((currency) => {
    const byKind = Object.fromEntries(KIND_SHAPES.map(([kind]) => [kind, 0]));
    let netCents = 0;
    for (const row of rows.filter((r) => r.currency === currency)) {
      byKind[row.kind] = byKind[row.kind]! + row.amountCents;
      netCents += row.amountCents;
    }
    return { currency, byKind, netCents };
  });
}

describe('GET /v1/tenant-admin/ledger', () => {
  it("lists the rows of the days in the tenant's zone, edges included, oldest first", async () => {
    const response = await ledger(`${PERIOD}&limit=100`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const expected = inPeriod(seeded).sort(byTimeThenId);
    expect(expected).toHaveLength(62);
    expect(body.data.map((row: { id: string }) => row.id)).toEqual(expected.map((row) => row.id));
    expect(body.nextCursor).toBeNull();
    const instants = body.data.map((row: { occurredAt: string }) => row.occurredAt);
    expect(instants[0]).toBe(EDGES.first);
    expect(instants.at(-1)).toBe(EDGES.last);
    expect(instants).not.toContain(EDGES.before);
    expect(instants).not.toContain(EDGES.after);
  });

  it('answers each row with its fields as stored', async () => {
    const body = (await ledger(`${PERIOD}&limit=1`)).json();
    const stored = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: body.data[0].id } });
    expect(body.data).toEqual([
      {
        id: stored.id,
        appointmentId: stored.appointmentId,
        paymentId: null,
        refundId: null,
        kind: 'REFUND',
        amountCents: -1_002,
        currency: 'EUR',
        stripeObjectId: stored.stripeObjectId,
        stripeBalanceTransactionId: null,
        occurredAt: EDGES.first,
      },
    ]);
    expect(stored.stripeObjectId).toMatch(/^re_seeded\d+$/);
  });

  it('gives every row of the period exactly once over several pages', async () => {
    const pages = await allPages(`${PERIOD}&limit=7`);
    expect(pages).toHaveLength(9); // 62 rows: 8 full pages and 6 on the last
    expect(pages.slice(0, -1).every((page) => page.data.length === 7)).toBe(true);
    const ids = pages.flatMap((page) => page.data.map((row: { id: string }) => row.id));
    expect(ids).toEqual(
      inPeriod(seeded)
        .sort(byTimeThenId)
        .map((row) => row.id),
    );
    expect(new Set(ids).size).toBe(62);
  });

  it('pages by 50 by default', async () => {
    const body = (await ledger(PERIOD)).json();
    expect(body.data).toHaveLength(50);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('totals the whole period per currency and kind, on every page, equal to the sum of its rows', async () => {
    const expected = expectedTotals(inPeriod(seeded));
    expect(expected.map((total) => total.currency)).toEqual(['EUR', 'USD']);
    const pages = await allPages(`${PERIOD}&limit=25`);
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page.totals).toEqual(expected);

    // The same figures from the rows the pages gave.
    const rows = pages.flatMap((page) => page.data) as Array<Row & { occurredAt: string }>;
    const fromRows = expectedTotals(rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) })));
    expect(pages[0].totals).toEqual(fromRows);
    // Both currencies saw both signs, so a total that dropped a sign or a currency would differ.
    const eur = pages[0].totals[0];
    expect(eur.byKind.REFUND).toBeLessThan(0);
    expect(eur.byKind.DEPOSIT).toBeGreaterThan(0);
    expect(eur.netCents).toBe(
      Object.values(eur.byKind as Record<string, number>).reduce((sum, cents) => sum + cents, 0),
    );
  });

  it('sums the period in one GROUP BY statement, beside the one that reads the page', async () => {
    log.reset();
    expect((await ledger(`${PERIOD}&limit=5`)).statusCode).toBe(200);
    const ledgerStatements = log.statements.filter((sql) => sql.includes('ledger_entries'));
    expect(ledgerStatements).toHaveLength(2);
    expect(ledgerStatements.filter((sql) => /GROUP BY/i.test(sql))).toHaveLength(1);
  });

  it('answers an empty period with no rows and no totals', async () => {
    const body = (await ledger('startDate=2027-05-01&endDate=2027-05-31')).json();
    expect(body).toEqual({ data: [], nextCursor: null, totals: [] });
  });

  it('adds up totals past 32 bits (each row is an INTEGER, their sum is not)', async () => {
    await insert(
      [0, 1, 2].map((i) =>
        ledgerRow(tenant, appointmentOfA, 0, 2_000_000_000, 'JPY', `2027-04-1${i}T12:00:00Z`),
      ),
    );
    const body = (await ledger('startDate=2027-04-10&endDate=2027-04-12')).json();
    expect(body.totals).toEqual([
      {
        currency: 'JPY',
        byKind: expect.objectContaining({ CHARGE: 6_000_000_000 }),
        netCents: 6_000_000_000,
      },
    ]);
  });

  it("never shows another tenant's rows, and shows that tenant only its own", async () => {
    const pages = await allPages(`${PERIOD}&limit=100`);
    const ids = new Set(pages.flatMap((page) => page.data.map((row: { id: string }) => row.id)));
    for (const row of othersRows) expect(ids).not.toContain(row.id);

    const theirs = (await ledger(`${PERIOD}&limit=100`, other)).json();
    expect(theirs.data.map((row: { id: string }) => row.id).sort()).toEqual(
      othersRows.map((row) => row.id).sort(),
    );
    expect(theirs.totals).toEqual(expectedTotals(othersRows));
  });

  it('refuses a cursor it did not make with 400, naming the cursor', async () => {
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    const real = (await ledger(`${PERIOD}&limit=5`)).json().nextCursor as string;
    const [instant] = Buffer.from(real, 'base64url').toString('utf8').split('|');
    for (const value of [
      cursor(`${instant}|not-a-uuid`),
      cursor(`${instant}`),
      cursor('0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
      cursor('-100000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
      cursor('yesterday|00000000-0000-0000-0000-000000000000'),
      '%00',
    ]) {
      const response = await ledger(`${PERIOD}&cursor=${value}`);
      expect(response.statusCode, value).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'cursor' }],
      });
    }
  });

  it.each([
    ['more than 93 days', 'startDate=2027-01-01&endDate=2027-04-04', 'endDate'],
    ['endDate before startDate', 'startDate=2027-03-28&endDate=2027-03-10', 'endDate'],
    ['no endDate', 'startDate=2027-03-10', 'endDate'],
    ['a day that does not exist', 'startDate=2027-02-29&endDate=2027-03-10', 'startDate'],
    ['an unknown parameter', `${PERIOD}&currency=EUR`, 'currency'],
    ['a limit over 100', `${PERIOD}&limit=101`, 'limit'],
  ])('refuses %s with 400', async (_, query, field) => {
    const response = await ledger(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(field);
  });

  it('takes a period of exactly 93 days', async () => {
    const response = await ledger('startDate=2027-01-01&endDate=2027-04-03&limit=100');
    expect(response.statusCode, response.body).toBe(200);
    // Every row inserted for March, the edges' outer neighbours too, is inside it.
    const ids = response.json().data.map((row: { id: string }) => row.id);
    expect(ids).toEqual(expect.arrayContaining(seeded.map((row) => row.id)));
    expect(ids).toHaveLength(seeded.length);
  });

  it('wants a secret key: 401 without one, 403 with a publishable one', async () => {
    const without = await t.app.inject({ method: 'GET', url: `/v1/tenant-admin/ledger?${PERIOD}` });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('invalid_api_key');
    const publishable = await t.app.inject({
      method: 'GET',
      url: `/v1/tenant-admin/ledger?${PERIOD}`,
      headers: { authorization: `Bearer ${tenant.keys.publishable}` },
    });
    expect(publishable.statusCode).toBe(403);
    expect(publishable.json().error.code).toBe('wrong_key_kind');
  });

  it('lists what a card payment and its refund recorded, as recorded', async () => {
    const { serviceId } = await bookableService(t.app, tenant, {
      service: { priceBaseCents: 9000, paymentMode: 'DEPOSIT', depositCents: 2500 },
    });
    const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
    const booking = await cards.paid(serviceId, '2027-03-08T10:00:00Z');
    expect((await cards.cancel(booking.id, booking.token)).statusCode).toBe(200);

    // The test's clock stands at 1 March, 08:00 in Berlin: every row of the payment is on that day.
    const body = (await ledger('startDate=2027-03-01&endDate=2027-03-01')).json();
    const stored = await t.db.ledgerEntry.findMany({
      where: { tenantId: tenant.tenant.id, appointmentId: booking.id },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    expect(stored.map((row) => row.kind).sort()).toEqual(
      expect.arrayContaining(['DEPOSIT', 'PLATFORM_FEE', 'REFUND', 'STRIPE_FEE']),
    );
    expect(body.data).toEqual(
      stored.map((row) => ({
        id: row.id,
        appointmentId: booking.id,
        paymentId: row.paymentId,
        refundId: row.refundId,
        kind: row.kind,
        amountCents: row.amountCents,
        currency: 'EUR',
        stripeObjectId: row.stripeObjectId,
        stripeBalanceTransactionId: row.stripeBalanceTransactionId,
        occurredAt: row.occurredAt.toISOString(),
      })),
    );
    const deposit = body.data.find((row: { kind: string }) => row.kind === 'DEPOSIT');
    expect(deposit).toMatchObject({ amountCents: 2500, paymentId: expect.any(String), refundId: null });
    expect(deposit.stripeObjectId).toMatch(/^ch_/);
    const refund = body.data.find((row: { kind: string }) => row.kind === 'REFUND');
    expect(refund).toMatchObject({ amountCents: -2500, refundId: expect.any(String) });
    expect(refund.stripeObjectId).toMatch(/^re_/);
    expect(body.totals).toEqual([
      {
        currency: 'EUR',
        byKind: expect.objectContaining({ DEPOSIT: 2500, REFUND: -2500, CHARGE: 0 }),
        netCents: stored.reduce((sum, row) => sum + row.amountCents, 0),
      },
    ]);
  });
});
