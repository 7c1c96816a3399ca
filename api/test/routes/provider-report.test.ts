import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import {
  insertAppointments,
  insertLedger,
  type GenAppointment,
  type GenLedgerRow,
} from '../helpers/report-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/reports/providers over 27–29 March 2027 in Berlin (the 28th has 23 hours)
// and 31 October 2027 (25 hours). Ada works 9:00–17:00 every day (her own hours), Bea the hours
// of the service she performs (10:00–12:00); the business is closed on the 27th, Ada's 29th is
// 10:00–14:00 only, and a Google busy block takes 9:00–10:30 of her 28th. Hours are worked out
// here by hand, in the comments; money and counts from the rows inserted.
const { read } = testClock('2027-03-20T08:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let ada: string;
let bea: string;
const ledger: GenLedgerRow[] = [];

const report = (query: string, owner = tenant) =>
  admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/reports/providers?${query}` });

async function call(owner: CreatedTenant, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) {
  const response = await admin(t.app, owner, {
    method,
    url: `/v1/tenant-admin${url}`,
    payload: payload as object,
  });
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

/** Ada's and the other tenant's appointments: the same times, so a leak would change every figure. */
async function seed(owner: CreatedTenant, providerId: string, eurService: string, usdService: string) {
  const at = (
    start: string,
    minutes: number,
    outcome: GenAppointment['outcome'],
    currency = 'EUR',
    sessionKey?: string,
  ): GenAppointment => {
    // A 1:1 booking's sessionKey is its own id, as take-slot.ts writes it; a class's seats share one.
    const id = randomUUID();
    return {
      id,
      serviceId: currency === 'EUR' ? eurService : usdService,
      providerId,
      currency,
      outcome,
      start: new Date(start),
      minutes,
      totalAmountCents: 5_000,
      sessionKey: sessionKey ?? id,
    };
  };
  const list = [
    // A class at 10:00 on the 28th (CEST, +2): three seats of one session, counted once (1 h).
    at('2027-03-28T08:00:00Z', 60, 'confirmed', 'EUR', `class-${providerId}`),
    at('2027-03-28T08:00:00Z', 60, 'noShow', 'EUR', `class-${providerId}`),
    at('2027-03-28T08:00:00Z', 60, 'cancelledByClient', 'EUR', `class-${providerId}`),
    // 11:00 on the 27th (CET, +1), 90 minutes, though the business was closed: 1.5 h.
    at('2027-03-27T10:00:00Z', 90, 'completed'),
    // A live hold at 14:00 on the 28th: 1 h.
    at('2027-03-28T12:00:00Z', 60, 'holdLive'),
    // A lapsed hold and a cancelled booking on the 29th: no hours.
    at('2027-03-29T10:00:00Z', 45, 'holdExpiredReleased'),
    at('2027-03-29T11:00:00Z', 30, 'cancelledByAdmin'),
    // In dollars, 16:00 on the 27th: 1 h.
    at('2027-03-27T15:00:00Z', 60, 'confirmed', 'USD'),
    // Outside the period: 30 March, 00:00 Berlin.
    at('2027-03-29T22:00:00Z', 60, 'confirmed'),
  ];
  await insertAppointments(t.db, owner.tenant.id, list, read());
  const money = (i: number, kind: GenLedgerRow['kind'], amountCents: number): GenLedgerRow => ({
    appointmentId: list[i]!.id,
    kind,
    amountCents,
    currency: list[i]!.currency,
    occurredAt: new Date('2027-04-02T10:00:00Z'),
  });
  const rows = [
    money(0, 'CHARGE', 5_000),
    money(0, 'STRIPE_FEE', -100),
    money(2, 'DEPOSIT', 1_000),
    money(2, 'REFUND', -1_000),
    money(1, 'NO_SHOW_FEE_VENUE', 2_500),
    money(7, 'CHARGE', 7_000),
    money(8, 'CHARGE', 999),
  ];
  await insertLedger(t.db, owner.tenant.id, rows);
  return rows;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const yoga = await bookableService(t.app, tenant, { service: { name: 'Yoga', capacity: 3 } });
  ada = yoga.providerIds[0]!;
  await call(tenant, 'PATCH', `/providers/${ada}`, { name: 'Ada' });
  const usd = await call(tenant, 'POST', '/services', {
    name: 'Coaching',
    durationMinutes: 60,
    priceBaseCents: 7_000,
    currency: 'USD',
  });
  const beaProvider = await call(tenant, 'POST', '/providers', { name: 'Bea', email: 'bea@example.com' });
  bea = beaProvider.id;
  await call(tenant, 'PUT', `/providers/${bea}/services`, [{ serviceId: usd.id }]);
  await call(
    tenant,
    'PUT',
    `/services/${usd.id}/availability`,
    [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '10:00', endTime: '12:00' })),
  );
  const idle = await call(tenant, 'POST', '/providers', { name: 'Cleo', email: 'cleo@example.com' });
  await call(tenant, 'PATCH', `/providers/${idle.id}`, { active: false });
  await call(tenant, 'POST', '/availability-overrides', {
    date: '2027-03-27',
    closed: true,
    reason: 'Holiday',
  });
  await call(tenant, 'POST', '/availability-overrides', {
    providerId: ada,
    date: '2027-03-29',
    closed: false,
    startTime: '10:00',
    endTime: '14:00',
  });
  await t.db.$executeRaw`
    INSERT INTO busy_blocks ("tenantId", "providerId", "startTimeUtc", "endTimeUtc", source, "externalId")
    VALUES (${tenant.tenant.id}::uuid, ${ada}::uuid, '2027-03-28T07:00:00Z', '2027-03-28T08:30:00Z', 'GOOGLE', 'g1'),
           (${tenant.tenant.id}::uuid, ${ada}::uuid, '2027-03-28T17:00:00Z', '2027-03-28T18:00:00Z', 'GOOGLE', 'g2')`;
  ledger.push(...(await seed(tenant, ada, yoga.serviceId, usd.id)));

  const theirs = await bookableService(t.app, other, { service: { name: 'Yoga', capacity: 3 } });
  await seed(other, theirs.providerIds[0]!, theirs.serviceId, theirs.serviceId);
});
afterAll(async () => {
  await t.close();
});

describe('GET /v1/tenant-admin/reports/providers', () => {
  it('works out hours, utilisation, no-shows and money over the 23-hour day, an override and a busy block', async () => {
    const response = await report('startDate=2027-03-27&endDate=2027-03-29');
    expect(response.statusCode, response.body).toBe(200);
    const { providers } = response.json();
    // Cleo is inactive and has no appointments: not listed.
    expect(providers.map((p: { providerName: string }) => p.providerName)).toEqual(['Ada', 'Bea']);
    const inPeriod = (row: GenLedgerRow) => row.amountCents !== 999; // the 30 March appointment's charge
    const eur = ledger
      .filter((r) => r.currency === 'EUR' && inPeriod(r))
      .reduce((s, r) => s + r.amountCents, 0);
    const usd = ledger.filter((r) => r.currency === 'USD').reduce((s, r) => s + r.amountCents, 0);
    expect(providers[0]).toEqual({
      providerId: ada,
      providerName: 'Ada',
      // Class 1 h (once for three seats) + 1.5 h + live hold 1 h + dollars 1 h.
      bookedHours: 4.5,
      // 27th closed; 28th 8 h less 1.5 h busy (the 19:00 block is after hours); 29th 10:00–14:00.
      availableHours: 10.5,
      utilisationPercent: 42.9,
      // Two class seats, the completed one, the live hold, the dollar one.
      bookings: 5,
      noShows: 1,
      noShowPercent: 20,
      revenue: [
        { currency: 'EUR', revenueCents: eur },
        { currency: 'USD', revenueCents: usd },
      ],
    });
    expect(eur).toBe(7_400);
    // Bea: 10:00–12:00 of the service's hours on the 28th and 29th; the 27th closed.
    expect(providers[1]).toEqual({
      providerId: bea,
      providerName: 'Bea',
      bookedHours: 0,
      availableHours: 4,
      utilisationPercent: 0,
      bookings: 0,
      noShows: 0,
      noShowPercent: null,
      revenue: [],
    });
  });

  it('counts 9:00–17:00 as 8 hours on the 25-hour 31 October', async () => {
    const { providers } = (await report('startDate=2027-10-31&endDate=2027-10-31')).json();
    expect(providers.map((p: { availableHours: number }) => p.availableHours)).toEqual([8, 2]);
    expect(providers[0]).toMatchObject({ bookedHours: 0, utilisationPercent: 0, revenue: [] });
  });

  it("lists only the caller's providers", async () => {
    const { providers } = (await report('startDate=2027-03-27&endDate=2027-03-29', other)).json();
    expect(providers).toHaveLength(1);
    expect([ada, bea]).not.toContain(providers[0].providerId);
    expect(providers[0]).toMatchObject({ bookedHours: 4.5, bookings: 5, noShows: 1 });
  });

  it.each([
    ['a day that does not exist', 'startDate=2027-02-29&endDate=2027-03-01'],
    ['endDate before startDate', 'startDate=2027-03-02&endDate=2027-03-01'],
    ['more than 366 days', 'startDate=2027-01-01&endDate=2028-01-02'],
    ['a lone surrogate', 'startDate=%ED%A0%80&endDate=2027-03-02'],
  ])('answers 400 to %s', async (_name, query) => {
    const response = await report(query);
    expect(response.statusCode, response.body).toBe(400);
  });
});
