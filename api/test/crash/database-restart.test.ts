import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/adapters/db/embedded-postgres.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { startApiProcess, type ApiProcess } from '../helpers/local-services.ts';

/**
 * PostgreSQL restarts (a fast shutdown: every connection cut) while an API process is taking
 * bookings. Clients retry what did not get an answer, with the same Idempotency-Key, as the SDK
 * does. Afterwards every booking a client was told about (201) is in the database once, none is
 * there twice, and the same API process serves again without being restarted. This test runs its
 * own PostgreSQL: the shared one of the test run must not restart under the other files.
 */

const CLIENTS = 4;
const BOOKINGS_PER_CLIENT = 12;
let server: EmbeddedDatabase;
let databaseUrl: string;
let db: Db;
let tenant: CreatedTenant;
let serviceId: string;
let api: ApiProcess;

beforeAll(async () => {
  server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `mais-restart-pg-${process.pid}-${randomBytes(3).toString('hex')}`),
    persistent: false,
  });
  databaseUrl = server.adminUrl;
  await migrate(databaseUrl);
  db = createPrismaClient(databaseUrl);
  tenant = await createTenant(db, {
    name: 'Restart Studio',
    timezone: 'UTC',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
  const setup = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
  serviceId = (await bookableService(setup, tenant, { providers: CLIENTS, service: { durationMinutes: 30 } }))
    .serviceId;
  await setup.close();
  api = await startApiProcess({
    DATABASE_URL: databaseUrl,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    ...(process.env.DEBUG_API_STDOUT ? { LOG_LEVEL: 'error' } : {}),
  });
}, 120_000);

afterAll(async () => {
  await api?.stop('SIGKILL');
  await db?.$disconnect();
  await server?.stop();
});

interface Outcome {
  key: string;
  appointmentId: string;
  attempts: number;
  statuses: number[];
}

/** Books `start` until it gets an answer that settles it, retrying refusals and cut connections with one key. */
async function bookWithRetries(start: string, email: string): Promise<Outcome> {
  const key = `restart-${randomBytes(8).toString('hex')}`;
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 60; attempt++) {
    try {
      const response = await fetch(`${api.url}/v1/public/appointments`, {
        method: 'POST',
        headers: {
          'x-tenant-key': tenant.keys.publishable,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(bookingBody(serviceId, start, { client: { name: 'Ada', email } })),
        signal: AbortSignal.timeout(10_000),
      });
      statuses.push(response.status);
      if (response.status === 201) {
        const body = (await response.json()) as { appointment: { id: string } };
        return { key, appointmentId: body.appointment.id, attempts: attempt, statuses };
      }
      await response.body?.cancel();
      if (response.status < 500) throw new Error(`booking refused: ${response.status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('booking refused')) throw error;
      statuses.push(0); // no answer
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt, 10)));
  }
  throw new Error(`no booking after 60 attempts: ${statuses.join(',')}`);
}

describe('a PostgreSQL restart under load', () => {
  it('loses no booking a client was told about, books none twice, and recovers by itself', async () => {
    const day = new Date(Date.now() + 10 * 86_400_000);
    const starts = Array.from({ length: BOOKINGS_PER_CLIENT }, (_, i) => {
      const at = new Date(day);
      at.setUTCHours(9, i * 30, 0, 0);
      return at.toISOString().replace('.000', '');
    });
    let restarted = false;
    const outcomes: Outcome[] = [];
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (const [i, start] of starts.entries()) {
        // Each client books its own provider's times: any failure here is the fault's, not contention.
        outcomes.push(await bookWithRetries(start, `client-${client}-${i}@example.com`));
      }
    });
    const restart = (async () => {
      while (outcomes.length < CLIENTS * 3) await new Promise((resolve) => setTimeout(resolve, 20));
      await server.restart();
      restarted = true;
    })();
    await Promise.all([...clients, restart]);
    expect(restarted).toBe(true);

    // Every 201 is stored, once; nothing else was booked.
    expect(outcomes).toHaveLength(CLIENTS * BOOKINGS_PER_CLIENT);
    const stored = await db.appointment.findMany({
      where: { tenantId: tenant.tenant.id },
      select: { id: true },
    });
    expect(stored.map((row) => row.id).sort()).toEqual(outcomes.map((o) => o.appointmentId).sort());
    // The fault was felt: some request had to be retried.
    const retried = outcomes.filter((o) => o.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    // While it was down: 503 database_unavailable (retry), or no answer (a cut connection); never a 500.
    const interim = new Set(retried.flatMap((o) => o.statuses.filter((status) => status !== 201)));
    for (const status of interim) expect([0, 503]).toContain(status);
    console.info(
      `database restart: ${retried.length} of ${outcomes.length} bookings retried; answers while it was down: ` +
        [...interim].sort().join(', ') +
        ' (0: no answer)',
    );

    // The same process answers again, ready and booking, with no restart of its own.
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(api.process.exitCode).toBeNull();
  }, 120_000);
});
