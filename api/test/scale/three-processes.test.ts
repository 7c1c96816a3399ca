import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  missingLocalServices,
  startApiProcess,
  startPgBouncer,
  startRedisServer,
  type ApiProcess,
  type LocalServer,
} from '../helpers/local-services.ts';

/**
 * The production shape on one machine: three API processes (`npm run serve`) and a worker
 * (`npm run worker`) on one database through PgBouncer in transaction mode, sharing rate-limit
 * counters in Redis. The contention races of api/test/concurrency fired across the processes must
 * end as they do in one: one winner, nothing booked twice. Assertions read the database directly.
 */

const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
const PER_VISITOR_PER_MINUTE = 30;
let database: TestDatabase;
let db: Db;
let tenant: CreatedTenant;
let serviceId: string;
let redis: LocalServer;
let bouncer: LocalServer;
let apis: ApiProcess[] = [];
/** The database's clock once the set-up's own connections are made: later ones are PgBouncer's. */
let startedAfterSetUp: Date;
let worker: ChildProcess | undefined;

const skip = missingLocalServices();

/** A weekday 10:00 UTC (11:00 or 12:00 in Berlin, inside 09:00–17:00) `days` from now. */
function slot(days: number, hourUtc = 10): string {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString().replace('.000', '');
}

/** The parts of answers these tests read. */
interface Answer {
  appointment: { id: string };
  manageToken: string;
  error?: { code: string };
}

let visitor = 0;
/** Each request from a visitor of its own, as a load balancer reports it (TRUST_PROXY is 127.0.0.1). */
function fromNewVisitor(): Record<string, string> {
  visitor += 1;
  return { 'x-forwarded-for': `10.77.${Math.floor(visitor / 250)}.${visitor % 250}` };
}

async function call(
  api: ApiProcess,
  method: string,
  path: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${api.url}/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const book = (api: ApiProcess, start: string, email: string) =>
  call(
    api,
    'POST',
    '/public/appointments',
    bookingBody(serviceId, start, { client: { name: 'Ada', email } }),
    {
      'x-tenant-key': tenant.keys.publishable,
      ...fromNewVisitor(),
    },
  );

const live = (start: string) =>
  db.appointment.count({
    where: {
      tenantId: tenant.tenant.id,
      startTimeUtc: new Date(start),
      status: { in: ['PENDING', 'CONFIRMED'] },
    },
  });

describe.skipIf(skip)('three API processes and a worker on one database, through PgBouncer', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createPrismaClient(database.url);
    tenant = await createTenant(db, {
      name: 'Busy Studio',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const setup = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    serviceId = (await bookableService(setup, tenant)).serviceId;
    await setup.close();
    startedAfterSetUp = (await db.$queryRaw<Array<{ now: Date }>>`SELECT now()`)[0]!.now;
    [redis, bouncer] = await Promise.all([startRedisServer(), startPgBouncer(database.url)]);
    const env = {
      DATABASE_URL: bouncer.url,
      REDIS_URL: redis.url,
      // Production's 250 ms lets a request through uncounted on a loaded test machine (fail-open).
      REDIS_COMMAND_TIMEOUT_MS: '5000',
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_RATE_LIMIT_PER_MINUTE: String(PER_VISITOR_PER_MINUTE),
      PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: '100000',
      DRAIN_SECONDS: '2',
    };
    apis = await Promise.all([startApiProcess(env), startApiProcess(env), startApiProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await Promise.all(apis.map((api) => api.stop('SIGKILL')));
    await Promise.all([redis?.stop(), bouncer?.stop()]);
    await db?.$disconnect();
    await database?.drop();
  });

  it.each([0, 1, 2, 3, 4])(
    'round %i: nine clients on one slot, three per process: one 201, eight 409',
    async (round) => {
      const start = slot(8 + round);
      const answers = await Promise.all(
        Array.from({ length: 9 }, (_, i) => book(apis[i % 3]!, start, `crowd-${round}-${i}@example.com`)),
      );
      const tally = answers.map((a) => (a.status === 409 ? `409 ${a.body.error?.code}` : String(a.status)));
      expect(tally.filter((t) => t === '201')).toHaveLength(1);
      expect(tally.filter((t) => t === '409 slot_unavailable')).toHaveLength(8);
      expect(await live(start)).toBe(1);
    },
  );

  it.each([0, 1, 2, 3])(
    'round %i: a cancel on one process racing a reschedule on another: the cancel wins, nothing live',
    async (round) => {
      const start = slot(15 + round, 9);
      const booked = await book(apis[0]!, start, `moving-${round}@example.com`);
      expect(booked.status).toBe(201);
      const id = booked.body.appointment.id;
      const asClient = {
        'x-tenant-key': tenant.keys.publishable,
        'x-manage-token': booked.body.manageToken,
      };
      const target = slot(15 + round, 13);
      const [cancelled, moved] = await Promise.all([
        call(apis[1]!, 'POST', `/public/appointments/${id}/cancel`, {}, { ...asClient, ...fromNewVisitor() }),
        call(
          apis[2]!,
          'POST',
          `/public/appointments/${id}/reschedule`,
          { startTimeUtc: target },
          {
            ...asClient,
            ...fromNewVisitor(),
          },
        ),
      ]);
      // Cancel first: the reschedule is refused; reschedule first: the cancel cancels the moved booking.
      expect(cancelled.status).toBe(200);
      expect([200, 409]).toContain(moved.status);
      const row = await db.appointment.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe('CANCELLED');
      expect(row.startTimeUtc.toISOString().replace('.000', '')).toBe(moved.status === 200 ? target : start);
      expect((await live(start)) + (await live(target))).toBe(0);
    },
  );

  it('logs the tenant scopes in through PgBouncer as mais_tenant, beside the owner', async () => {
    // The races above ran every process's tenant scopes; PgBouncer keeps its server connections.
    const logins = await db.$queryRaw<Array<{ login: string }>>`
      SELECT DISTINCT usename AS login FROM pg_stat_activity
       WHERE datname = current_database() AND backend_start > ${startedAfterSetUp}`;
    expect(logins.map((row) => row.login).sort()).toEqual(
      [new URL(database.url).username, 'mais_tenant'].sort(),
    );
  });

  it('counts one visitor across all three processes in Redis: exactly the limit gets through', async () => {
    const sameVisitor = { 'x-tenant-key': tenant.keys.publishable, 'x-forwarded-for': '192.0.2.77' };
    const answers = await Promise.all(
      Array.from({ length: PER_VISITOR_PER_MINUTE + 15 }, (_, i) =>
        call(apis[i % 3]!, 'GET', '/public/services', undefined, sameVisitor),
      ),
    );
    // Counted per process, each would let 30 through: all 45 would pass.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(PER_VISITOR_PER_MINUTE);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(15);
    for (const answer of refused) expect(answer.body.error?.code).toBe('rate_limited');
  });

  it('runs jobs through PgBouncer: a worker process dispatches the bookings and builds their emails', async () => {
    worker = spawn(process.execPath, ['--import', 'tsx', 'src/run-worker.ts'], {
      cwd: apiRoot,
      env: { ...process.env, DATABASE_URL: bouncer.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const byStatus = async (status: 'CONFIRMED' | 'CANCELLED') =>
      db.appointment.count({ where: { tenantId: tenant.tenant.id, status } });
    const [booked, cancelled] = [await byStatus('CONFIRMED'), await byStatus('CANCELLED')];
    expect([booked, cancelled]).toEqual([5, 4]);
    const sent = (kind: string) => db.outboxMessage.count({ where: { tenantId: tenant.tenant.id, kind } });
    const deadline = Date.now() + 45_000;
    let messages: number[] = [];
    while (Date.now() < deadline) {
      messages = [await sent('confirmation'), await sent('cancellation')];
      if (messages[0]! >= booked && messages[1]! >= cancelled) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // A confirmation per live booking and a cancellation per cancelled one: every event dispatched
    // once (a booking cancelled before its confirmation was built gets only the cancellation).
    expect(messages).toEqual([booked, cancelled]);
    const cursor = await db.appointmentEventCursor.findUniqueOrThrow({
      where: { tenantId: tenant.tenant.id },
    });
    const sequence = await db.tenantEventSequence.findUniqueOrThrow({
      where: { tenantId: tenant.tenant.id },
    });
    expect(cursor.lastSeq).toBe(sequence.lastSeq);
  }, 60_000);

  it("keeps row-level security's role and tenant (transaction-local settings) inside their transaction through PgBouncer", async () => {
    // One server connection for every client, so whatever a client leaves on it, the next one sees.
    const single = await startPgBouncer(database.url, { poolSize: 1 });
    const clients = [new pg.Client(single.url), new pg.Client(single.url)] as const;
    try {
      await Promise.all(clients.map((client) => client.connect()));
      const [a, b] = clients;
      const read = async (client: pg.Client, name: string) =>
        (await client.query<{ value: string | null }>(`SELECT current_setting($1, true) AS value`, [name]))
          .rows[0]!.value ?? '';
      // set_config(…, true) inside a transaction: seen there, gone when it ends, never seen by b.
      await a.query('BEGIN');
      await a.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.tenant.id]);
      expect(await read(a, 'app.tenant_id')).toBe(tenant.tenant.id);
      await a.query('COMMIT');
      expect(await read(b, 'app.tenant_id')).toBe('');
      // Row-level security's role and tenant (enterTenant) are set the same way: inside a's
      // transaction the other tenants are hidden; the next client on that server connection is the
      // owner again and sees them.
      const count = async (client: pg.Client) =>
        Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM tenants')).rows[0]!.n);
      const total = await count(b);
      expect(total).toBeGreaterThan(0);
      await a.query('BEGIN');
      await a.query(`SELECT set_config('role', 'mais_tenant', true), set_config('app.tenant_id', $1, true)`, [
        '00000000-0000-4000-8000-000000000000',
      ]);
      expect(await count(a)).toBe(0);
      await a.query('COMMIT');
      expect(await read(b, 'role')).not.toBe('mais_tenant');
      expect(await count(b)).toBe(total);
      // A session-level setting is what transaction pooling cannot keep apart: b inherits a's.
      await a.query(`SELECT set_config('app.leaked', 'from-a', false)`);
      expect(await read(b, 'app.leaked')).toBe('from-a');
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await single.stop();
    }
  });

  it('drains on SIGTERM: /ready answers 503 draining while requests are still served, then the process exits', async () => {
    const api = apis[2]!;
    const exited = new Promise<number | null>((resolve) => api.process.once('exit', (code) => resolve(code)));
    api.process.kill('SIGTERM');
    let ready: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${api.url}/ready`);
      ready = { status: response.status, body: (await response.json()) as Answer };
      if (ready.status === 503) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ready?.status).toBe(503);
    expect(ready?.body.error?.code).toBe('draining');
    // Still serving while the load balancer moves away.
    const during = await book(api, slot(25), 'late@example.com');
    expect(during.status).toBe(201);
    expect(await exited).toBe(0);
  }, 30_000);
});
