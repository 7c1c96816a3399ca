import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

/**
 * Two or more changes of ONE appointment at once, over real HTTP on real
 * PostgreSQL, in rounds. Whatever the interleaving, the end state must be one
 * that the same requests run one after the other could have produced.
 */

// Monday 1 March 2027, 08:00 Berlin. Providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let baseUrl: string;
let serviceId: string;
let providerId: string;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' }, { clock: read, maxConnections: 20 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  tenant = await createTestTenant(t.db);
  const created = await bookableService(t.app, tenant);
  serviceId = created.serviceId;
  providerId = created.providerIds[0]!;
});
afterAll(() => t.close());

interface Answer {
  status: number;
  body: { id?: string; status?: string; startTimeUtc?: string; error?: { code: string } };
}

async function call(method: string, path: string, body: object | undefined, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer['body'] & Record<string, unknown>,
  };
}
const asClient = { 'x-tenant-key': () => tenant.keys.publishable };
const client = (path: string, body: object, token: string) =>
  call('POST', `/public${path}`, body, {
    'x-tenant-key': asClient['x-tenant-key'](),
    'x-manage-token': token,
  });
const staff = (path: string, body?: object) =>
  call('POST', `/tenant-admin${path}`, body ?? {}, { authorization: `Bearer ${tenant.keys.secret}` });

async function bookAt(start: string) {
  const answer = await call('POST', '/public/appointments', bookingBody(serviceId, start, { providerId }), {
    'x-tenant-key': tenant.keys.publishable,
  });
  expect(answer.status).toBe(201);
  return { id: (answer.body.appointment as { id: string }).id, token: answer.body.manageToken as string };
}

const live = (day: string) =>
  t.db.appointment.findMany({
    where: {
      serviceId,
      status: { in: ['PENDING', 'CONFIRMED'] },
      startTimeUtc: { gte: new Date(`${day}T00:00:00Z`), lt: new Date(`${day}T23:59:59Z`) },
    },
  });

// One day per round, and other days for the other race, so each round sees only its own booking.
const ROUNDS = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'];
const CANCEL_ROUNDS = ['2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19', '2027-03-22', '2027-03-23'];

describe('four reschedules of one booking at once, each to another free time', () => {
  it.each(ROUNDS)('round on %s: one live booking, at a time an answered reschedule named', async (day) => {
    const booked = await bookAt(`${day}T09:00:00Z`);
    const targets = ['10:00', '11:00', '13:00', '14:00'].map((time) => `${day}T${time}:00Z`);
    const answers = await Promise.all(
      targets.map((startTimeUtc) =>
        client(`/appointments/${booked.id}/reschedule`, { startTimeUtc }, booked.token),
      ),
    );

    // Run one after another, every reschedule succeeds (each target is free): so must they all here.
    for (const answer of answers) expect(answer.status).toBe(200);
    const rows = await live(day);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(booked.id);
    // The final time is one the answers named, and the history holds exactly four moves.
    expect(targets.map((time) => new Date(time).getTime())).toContain(rows[0]!.startTimeUtc.getTime());
    const events = await t.db.appointmentEvent.findMany({
      where: { appointmentId: booked.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual([
      'CREATED',
      'RESCHEDULED',
      'RESCHEDULED',
      'RESCHEDULED',
      'RESCHEDULED',
    ]);
    // Moves chain: each one starts where the one before ended, and the last one is where the booking is.
    const moves = events
      .slice(1)
      .map((e) => e.data as { from: { startTimeUtc: string }; to: { startTimeUtc: string } });
    moves.forEach((move, i) => {
      const before = i === 0 ? `${day}T09:00:00.000Z` : moves[i - 1]!.to.startTimeUtc;
      expect(move.from.startTimeUtc).toBe(before);
    });
    expect(moves.at(-1)!.to.startTimeUtc).toBe(rows[0]!.startTimeUtc.toISOString());
    // Every other time is free again.
    const busyAt = (await live(day)).map((row) => row.startTimeUtc.toISOString());
    expect(busyAt).toHaveLength(1);
  });
});

describe('a cancel racing a reschedule of the same booking', () => {
  const outcomes: string[] = [];
  afterAll(() => console.info(`cancel vs reschedule: ${outcomes.join(', ')}`));

  it.each(CANCEL_ROUNDS.map((day, i) => ({ day, round: i, by: i % 2 === 0 ? 'client' : 'admin' })))(
    'round $round ($day, cancel by $by): a cancel that answered 200 leaves no live booking',
    async ({ day, round, by }) => {
      const booked = await bookAt(`${day}T15:00:00Z`);
      const cancel = () =>
        by === 'client'
          ? client(`/appointments/${booked.id}/cancel`, {}, booked.token)
          : staff(`/appointments/${booked.id}/cancel`);
      const reschedule = () =>
        client(`/appointments/${booked.id}/reschedule`, { startTimeUtc: `${day}T08:00:00Z` }, booked.token);
      // Even rounds send both at once (the cancel, the shorter request, tends to win); odd rounds let
      // the reschedule start first, so both orders are exercised. Neither order is asserted.
      const later = <T>(ms: number, send: () => Promise<T>) =>
        new Promise((resolve) => setTimeout(resolve, ms)).then(send);
      const [cancelled, moved] =
        round % 2 === 0
          ? await Promise.all([cancel(), reschedule()])
          : await Promise.all([later(15, cancel), reschedule()]);

      // Either order alone: cancel first → the reschedule is refused (409 invalid_state);
      // reschedule first → the cancel cancels the moved booking. The cancel always wins in the end.
      expect(cancelled.status).toBe(200);
      expect([200, 409]).toContain(moved.status);
      if (moved.status === 409) expect(moved.body.error?.code).toBe('invalid_state');
      expect(await live(day)).toHaveLength(0);
      const row = await t.db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
      expect(row.status).toBe('CANCELLED');
      // The cancel answer shows the time the booking had when it was cancelled.
      expect(cancelled.body.startTimeUtc).toBe(row.startTimeUtc.toISOString());
      outcomes.push(moved.status === 200 ? 'reschedule then cancel' : 'cancel then refused reschedule');
    },
  );
});

describe('the history sequence after all the races above', () => {
  it("numbers the tenant's events 1…N without gaps or repeats", async () => {
    const seqs = (
      await t.db.appointmentEvent.findMany({ where: { tenantId: tenant.tenant.id }, orderBy: { seq: 'asc' } })
    ).map((event) => Number(event.seq));
    expect(seqs.length).toBeGreaterThan(40);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const counter = await t.db.tenantEventSequence.findUniqueOrThrow({
      where: { tenantId: tenant.tenant.id },
    });
    expect(Number(counter.lastSeq)).toBe(seqs.length);
  });
});
