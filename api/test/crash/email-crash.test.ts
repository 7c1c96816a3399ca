import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient, type Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { admin } from '../helpers/test-app.ts';
import { until } from '../helpers/until.ts';

/**
 * A worker process dies (SIGKILL) right after Postmark accepted a booking's confirmation and before
 * the outbox recorded it. A second worker takes the job over once pg-boss counts it lost
 * (JOB_EXPIRE_SECONDS), finds the message still SENDING past its lease, asks Postmark whether it
 * went out (it did) and records it: the client gets the confirmation once, and the rest of the
 * job's messages go out once too.
 */

const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
let db: Db;
let tenant: CreatedTenant;
let postmark: FakePostmark;
const workers: ChildProcess[] = [];

function startWorkerProcess(env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/run-worker.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_BASE: postmark.url,
      POSTMARK_FROM: 'Bookings <bookings@mais.example>',
      PUBLIC_URL: 'https://book.mais.example',
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      JOB_EXPIRE_SECONDS: '2',
      OUTBOX_SENDING_LEASE_SECONDS: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  postmark = await startFakePostmark();
  tenant = await createTenant(db, {
    name: 'Crash Studio',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
}, 60_000);
afterAll(async () => {
  for (const child of workers) child.kill('SIGKILL');
  await postmark.close();
  await db.$disconnect();
  await database.drop();
});

describe('a worker killed after Postmark accepted an email', () => {
  it('the job runs again on another worker and every message goes out once', async () => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    const { serviceId } = await bookableService(app, tenant);
    const booked = await admin(app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: bookingBody(serviceId, '2030-03-04T10:00:00Z', { overrideRules: true }),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const appointmentId = booked.json().appointment.id as string;
    await app.close();

    const first = startWorkerProcess({ MAIS_FAULT_INJECTION: 'crash-after-email-sent' });
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      first.on('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');
    // It died holding one message Postmark has, recorded nowhere but SENDING.
    expect(postmark.messages).toHaveLength(1);
    const stuck = await db.outboxMessage.findMany({ where: { appointmentId, status: 'SENDING' } });
    expect(stuck).toHaveLength(1);

    startWorkerProcess();
    const rows = await until(
      () => db.outboxMessage.findMany({ where: { appointmentId } }),
      (found) => found.length > 0 && found.every((row) => row.status === 'SENT'),
      60_000,
      200,
    );
    const sentIds = postmark.messages.map((message) => message.Metadata.outboxId);
    // Each message of the booking once: the one sent before the crash was found, not sent again.
    expect([...sentIds].sort()).toEqual(rows.map((row) => row.id).sort());
    expect(rows.map((row) => row.kind).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/confirmation/)]),
    );
    const lookedUp = postmark.requests.filter((request) => request.method === 'GET');
    expect(lookedUp.length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
