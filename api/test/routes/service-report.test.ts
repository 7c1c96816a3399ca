import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import {
  generateReportData,
  insertAppointments,
  insertLedger,
  isBooking,
  isKept,
  seeded,
  type GenAppointment,
  type GenLedgerRow,
} from '../helpers/report-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/reports/services: per service and currency, the appointments starting in
// the period. A generated data set (random outcomes and money in EUR and USD, over Berlin's
// 23-hour 28 March 2027 and the end of March) plus six bookings changed through the real routes
// (reschedules across the month's end, a cancel by the client and one by the business, a
// completion, a no-show); every figure is added up here from what was inserted.
const ZONE = 'Europe/Berlin';
const { clock, read } = testClock('2027-03-20T08:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
const appointments: GenAppointment[] = [];
const ledger: GenLedgerRow[] = [];

const report = (query: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/reports/services?${query}` });

async function call(owner: CreatedTenant, url: string, payload?: object) {
  const response = await admin(t.app, owner, { method: 'POST', url: `/v1/tenant-admin${url}`, payload });
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

async function generated(owner: CreatedTenant, seed: number) {
  const cut = await bookableService(t.app, owner, {
    service: { name: 'Cut', priceBaseCents: 5_000 },
    providers: 2,
  });
  const colour = await bookableService(t.app, owner, {
    service: { name: '=Colour', priceBaseCents: 8_000, currency: 'USD' },
  });
  const data = generateReportData(seeded(seed), {
    count: 70,
    // Thursday 25 March 22:00 UTC to 1 April 18:00 UTC.
    first: new Date('2027-03-25T22:00:00Z'),
    services: [
      { id: cut.serviceId, currency: 'EUR', priceCents: 5_000 },
      { id: colour.serviceId, currency: 'USD', priceCents: 8_000 },
    ],
    providerIds: [...cut.providerIds, ...colour.providerIds],
  });
  await insertAppointments(t.db, owner.tenant.id, data.appointments, clock.now);
  await insertLedger(t.db, owner.tenant.id, data.ledger);
  return data;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const mine = await generated(tenant, 11);
  appointments.push(...mine.appointments);
  ledger.push(...mine.ledger);
  await generated(other, 12);

  // Through the real routes: a service of its own (its own provider, 9–17 every day).
  const { serviceId, providerIds } = await bookableService(t.app, tenant, {
    service: { name: 'Massage', priceBaseCents: 6_000 },
  });
  const book = async (start: string) => {
    const body = await call(tenant, '/appointments', bookingBody(serviceId, start));
    return { id: body.appointment.id as string, token: body.manageToken as string };
  };
  const movedOut = await book('2027-03-31T08:00:00Z');
  await call(tenant, `/appointments/${movedOut.id}/reschedule`, { startTimeUtc: '2027-04-01T08:00:00Z' });
  const movedIn = await book('2027-04-01T09:00:00Z');
  await call(tenant, `/appointments/${movedIn.id}/reschedule`, { startTimeUtc: '2027-03-30T09:00:00Z' });
  const byAdmin = await book('2027-03-28T08:00:00Z');
  await call(tenant, `/appointments/${byAdmin.id}/cancel`, { reason: 'Ill' });
  const byClient = await book('2027-03-29T08:00:00Z');
  const cancelled = await publicRequest(t.app, tenant, {
    method: 'POST',
    url: `/v1/public/appointments/${byClient.id}/cancel`,
    headers: { 'x-manage-token': byClient.token },
    payload: {},
  });
  expect(cancelled.statusCode, cancelled.body).toBe(200);
  const done = await book('2027-03-27T08:00:00Z');
  const absent = await book('2027-03-26T08:00:00Z');
  clock.now = new Date('2027-04-05T08:00:00Z');
  await call(tenant, `/appointments/${done.id}/complete`);
  await call(tenant, `/appointments/${absent.id}/no-show`, {});
  const real = (id: string, start: string, outcome: GenAppointment['outcome']): GenAppointment => ({
    id,
    serviceId,
    providerId: providerIds[0]!,
    currency: 'EUR',
    outcome,
    start: new Date(start),
    minutes: 60,
    totalAmountCents: 6_000,
    sessionKey: id,
  });
  appointments.push(
    real(movedOut.id, '2027-04-01T08:00:00Z', 'confirmed'),
    real(movedIn.id, '2027-03-30T09:00:00Z', 'confirmed'),
    real(byAdmin.id, '2027-03-28T08:00:00Z', 'cancelledByAdmin'),
    real(byClient.id, '2027-03-29T08:00:00Z', 'cancelledByClient'),
    real(done.id, '2027-03-27T08:00:00Z', 'completed'),
    real(absent.id, '2027-03-26T08:00:00Z', 'noShow'),
  );
  const venue = (appointmentId: string, amountCents: number, at: string): GenLedgerRow => ({
    appointmentId,
    kind: 'BALANCE_VENUE',
    amountCents,
    currency: 'EUR',
    occurredAt: new Date(at),
  });
  const realMoney = [
    venue(done.id, 6_000, '2027-03-27T09:00:00Z'),
    venue(movedOut.id, 6_000, '2027-04-01T09:00:00Z'),
  ];
  await insertLedger(t.db, tenant.tenant.id, realMoney);
  ledger.push(...realMoney);
});
afterAll(async () => {
  await t.close();
});

/** The report's lines as this test adds them up: by local start date, per service and currency. */
function expected(startDate: string, endDate: string) {
  const lines = new Map<string, Record<string, number | string | null>>();
  const kept = new Map<string, number[]>();
  const counted = appointments.filter((a) => {
    const day = DateTime.fromJSDate(a.start, { zone: ZONE }).toISODate()!;
    return day >= startDate && day <= endDate;
  });
  for (const a of counted) {
    const key = `${a.serviceId} ${a.currency}`;
    const line = lines.get(key) ?? {
      serviceId: a.serviceId,
      currency: a.currency,
      bookings: 0,
      completed: 0,
      cancelledByClient: 0,
      cancelledByAdmin: 0,
      noShows: 0,
      revenueCents: 0,
    };
    const add = (field: string, when: boolean) => (line[field] = (line[field] as number) + (when ? 1 : 0));
    add('bookings', isBooking(a.outcome));
    add('completed', a.outcome === 'completed');
    add('cancelledByClient', a.outcome === 'cancelledByClient');
    add('cancelledByAdmin', a.outcome === 'cancelledByAdmin');
    add('noShows', a.outcome === 'noShow');
    for (const row of ledger.filter((r) => r.appointmentId === a.id)) {
      line.revenueCents = (line.revenueCents as number) + row.amountCents;
    }
    if (isKept(a.outcome)) kept.set(key, [...(kept.get(key) ?? []), a.totalAmountCents]);
    lines.set(key, line);
  }
  return [...lines.entries()].map(([key, line]) => {
    const prices = kept.get(key) ?? [];
    return {
      ...line,
      averagePriceCents: prices.length ? Math.round(prices.reduce((s, p) => s + p, 0) / prices.length) : null,
    };
  });
}

const sortLines = (lines: Array<Record<string, unknown>>) =>
  [...lines].sort((a, b) => `${a.serviceId} ${a.currency}`.localeCompare(`${b.serviceId} ${b.currency}`));

describe('GET /v1/tenant-admin/reports/services', () => {
  it.each([
    ['March (the DST day, the month end, both reschedules)', '2027-03-01', '2027-03-31'],
    ['the 23-hour day alone', '2027-03-28', '2027-03-28'],
    ['April', '2027-04-01', '2027-04-30'],
    ['both months', '2027-03-25', '2027-04-02'],
  ])('equals the sums added up here: %s', async (_name, startDate, endDate) => {
    const response = await report(`startDate=${startDate}&endDate=${endDate}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ startDate, endDate, timezone: ZONE });
    const lines = body.services.map(({ serviceName: _n, ...line }: Record<string, unknown>) => line);
    expect(sortLines(lines)).toEqual(sortLines(expected(startDate, endDate)));
    expect(body.services.length).toBeGreaterThan(0);
  });

  it('counts a reschedule once, at its new start, and never as a cancellation', async () => {
    const march = (await report('startDate=2027-03-01&endDate=2027-03-31')).json();
    const massage = march.services.find((s: { serviceName: string }) => s.serviceName === 'Massage');
    // 26 (no-show), 27 (completed), 28 (admin), 29 (client), 30 (moved in from 1 April).
    expect(massage).toMatchObject({
      bookings: 5,
      completed: 1,
      cancelledByClient: 1,
      cancelledByAdmin: 1,
      noShows: 1,
      revenueCents: 6_000,
      averagePriceCents: 6_000,
    });
    const april = (await report('startDate=2027-04-01&endDate=2027-04-30')).json();
    expect(april.services.find((s: { serviceName: string }) => s.serviceName === 'Massage')).toMatchObject({
      bookings: 1,
      cancelledByClient: 0,
      cancelledByAdmin: 0,
      revenueCents: 6_000,
    });
  });

  it("equals the revenue report's service-basis net per currency", async () => {
    const query = 'startDate=2027-03-01&endDate=2027-04-30';
    const services = (await report(query)).json().services as Array<{
      currency: string;
      revenueCents: number;
    }>;
    const revenue = (
      await admin(t.app, tenant, {
        method: 'GET',
        url: `/v1/tenant-admin/reports/revenue?${query}&basis=service`,
      })
    ).json();
    for (const { currency, totals } of revenue.currencies) {
      const sum = services.filter((s) => s.currency === currency).reduce((s, l) => s + l.revenueCents, 0);
      expect(sum, currency).toBe(totals.netCents);
    }
  });

  it("never counts another tenant's appointments", async () => {
    const mine = (await report('startDate=2027-03-01&endDate=2027-04-30')).json().services;
    const theirs = (await report('startDate=2027-03-01&endDate=2027-04-30', other)).json().services;
    const ids = new Set(mine.map((s: { serviceId: string }) => s.serviceId));
    expect(theirs.length).toBeGreaterThan(0);
    for (const line of theirs) expect(ids.has(line.serviceId)).toBe(false);
  });

  it.each([
    ['a day that does not exist', 'startDate=2027-02-30&endDate=2027-03-01'],
    ['endDate before startDate', 'startDate=2027-03-02&endDate=2027-03-01'],
    ['more than 366 days', 'startDate=2027-01-01&endDate=2028-01-02'],
    ['an absurd year', 'startDate=99999-01-01&endDate=99999-01-02'],
    ['a NUL byte', 'startDate=2027-03-01%00&endDate=2027-03-02'],
    ['a missing endDate', 'startDate=2027-03-01'],
    ['an unknown parameter', 'startDate=2027-03-01&endDate=2027-03-02&interval=day'],
  ])('answers 400 to %s', async (_name, query) => {
    const response = await report(query);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});
