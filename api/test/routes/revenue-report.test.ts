import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntryKind } from '../../src/generated/prisma/enums.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { outstandingOf } from '../../src/domain/reports/outstanding.ts';
import { insertAppointments, seeded, type GenAppointment } from '../helpers/report-fixtures.ts';

// GET /v1/tenant-admin/reports/revenue: the ledger per currency and local day, week or month.
// Rows are inserted directly (the table takes inserts; only UPDATE and DELETE are refused), around
// Berlin's midnights on the day the clocks go forward (28 March 2027) and at the end of March; every
// figure the route answers is compared with sums added up here from the inserted rows.
const ZONE = 'Europe/Berlin';
const { read } = testClock('2027-02-20T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

interface Row {
  appointmentId: string;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
  occurredAt: Date;
}
let rowsOfA: Row[];
let rowsOfB: Row[];
/** Appointment id → its start. */
const starts = new Map<string, Date>();

// Where each kind's money goes, written out here rather than imported, so the test checks the
// route against an independent reading of the rule (api/README.md, "The revenue report").
const FIELDS_OF: Record<LedgerEntryKind, string[]> = {
  CHARGE: ['grossCents'],
  DEPOSIT: ['grossCents', 'depositsCents'],
  BALANCE_CARD: ['grossCents', 'balancesCardCents'],
  BALANCE_VENUE: ['grossCents', 'balancesVenueCents'],
  NO_SHOW_FEE: ['grossCents', 'noShowFeesCents'],
  NO_SHOW_FEE_VENUE: ['grossCents', 'noShowFeesCents'],
  REFUND: ['refundsCents'],
  DISPUTE: ['disputesCents'],
  DISPUTE_REVERSAL: ['disputesCents'],
  STRIPE_FEE: ['stripeFeesCents'],
  PLATFORM_FEE: ['platformFeesCents'],
};
const ZERO = {
  grossCents: 0,
  depositsCents: 0,
  balancesCardCents: 0,
  balancesVenueCents: 0,
  noShowFeesCents: 0,
  refundsCents: 0,
  disputesCents: 0,
  stripeFeesCents: 0,
  platformFeesCents: 0,
  netCents: 0,
};

const STRIPE_PREFIX: Record<LedgerEntryKind, string | null> = {
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
let serial = 0;
function row(
  owner: CreatedTenant,
  appointmentId: string,
  kind: LedgerEntryKind,
  amountCents: number,
  currency: string,
  at: string,
) {
  serial += 1;
  const prefix = STRIPE_PREFIX[kind];
  const stripeObjectId = prefix === null ? null : `${prefix}report${serial}`;
  return {
    tenantId: owner.tenant.id,
    appointmentId,
    kind,
    amountCents,
    currency,
    stripeObjectId,
    stripeBalanceTransactionId: prefix === 'txn_' ? stripeObjectId : null,
    occurredAt: new Date(at),
  };
}

async function insert(data: Array<ReturnType<typeof row> & { correctsEntryId?: string }>) {
  return t.db.ledgerEntry.createManyAndReturn({
    data,
    select: {
      id: true,
      appointmentId: true,
      kind: true,
      amountCents: true,
      currency: true,
      occurredAt: true,
    },
  });
}

async function appointmentOf(owner: CreatedTenant, start: string): Promise<string> {
  const { serviceId } = await bookableService(t.app, owner);
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start),
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().appointment.id as string;
  starts.set(id, new Date(start));
  return id;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  // Appointments at 10:00 or 11:00 local: in February, on 31 March and on 1 April.
  const feb = await appointmentOf(tenant, '2027-02-26T10:00:00Z');
  const mar = await appointmentOf(tenant, '2027-03-31T08:00:00Z');
  const apr = await appointmentOf(tenant, '2027-04-01T08:00:00Z');

  const a = (appointmentId: string, kind: LedgerEntryKind, cents: number, currency: string, at: string) =>
    row(tenant, appointmentId, kind, cents, currency, at);
  const inserted = await insert([
    // Outside the periods asked for: 28 February 23:59:59.999 in Berlin (CET, +1), 1 May 00:00 (CEST, +2).
    a(mar, 'DEPOSIT', 1_111, 'EUR', '2027-02-28T22:59:59.999Z'),
    a(apr, 'BALANCE_CARD', 2_222, 'EUR', '2027-04-30T22:00:00.000Z'),
    // 1 March 00:00 in Berlin: the first instant of March.
    a(feb, 'CHARGE', 10_000, 'EUR', '2027-02-28T23:00:00.000Z'),
    a(feb, 'STRIPE_FEE', -320, 'EUR', '2027-02-28T23:00:00.000Z'),
    a(feb, 'PLATFORM_FEE', -300, 'EUR', '2027-03-02T09:00:00.000Z'),
    // Around the 23-hour 28 March: 27th 23:59:59.999 (+1), 28th 00:00 (+1), 28th 23:59:59.999 (+2), 29th 00:00 (+2).
    a(mar, 'DEPOSIT', 2_000, 'EUR', '2027-03-27T22:59:59.999Z'),
    a(mar, 'STRIPE_FEE', -83, 'EUR', '2027-03-27T22:59:59.999Z'),
    a(mar, 'CHARGE', 7_500, 'USD', '2027-03-27T23:00:00.000Z'),
    a(mar, 'REFUND', -2_500, 'USD', '2027-03-28T21:59:59.999Z'),
    a(apr, 'DEPOSIT', 3_000, 'EUR', '2027-03-28T21:59:59.999Z'),
    a(apr, 'DISPUTE', -3_000, 'EUR', '2027-03-28T22:00:00.000Z'),
    a(apr, 'STRIPE_FEE', -1_500, 'EUR', '2027-03-28T22:00:00.000Z'),
    // The end of March: 31st 23:59:59.999 (+2) and 1 April 00:00, still 31 March in UTC.
    a(mar, 'BALANCE_CARD', 8_000, 'EUR', '2027-03-31T21:59:59.999Z'),
    a(mar, 'BALANCE_VENUE', 4_000, 'USD', '2027-03-31T21:59:59.999Z'),
    a(apr, 'DISPUTE_REVERSAL', 3_000, 'EUR', '2027-03-31T22:00:00.000Z'),
    a(apr, 'STRIPE_FEE', 1_500, 'EUR', '2027-03-31T22:00:00.000Z'),
    a(mar, 'NO_SHOW_FEE', 500, 'USD', '2027-03-31T22:00:00.000Z'),
    a(mar, 'NO_SHOW_FEE_VENUE', 700, 'EUR', '2027-04-12T15:00:00.000Z'),
    a(mar, 'REFUND', -1_200, 'EUR', '2027-04-20T12:00:00.000Z'),
    a(apr, 'PLATFORM_FEE', -90, 'USD', '2027-04-30T21:59:59.999Z'),
  ]);
  // A correction: 1.00 less on the March charge, counted as a CHARGE (no Stripe ids of its own).
  const charge = inserted.find((r) => r.kind === 'CHARGE' && r.currency === 'EUR')!;
  const correction = await insert([
    {
      ...row(tenant, feb, 'CHARGE', -100, 'EUR', '2027-03-05T10:00:00Z'),
      stripeObjectId: null,
      correctsEntryId: charge.id,
    },
  ]);
  rowsOfA = [...inserted, ...correction];

  const b = await appointmentOf(other, '2027-03-31T08:00:00Z');
  rowsOfB = await insert([
    row(other, b, 'CHARGE', 900_000, 'EUR', '2027-03-28T10:00:00Z'),
    row(other, b, 'REFUND', -50_000, 'USD', '2027-03-31T22:00:00Z'),
  ]);
});
afterAll(async () => {
  await t.close();
});

type Interval = 'day' | 'week' | 'month';
const report = (query: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/reports/revenue?${query}` });

const localDay = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE });

/**
 * The report the test expects, added up here: each row in the bucket of `instantOf(row)` (local
 * time, luxon), rows whose instant is outside [startDate, endDate] left out.
 */
function expected(
  rows: Row[],
  query: { startDate: string; endDate: string; interval: Interval },
  bucketStarts: string[],
  instantOf: (row: Row) => Date,
) {
  const counted = rows.filter((r) => {
    const day = localDay(instantOf(r)).toISODate()!;
    return day >= query.startDate && day <= query.endDate;
  });
  const currencies = [...new Set(counted.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const figures = new Map<string, Record<string, number>>(
      bucketStarts.map((start) => [start, { ...ZERO }]),
    );
    for (const r of counted.filter((c) => c.currency === currency)) {
      const start = localDay(instantOf(r)).startOf(query.interval).toISODate()!;
      const bucket = figures.get(start);
      if (!bucket) throw new Error(`No bucket ${start}`);
      for (const field of [...FIELDS_OF[r.kind], 'netCents']) bucket[field] = bucket[field]! + r.amountCents;
    }
    const totals: Record<string, number> = { ...ZERO };
    for (const bucket of figures.values()) {
      for (const field of Object.keys(ZERO)) totals[field] = totals[field]! + bucket[field]!;
    }
    const buckets = bucketStarts.map((start) => ({ start, ...figures.get(start) }));
    return { currency, buckets, totals };
  });
}

const WEEKS = [
  '2027-03-01',
  '2027-03-08',
  '2027-03-15',
  '2027-03-22',
  '2027-03-29',
  '2027-04-05',
  '2027-04-12',
  '2027-04-19',
  '2027-04-26',
];
const cash = (r: Row) => r.occurredAt;
const service = (r: Row) => starts.get(r.appointmentId)!;

describe('GET /v1/tenant-admin/reports/revenue', () => {
  it('sums by month of the money moving (cash, the default), per currency, edges of the months included', async () => {
    const response = await report('startDate=2027-03-01&endDate=2027-04-30');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const query = { startDate: '2027-03-01', endDate: '2027-04-30', interval: 'month' as const };
    expect(body).toEqual({
      ...query,
      basis: 'cash',
      timezone: ZONE,
      currencies: expected(rowsOfA, query, ['2027-03-01', '2027-04-01'], cash),
      // Booked by the business, nothing paid, nothing asked: nobody owes anything.
      outstanding: [],
    });
    // Spot checks of the rule itself: 1 April 00:00 Berlin is April, though still 31 March in UTC.
    const [eur, usd] = body.currencies;
    expect(eur.buckets[1]).toMatchObject({
      start: '2027-04-01',
      disputesCents: 3_000,
      stripeFeesCents: 1_500,
    });
    expect(usd.buckets[0]).toMatchObject({
      grossCents: 11_500,
      refundsCents: -2_500,
      balancesVenueCents: 4_000,
    });
    // March's EUR: the charge less its correction, two deposits, a balance; the dispute; three fees.
    expect(eur.buckets[0]).toMatchObject({
      grossCents: 9_900 + 2_000 + 3_000 + 8_000,
      depositsCents: 5_000,
      disputesCents: -3_000,
      stripeFeesCents: -320 - 83 - 1_500,
      platformFeesCents: -300,
    });
    expect(eur.totals.netCents).toBe(
      rowsOfA
        .filter((r) => r.currency === 'EUR' && ![1_111, 2_222].includes(r.amountCents))
        .reduce((s, r) => s + r.amountCents, 0),
    );
  });

  it("buckets by the tenant's local days across the 23-hour day the clocks go forward", async () => {
    const query = { startDate: '2027-03-27', endDate: '2027-03-29', interval: 'day' as const };
    const body = (await report('startDate=2027-03-27&endDate=2027-03-29&interval=day')).json();
    const buckets = ['2027-03-27', '2027-03-28', '2027-03-29'];
    expect(body.currencies).toEqual(expected(rowsOfA, query, buckets, cash));
    const eur = body.currencies[0].buckets;
    expect(eur.map((b: { netCents: number }) => b.netCents)).toEqual([2_000 - 83, 3_000, -3_000 - 1_500]);
  });

  it('buckets by ISO weeks (Monday first)', async () => {
    const query = { startDate: '2027-03-01', endDate: '2027-04-30', interval: 'week' as const };
    const body = (await report('startDate=2027-03-01&endDate=2027-04-30&interval=week')).json();
    expect(body.currencies).toEqual(expected(rowsOfA, query, WEEKS, cash));
    // Sunday 28 March 23:59:59.999 is the week of the 22nd; Monday 29 March 00:00 the next.
    expect(body.currencies[0].buckets[3].depositsCents).toBe(5_000);
    expect(body.currencies[0].buckets[4].disputesCents).toBe(0);
  });

  it("on a service basis, sums each appointment's rows (whenever they moved) in the month it starts", async () => {
    const query = { startDate: '2027-03-01', endDate: '2027-04-30', interval: 'month' as const };
    const body = (await report('startDate=2027-03-01&endDate=2027-04-30&basis=service')).json();
    expect(body.basis).toBe('service');
    expect(body.currencies).toEqual(expected(rowsOfA, query, ['2027-03-01', '2027-04-01'], service));
    // The appointment of 31 March: its deposit of 28 February and refund of 20 April count in March.
    expect(body.currencies[0].buckets[0]).toMatchObject({
      depositsCents: 1_111 + 2_000,
      refundsCents: -1_200,
    });
    // February's appointment is not in the period, though its money moved in March.
    expect(body.currencies[0].buckets[0].platformFeesCents).toBe(0);
  });

  it('fills a period without money with nothing, and another tenant sees only its own rows', async () => {
    const empty = (await report('startDate=2026-01-01&endDate=2026-12-31&interval=week')).json();
    expect(empty.currencies).toEqual([]);
    const query = { startDate: '2027-03-01', endDate: '2027-04-30', interval: 'month' as const };
    const ofB = (await report('startDate=2027-03-01&endDate=2027-04-30', other)).json();
    expect(ofB.currencies).toEqual(expected(rowsOfB, query, ['2027-03-01', '2027-04-01'], cash));
  });

  it.each([
    ['endDate before startDate', 'startDate=2027-03-02&endDate=2027-03-01'],
    ['more than 366 days', 'startDate=2027-01-01&endDate=2028-01-02'],
    ['more than 93 days by day', 'startDate=2027-01-01&endDate=2027-04-04&interval=day'],
    ['an unknown interval', 'startDate=2027-01-01&endDate=2027-01-31&interval=year'],
    ['an unknown basis', 'startDate=2027-01-01&endDate=2027-01-31&basis=accrual'],
    ['no startDate', 'endDate=2027-01-31'],
    ['a date that is not one', 'startDate=2027-02-30&endDate=2027-03-31'],
    ['an unknown parameter', 'startDate=2027-01-01&endDate=2027-01-31&currency=EUR'],
  ])('answers 400 validation_failed for %s', async (_, query) => {
    const response = await report(query);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('takes a year (366 days) by month and 93 days by day', async () => {
    expect((await report('startDate=2027-01-01&endDate=2028-01-01')).statusCode).toBe(200);
    expect((await report('startDate=2027-01-01&endDate=2027-04-03&interval=day')).statusCode).toBe(200);
  });

  it('answers 401 without a key', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/tenant-admin/reports/revenue?startDate=2027-03-01&endDate=2027-04-30',
    });
    expect(response.statusCode).toBe(401);
  });
});

// `outstanding`: what clients owe now, by the amount-due rule in SQL (adapters/db/outstanding-sql.ts),
// compared with the pure function (domain/reports/outstanding.ts over domain/payments/amount-due.ts)
// on appointments of every status with random money, in two currencies.
describe('GET /v1/tenant-admin/reports/revenue: outstanding', () => {
  const STATUSES = ['PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;

  it('equals the amount-due rule applied to each appointment, per currency, whatever the period', async () => {
    const owner = await createTestTenant(t.db);
    const { serviceId, providerIds } = await bookableService(t.app, owner);
    const rand = seeded(7);
    const list: GenAppointment[] = Array.from({ length: 60 }, (_, i) => ({
      id: crypto.randomUUID(),
      serviceId,
      providerId: providerIds[0]!,
      currency: i % 3 === 0 ? 'USD' : 'EUR',
      outcome: 'completed',
      start: new Date(Date.parse('2027-01-04T08:00:00Z') + i * 7_200_000),
      minutes: 60,
      totalAmountCents: 10_000,
      sessionKey: `s${i}`,
    }));
    await insertAppointments(t.db, owner.tenant.id, list, read());
    const money = list.map((a) => {
      const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
      const totalAmountCents = 1_000 * (1 + Math.floor(rand() * 10));
      const paidCents = rand() < 0.3 ? 0 : Math.floor(rand() * (totalAmountCents + 1));
      const refundedCents = rand() < 0.7 ? 0 : Math.floor(rand() * (paidCents + 1));
      const noShowFeeCents = rand() < 0.3 ? 0 : 500 * Math.floor(rand() * 6);
      return {
        id: a.id,
        currency: a.currency,
        status,
        totalAmountCents,
        paidCents,
        refundedCents,
        noShowFeeCents,
      };
    });
    for (const m of money) {
      await t.db.$executeRaw`
        UPDATE appointments
           SET status = ${m.status}::"AppointmentStatus", "totalAmountCents" = ${m.totalAmountCents},
               "paidCents" = ${m.paidCents}, "refundedCents" = ${m.refundedCents},
               "noShowFeeCents" = ${m.noShowFeeCents},
               "holdExpiresAt" = CASE WHEN ${m.status} = 'PENDING' THEN now() ELSE NULL END
         WHERE id = ${m.id}::uuid`;
    }
    const expectedRows = new Map<string, Record<string, number | string>>();
    for (const m of money) {
      const owed = outstandingOf(m);
      const row = expectedRows.get(m.currency) ?? {
        currency: m.currency,
        depositBalancesCount: 0,
        depositBalancesCents: 0,
        noShowFeesCount: 0,
        noShowFeesCents: 0,
      };
      if (owed?.kind === 'depositBalance') {
        row.depositBalancesCount = (row.depositBalancesCount as number) + 1;
        row.depositBalancesCents = (row.depositBalancesCents as number) + owed.cents;
      }
      if (owed?.kind === 'noShowFee') {
        row.noShowFeesCount = (row.noShowFeesCount as number) + 1;
        row.noShowFeesCents = (row.noShowFeesCents as number) + owed.cents;
      }
      if (owed) expectedRows.set(m.currency, row);
    }
    const expectedOutstanding = [...expectedRows.values()].sort((a, b) =>
      String(a.currency).localeCompare(String(b.currency)),
    );
    // Both kinds and both currencies occur in this data set.
    expect(expectedOutstanding.map((r) => r.currency)).toEqual(['EUR', 'USD']);
    expect(expectedOutstanding.every((r) => (r.depositBalancesCount as number) > 0)).toBe(true);
    expect(expectedOutstanding.every((r) => (r.noShowFeesCount as number) > 0)).toBe(true);
    // Not limited to the period asked for (the appointments are in January).
    const body = (await report('startDate=2027-06-01&endDate=2027-06-30', owner)).json();
    expect(body.currencies).toEqual([]);
    expect(body.outstanding).toEqual(expectedOutstanding);
    // Another tenant's debts are not in the tenant's figures.
    expect((await report('startDate=2027-06-01&endDate=2027-06-30', other)).json().outstanding).toEqual([]);
  });
});
