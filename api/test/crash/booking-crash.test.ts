import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService } from '../helpers/booking-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

/**
 * The server process dies (SIGKILL) right after a booking's transaction
 * commits and before it answers. The client retries with the same
 * Idempotency-Key and body against a restarted server: it must get the booking
 * that exists (201, same appointment) with a manage token that works, and
 * nothing may be booked twice.
 */

const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
let db: Db;
let tenant: CreatedTenant;
let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Starts src/server.ts as its own process; resolves once /health answers. */
async function startServer(env: Record<string, string>): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 400; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { process: child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  tenant = await createTenant(db, {
    name: 'Crash Studio',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
}, 60_000);
afterAll(async () => {
  server?.kill('SIGKILL');
  await db.$disconnect();
  await database.drop();
});

describe('a crash between the booking commit and its answer', () => {
  it('the retry with the same key returns the existing booking with a working token', async () => {
    // The catalog is set up in-process on the same database; the booking goes to a real server process.
    const setup = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    const { serviceId } = await bookableService(setup, tenant);
    await setup.close();
    const first = await startServer({ MAIS_FAULT_INJECTION: 'crash-after-booking-commit' });
    server = first.process;

    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const body = JSON.stringify({
      serviceId,
      startTimeUtc: start.toISOString().replace('.000', ''),
      client: { name: 'Grace', email: 'grace@example.com' },
      clientTimezone: 'Europe/Berlin',
    });
    const headers = {
      'x-tenant-key': tenant.keys.publishable,
      'content-type': 'application/json',
      'idempotency-key': 'crash-test-key-0001',
    };

    // The first attempt: the process dies after the commit, the connection drops.
    await expect(
      fetch(`${first.url}/v1/public/appointments`, { method: 'POST', headers, body }),
    ).rejects.toThrow();
    // It may have exited before the fetch failed: only wait when it has not.
    if (first.process.exitCode === null && first.process.signalCode === null) {
      await new Promise((resolve) => first.process.once('exit', resolve));
    }
    expect(first.process.signalCode).toBe('SIGKILL');
    const stored = await db.appointment.findMany({ where: { tenantId: tenant.tenant.id } });
    expect(stored).toHaveLength(1);

    // The retry, on a server started again.
    const second = await startServer({});
    server = second.process;
    const retry = await fetch(`${second.url}/v1/public/appointments`, { method: 'POST', headers, body });
    expect(retry.status).toBe(201);
    const answer = (await retry.json()) as { appointment: { id: string }; manageToken: string };
    expect(answer.appointment.id).toBe(stored[0]!.id);
    const view = await fetch(`${second.url}/v1/public/appointments/${answer.appointment.id}`, {
      headers: { 'x-tenant-key': tenant.keys.publishable, 'x-manage-token': answer.manageToken },
    });
    expect(view.status).toBe(200);
    expect(((await view.json()) as { status: string }).status).toBe('CONFIRMED');

    // A further retry replays the stored answer: the same token.
    const again = await fetch(`${second.url}/v1/public/appointments`, { method: 'POST', headers, body });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { manageToken: string }).manageToken).toBe(answer.manageToken);
    expect(await db.appointment.count({ where: { tenantId: tenant.tenant.id } })).toBe(1);
  }, 90_000);
});
