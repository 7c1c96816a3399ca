import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

/**
 * Races against real PostgreSQL through a real socket: many clients at once,
 * each with its own HTTP request, so the booking transactions really overlap.
 * Every answer must be a success or 409 slot_unavailable; never a 500.
 */

// Monday 1 March 2027, 08:00 Berlin. Providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let baseUrl: string;

/** The app on a real port of its own, with `maxConnections` database connections. */
async function serve(maxConnections: number) {
  const app = await buildTestApp(
    { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' },
    { clock: read, maxConnections },
  );
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ({ app: t, baseUrl } = await serve(20));
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

interface Answer {
  status: number;
  body: { error?: { code: string }; appointment?: { id: string }; manageToken?: string; id?: string };
}

async function post(path: string, body: object, target = { baseUrl, tenant }): Promise<Answer> {
  const response = await fetch(`${target.baseUrl}/v1/public${path}`, {
    method: 'POST',
    headers: { 'x-tenant-key': target.tenant.keys.publishable, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const book = (body: object) => post('/appointments', body);

/** How many answers had each status; a 409 is keyed with its error code ("409 slot_unavailable"). */
function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const key = status === 409 ? `409 ${body.error?.code}` : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Crowds take seconds on a small, busy machine; more than the default 30 s must not fail them. */
const HEAVY = 90_000;

const LIVE = { in: ['PENDING', 'CONFIRMED'] as Array<'PENDING' | 'CONFIRMED'> };

/** Pairs of live appointments of one provider whose held time overlaps (outside a shared class session). */
async function overlappingPairs(providerId: string): Promise<number> {
  const [row] = await t.db.$queryRaw<Array<{ pairs: bigint }>>`
    SELECT count(*) AS pairs
      FROM appointments a
      JOIN appointments b
        ON a."tenantId" = b."tenantId" AND a."providerId" = b."providerId" AND a.id < b.id
     WHERE a."providerId" = ${providerId}::uuid
       AND a.status IN ('PENDING', 'CONFIRMED') AND b.status IN ('PENDING', 'CONFIRMED')
       AND a."sessionKey" <> b."sessionKey"
       AND tstzrange(a."occupiedStartUtc", a."occupiedEndUtc", '[)')
           && tstzrange(b."occupiedStartUtc", b."occupiedEndUtc", '[)')`;
  return Number(row!.pairs);
}

/** The PostgreSQL error code under a Prisma (driver adapter) error. */
function pgCode(error: unknown): string | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta
    ?.driverAdapterError?.cause?.originalCode;
}

describe('simultaneous bookings of one slot', () => {
  it(
    '50 clients at once: exactly one 201, 49 × 409 slot_unavailable, one live row',
    async () => {
      const { serviceId, providerIds } = await bookableService(t.app, tenant);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          book(
            bookingBody(serviceId, '2027-03-02T09:00:00Z', {
              client: { name: `Client ${i}`, email: `c${i}@example.com` },
            }),
          ),
        ),
      );

      expect(tally(answers)).toEqual({ '201': 1, '409 slot_unavailable': 49 });
      const live = await t.db.appointment.findMany({ where: { serviceId, status: LIVE } });
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({
        providerId: providerIds[0],
        startTimeUtc: new Date('2027-03-02T09:00:00Z'),
        status: 'CONFIRMED',
      });
      const winner = answers.find((answer) => answer.status === 201)!;
      expect(winner.body.appointment!.id).toBe(live[0]!.id);
    },
    HEAVY,
  );
});

describe('a crowd larger than the connection pool', () => {
  let small: Awaited<ReturnType<typeof serve>>;
  let owner: CreatedTenant;
  beforeAll(async () => {
    small = await serve(5);
    owner = await createTestTenant(small.app.db);
  });
  afterAll(() => small.app.close());

  it(
    '150 clients on warm keep-alive connections, 5 connections: one 201, 149 × 409, never a 500',
    async () => {
      // With no connection set-up to spread them out, all pass the engine's check before anyone books and
      // queue for the pool together. This once answered 500s: Prisma's 2 s wait for a connection ran out.
      const { serviceId } = await bookableService(small.app.app, owner);
      const target = { baseUrl: small.baseUrl, tenant: owner };
      const crowd = 150;
      await Promise.all(
        Array.from({ length: crowd }, async () => {
          const response = await fetch(`${small.baseUrl}/health`);
          await response.arrayBuffer();
        }),
      );
      const answers = await Promise.all(
        Array.from({ length: crowd }, () =>
          post('/appointments', bookingBody(serviceId, '2027-03-02T11:00:00Z'), target),
        ),
      );

      expect(tally(answers)).toEqual({ '201': 1, '409 slot_unavailable': crowd - 1 });
      expect(await small.app.db.appointment.count({ where: { serviceId, status: LIVE } })).toBe(1);
    },
    HEAVY,
  );
});

describe('overlapping bookings with different start times', () => {
  it('60-min service on a 15-min grid: of 09:00, 09:15, 09:30, 09:45 at once exactly one wins', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant, {
      service: { durationMinutes: 60, slotIntervalMinutes: 15 },
    });
    const providerId = providerIds[0]!;
    const starts = ['09:00', '09:15', '09:30', '09:45'];
    // Several clients per start time, interleaved, so each start races both itself and its neighbours.
    const answers = await Promise.all(
      Array.from({ length: 5 }).flatMap(() =>
        starts.map((time) => book(bookingBody(serviceId, `2027-03-03T${time}:00Z`, { providerId }))),
      ),
    );

    expect(tally(answers)).toEqual({ '201': 1, '409 slot_unavailable': 19 });
    expect(await t.db.appointment.count({ where: { serviceId, status: LIVE } })).toBe(1);
    expect(await overlappingPairs(providerId)).toBe(0);
  });

  it('the database alone refuses an overlapping live row for the provider (23P01)', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant);
    const providerId = providerIds[0]!;
    const booked = await book(bookingBody(serviceId, '2027-03-04T10:00:00Z', { providerId }));
    expect(booked.status).toBe(201);

    // Written straight to the table: no slot engine, no advisory lock; 10:30–11:30 overlaps 10:00–11:00.
    const row = (status: 'CONFIRMED' | 'CANCELLED', sessionKey: string) => ({
      tenantId: tenant.tenant.id,
      serviceId,
      providerId,
      clientName: 'Direct Insert',
      clientEmail: 'direct@example.com',
      clientTimezone: 'Europe/Berlin',
      startTimeUtc: new Date('2027-03-04T10:30:00Z'),
      endTimeUtc: new Date('2027-03-04T11:30:00Z'),
      occupiedStartUtc: new Date('2027-03-04T10:30:00Z'),
      occupiedEndUtc: new Date('2027-03-04T11:30:00Z'),
      sessionKey,
      status,
      currency: 'EUR',
      totalAmountCents: 5000,
      manageTokenHash: 'a'.repeat(64),
    });
    const refused = await t.db.appointment.create({ data: row('CONFIRMED', 'direct-1') }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(pgCode(refused)).toBe('23P01');
    expect(String((refused as Error).message)).toContain('appointments_no_provider_overlap');
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(1);

    // The constraint is about live rows only: the same time CANCELLED is accepted.
    await t.db.appointment.create({ data: row('CANCELLED', 'direct-2') });
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(2);
    expect(await t.db.appointment.count({ where: { serviceId, status: LIVE } })).toBe(1);
  });
});

describe('a class filling up', () => {
  it('capacity 5, 30 clients at once: 5 × 201, 25 × 409, exactly 5 seats taken', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant, { service: { capacity: 5 } });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        book(
          bookingBody(serviceId, '2027-03-05T10:00:00Z', {
            seats: 1,
            client: { name: `Student ${i}`, email: `s${i}@example.com` },
          }),
        ),
      ),
    );

    expect(tally(answers)).toEqual({ '201': 5, '409 slot_unavailable': 25 });
    const live = await t.db.appointment.findMany({ where: { serviceId, status: LIVE } });
    expect(live.reduce((sum, row) => sum + row.seats, 0)).toBe(5);
    expect(new Set(live.map((row) => row.sessionKey)).size).toBe(1);
    expect(new Set(live.map((row) => row.providerId))).toEqual(new Set(providerIds));
    expect(await overlappingPairs(providerIds[0]!)).toBe(0);
  });
});

describe('a reschedule racing a new booking for the same time', () => {
  const days = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13'];
  const outcomes: string[] = [];
  let serviceId: string;
  let providerId: string;

  beforeAll(async () => {
    const created = await bookableService(t.app, tenant);
    serviceId = created.serviceId;
    providerId = created.providerIds[0]!;
  });
  afterAll(() => {
    // Which side won each round, for whoever reads the test output.
    console.info(`reschedule race outcomes: ${outcomes.join(', ')}`);
  });

  it.each(days.map((day, round) => ({ day, round })))(
    'round $round ($day): exactly one wins and no booking is lost',
    async ({ day, round }) => {
      const ten = `${day}T10:00:00Z`;
      const noon = `${day}T12:00:00Z`;
      const first = await book(bookingBody(serviceId, ten, { providerId }));
      expect(first.status).toBe(201);
      const a = first.body.appointment!.id;
      const token = first.body.manageToken!;

      const reschedule = () => post(`/appointments/${a}/reschedule`, { token, startTimeUtc: noon });
      const rival = () =>
        book(
          bookingBody(serviceId, noon, { providerId, client: { name: 'Rival', email: 'rival@example.com' } }),
        );
      // Alternate who is sent first, so both outcomes get their chance.
      const [moved, booked] =
        round % 2 === 0
          ? await Promise.all([reschedule(), rival()])
          : await Promise.all([rival(), reschedule()]).then(([r, m]) => [m, r] as const);

      expect([200, 409]).toContain(moved.status);
      expect([201, 409]).toContain(booked.status);
      for (const loser of [moved, booked].filter((answer) => answer.status === 409)) {
        expect(loser.body.error?.code).toBe('slot_unavailable');
      }
      expect([moved.status === 200, booked.status === 201].filter(Boolean)).toHaveLength(1);

      const old = await t.db.appointment.findUniqueOrThrow({ where: { id: a } });
      const atNoon = await t.db.appointment.findMany({
        where: { serviceId, startTimeUtc: new Date(noon), status: LIVE },
      });
      expect(atNoon).toHaveLength(1);
      if (moved.status === 200) {
        outcomes.push('reschedule');
        // The same appointment moved to noon.
        expect(old).toMatchObject({ status: 'CONFIRMED', startTimeUtc: new Date(noon) });
        expect(atNoon[0]).toMatchObject({ id: a, status: 'CONFIRMED' });
      } else {
        outcomes.push('new booking');
        expect(old).toMatchObject({ status: 'CONFIRMED', startTimeUtc: new Date(ten), cancelledAt: null });
        expect(atNoon[0]).toMatchObject({ id: booked.body.appointment!.id, rescheduledFromId: null });
      }
      // No lost booking: the 10:00 or its replacement is live, beside the rival only if the rival won.
      const liveThatDay = await t.db.appointment.findMany({
        where: {
          serviceId,
          status: LIVE,
          startTimeUtc: { gte: new Date(`${day}T00:00:00Z`), lt: new Date(`${day}T23:59:59Z`) },
        },
      });
      expect(liveThatDay).toHaveLength(moved.status === 200 ? 1 : 2);
      expect(liveThatDay.some((row) => row.id === a || row.rescheduledFromId === a)).toBe(true);
      expect(await overlappingPairs(providerId)).toBe(0);
    },
  );
});
