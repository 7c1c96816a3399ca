import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Db } from '../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../src/config.ts';
import { createTenant, type CreatedTenant } from '../src/use-cases/create-tenant.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createCountingPrismaClient, type StatementLog } from './helpers/statement-counter.ts';

/**
 * How many SQL statements one public request costs, counted at the pg driver:
 * the queries (`work`) and every round trip (BEGIN, COMMIT and row-level
 * security's naming of the tenant too). The budget holds for the first request of a
 * key as well, whose once-a-minute lastUsedAt write rides in the key lookup's
 * own statement. Run alone to see the statements: the test prints them.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.parse('2027-03-01T00:00:00Z'); // a Monday
const PROVIDERS = 6;
const BUDGET = 5;
// The key lookup (the owner's pool), then the tenant's reads in one transaction: BEGIN, the
// statement naming the tenant, the reads, COMMIT.
const ROUND_TRIPS = 6;

let database: TestDatabase;
let db: Db;
let log: StatementLog;
let app: FastifyInstance;
let owner: CreatedTenant;
let serviceId: string;
let providerIds: string[];
let reasonFieldId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ db, log } = createCountingPrismaClient(database.url));
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db, clock: () => new Date(NOW) });
  await app.ready();
  owner = await createTenant(db, {
    name: 'Counted Studio',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
  ({ serviceId, providerIds } = await seed(owner.tenant.id));
  reasonFieldId = (await db.intakeFormField.findFirstOrThrow({ where: { serviceId, label: 'Reason' } })).id;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** A realistic tenant: providers with weekly hours, a room, intake fields, holidays, bookings and busy blocks. */
async function seed(tenantId: string) {
  const room = await db.resource.create({ data: { tenantId, name: 'Room 1', kind: 'room', capacity: 3 } });
  const service = await db.service.create({
    data: {
      tenantId,
      name: 'Consultation',
      durationMinutes: 60,
      bufferAfterMinutes: 10,
      slotIntervalMinutes: 30,
      minimumNoticeMinutes: 120,
      bookingWindowDays: 90,
      priceBaseCents: 5000,
      currency: 'EUR',
    },
  });
  await db.serviceResource.create({ data: { tenantId, serviceId: service.id, resourceId: room.id } });
  await db.intakeFormField.createMany({
    data: [
      {
        tenantId,
        serviceId: service.id,
        label: 'Reason',
        fieldType: 'TEXTAREA',
        required: true,
        sortOrder: 1,
      },
      { tenantId, serviceId: service.id, label: 'Phone', fieldType: 'PHONE', sortOrder: 2 },
    ],
  });
  const ids: string[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const provider = await db.provider.create({
      data: { tenantId, name: `Provider ${p + 1}`, email: `p${p + 1}@example.com` },
    });
    ids.push(provider.id);
  }
  // One inactive provider, which availability must not consider.
  const retired = await db.provider.create({
    data: { tenantId, name: 'Retired', email: 'retired@example.com', active: false },
  });
  await db.providerService.createMany({
    data: [...ids, retired.id].map((providerId, i) => ({
      tenantId,
      providerId,
      serviceId: service.id,
      priceOverrideCents: i === 0 ? 6000 : null,
    })),
  });
  await db.availabilityRule.createMany({
    data: ids.flatMap((providerId) =>
      [1, 2, 3, 4, 5].map((dayOfWeek) => ({
        tenantId,
        providerId,
        dayOfWeek,
        startTime: '08:00',
        endTime: '18:00',
      })),
    ),
  });
  await db.availabilityOverride.createMany({
    data: [
      { tenantId, date: new Date('2027-03-10T00:00:00Z'), closed: true, reason: 'Holiday' },
      {
        tenantId,
        providerId: ids[0],
        date: new Date('2027-03-12T00:00:00Z'),
        closed: false,
        startTime: '12:00',
        endTime: '16:00',
      },
    ],
  });
  await db.appointment.createMany({
    data: Array.from({ length: 120 }, (_, i) => {
      const start = new Date(NOW + (1 + (i % 28)) * DAY + (8 + Math.floor(i / 28) * 2) * HOUR);
      const end = new Date(start.getTime() + HOUR);
      const id = randomUUID();
      return {
        id,
        tenantId,
        serviceId: service.id,
        providerId: ids[i % PROVIDERS]!,
        clientName: `Client ${i}`,
        clientEmail: `client${i}@example.com`,
        clientTimezone: 'UTC',
        startTimeUtc: start,
        endTimeUtc: end,
        occupiedStartUtc: start,
        occupiedEndUtc: new Date(end.getTime() + 10 * MINUTE),
        sessionKey: id,
        status: 'CONFIRMED' as const,
        confirmedAt: new Date(NOW),
        currency: 'EUR',
        totalAmountCents: 5000,
        manageTokenHash: randomBytes(32).toString('hex'),
      };
    }),
  });
  await db.busyBlock.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      tenantId,
      providerId: ids[i % PROVIDERS]!,
      startTimeUtc: new Date(NOW + (1 + i) * DAY + 13 * HOUR),
      endTimeUtc: new Date(NOW + (1 + i) * DAY + 14 * HOUR),
      source: 'MANUAL' as const,
    })),
  });
  return { serviceId: service.id, providerIds: ids };
}

/**
 * `work`: the queries themselves, the budget that catches an N+1. `roundTrips`: every statement
 * sent, BEGIN, COMMIT and the statement naming the tenant for row-level security included (a tenant
 * statement outside a transaction is wrapped in one of its own: api/README.md, "Row-level security").
 */
function withinBudget(
  counts: ReturnType<StatementLog['counts']>,
  budget: { work: number; roundTrips: number },
) {
  expect(counts.work).toBeLessThanOrEqual(budget.work);
  expect(counts.all).toBeLessThanOrEqual(budget.roundTrips);
}

async function counted(url: string) {
  log.reset();
  const response = await app.inject({
    method: 'GET',
    url,
    headers: { 'x-tenant-key': owner.keys.publishable },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { response, counts: log.counts(), statements: [...log.statements] };
}

const availabilityUrl = (extra = '') =>
  `/v1/public/services/${serviceId}/availability?startDate=2027-03-02&endDate=2027-03-31&timezone=Europe/Berlin${extra}`;
const datesUrl = (extra = '') =>
  `/v1/public/services/${serviceId}/availability/dates?month=2027-03&timezone=Europe/Berlin${extra}`;

describe('SQL statements per public availability request', () => {
  it('availability for 30 days: at most 5 queries, 6 round trips', async () => {
    const first = await counted(availabilityUrl());
    const lastUsed = () =>
      db.apiKey
        .findFirstOrThrow({ where: { tenantId: owner.tenant.id, kind: 'PUBLISHABLE' } })
        .then((key) => key.lastUsedAt?.getTime());
    const touched = await lastUsed();
    const steady = await counted(availabilityUrl());
    // The first request recorded the key's use, in the lookup's own statement; the next one wrote nothing.
    expect(touched).toBeGreaterThan(Date.now() - 60_000);
    expect(await lastUsed()).toBe(touched);
    console.log(
      `availability, 30 days, ${PROVIDERS} providers: ${steady.counts.all} statements ` +
        `(${steady.counts.withoutTransactionControl} without BEGIN/COMMIT); first request of the key ` +
        `${first.counts.all}\n  ${steady.statements.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160)).join('\n  ')}`,
    );
    expect(steady.response.json().slots.length).toBeGreaterThan(100);
    withinBudget(steady.counts, { work: BUDGET, roundTrips: ROUND_TRIPS });
    withinBudget(first.counts, { work: BUDGET, roundTrips: ROUND_TRIPS });
  });

  it('availability for one chosen provider: at most 5 queries, 6 round trips', async () => {
    const { counts } = await counted(availabilityUrl(`&providerId=${providerIds[1]}`));
    withinBudget(counts, { work: BUDGET, roundTrips: ROUND_TRIPS });
  });

  it('the month view (available dates): at most 5 queries, 6 round trips', async () => {
    const { response, counts, statements } = await counted(datesUrl());
    console.log(
      `available dates, one month: ${counts.all} statements (${counts.withoutTransactionControl} without BEGIN/COMMIT)\n  ` +
        statements.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160)).join('\n  '),
    );
    expect(response.json().dates).toContain('2027-03-02');
    expect(response.json().dates).not.toContain('2027-03-10'); // the holiday
    withinBudget(counts, { work: BUDGET, roundTrips: ROUND_TRIPS });
  });
});

describe('SQL statements of the rest of the widget’s first screen', () => {
  it('the service list: at most 5 queries, 8 round trips', async () => {
    const { response, counts } = await counted('/v1/public/services');
    expect(response.json().data).toHaveLength(1);
    // One Prisma query of four statements, in a transaction of its own.
    withinBudget(counts, { work: BUDGET, roundTrips: 8 });
  });

  it('the whole first screen in one request (booking-page): at most 8 queries, 17 round trips', async () => {
    const { response, counts, statements } = await counted(
      `/v1/public/booking-page?timezone=Europe/Berlin&serviceId=${serviceId}`,
    );
    console.log(
      `booking-page with a service: ${counts.all} statements (${counts.work} queries)\n  ` +
        statements.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160)).join('\n  '),
    );
    expect(response.json().schedule.slots.length).toBeGreaterThan(0);
    withinBudget(counts, { work: 8, roundTrips: 17 });
  });

  it('the tenant: 2 queries (the key, then the tenant’s settings), 5 round trips', async () => {
    const { counts } = await counted('/v1/public/tenant');
    expect(counts.work).toBe(2);
    withinBudget(counts, { work: 2, roundTrips: 5 });
  });
});

describe('SQL statements per booking and per change of a booking', () => {
  // The queries; round trips are counted beside them (measured: 23, 24 and 6).
  const BOOKING_BUDGET = 8;
  // A client's reschedule also reads the cancellation policy in force (until when it may move).
  const RESCHEDULE_BUDGET = 9;
  const send = async (method: 'POST', url: string, payload: object, headers: Record<string, string> = {}) => {
    log.reset();
    const response = await app.inject({
      method,
      url,
      payload,
      headers: { 'x-tenant-key': owner.keys.publishable, ...headers },
    });
    const counts = log.counts();
    console.log(
      `${url.replace(/[0-9a-f-]{36}/g, ':id')}: ${counts.all} statements (${counts.withoutTransactionControl} without BEGIN/COMMIT)\n  ` +
        log.statements.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 140)).join('\n  '),
    );
    return { response, counts };
  };

  it('a booking with an Idempotency-Key and intake answers: at most 8 queries; a reschedule at most 9; a cancel 3', async () => {
    const reason = await db.intakeFormField.findFirstOrThrow({ where: { serviceId, label: 'Reason' } });
    const booked = await send(
      'POST',
      '/v1/public/appointments',
      {
        serviceId,
        providerId: providerIds[2],
        startTimeUtc: '2027-03-03T09:00:00Z',
        client: { name: 'Counted Client', email: 'counted@example.com' },
        clientTimezone: 'Europe/Berlin',
        intake: { [reason.id]: 'Back pain' },
      },
      { 'idempotency-key': 'counted-booking-1' },
    );
    expect(booked.response.statusCode, booked.response.body).toBe(201);
    withinBudget(booked.counts, { work: BOOKING_BUDGET, roundTrips: 23 });
    const { appointment, manageToken } = booked.response.json();
    expect(appointment.intake).toEqual([{ fieldId: reason.id, label: 'Reason', value: 'Back pain' }]);

    const moved = await send(
      'POST',
      `/v1/public/appointments/${appointment.id}/reschedule`,
      { startTimeUtc: '2027-03-03T11:00:00Z' },
      { 'x-manage-token': manageToken },
    );
    expect(moved.response.statusCode, moved.response.body).toBe(200);
    withinBudget(moved.counts, { work: RESCHEDULE_BUDGET, roundTrips: 24 });

    const cancelled = await send(
      'POST',
      `/v1/public/appointments/${appointment.id}/cancel`,
      {},
      { 'x-manage-token': manageToken },
    );
    expect(cancelled.response.statusCode, cancelled.response.body).toBe(200);
    withinBudget(cancelled.counts, { work: 3, roundTrips: 6 });
  });
});

describe('a crowd on one slot', () => {
  it('opens far fewer transactions than there are requests: those in line when the winner commits are answered at once', async () => {
    log.reset();
    const crowd = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/v1/public/appointments',
          headers: { 'x-tenant-key': owner.keys.publishable },
          payload: {
            serviceId,
            providerId: providerIds[3],
            startTimeUtc: '2027-03-04T09:00:00Z',
            client: { name: `Crowd ${i}`, email: `crowd${i}@example.com` },
            clientTimezone: 'Europe/Berlin',
            intake: { [reasonFieldId]: 'Crowd' },
          },
        }),
      ),
    );
    const statuses = crowd.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(39);
    // The booking transactions: each takes the slot's lock (a lone read is a transaction too now).
    const transactions = log.statements.filter((sql) => /pg_advisory_xact_lock/.test(sql)).length;
    console.log(`40 identical bookings at once: ${transactions} transactions`);
    // Without the line every request would open one (40).
    expect(transactions).toBeLessThanOrEqual(20);
  });
});
