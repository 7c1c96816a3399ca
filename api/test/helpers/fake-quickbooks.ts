import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { startFakeQuickBooks, type FakeQuickBooks } from '../../../test/fakes/quickbooks/index.ts';
import { quickbooksFeature } from '../../src/jobs/quickbooks.feature.ts';
import type { DispatchedEvent, JobContext, JobQueue } from '../../src/jobs/job-context.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, type TestApp } from './test-app.ts';

export type { FakeQuickBooks };

export const PUBLIC_URL = 'https://book.example';

/** A fake QuickBooks Online on `now` and the environment that points the app at it (for buildTestApp). */
export async function fakeQuickBooksEnvironment(
  now: () => Date,
): Promise<{ quickbooks: FakeQuickBooks; env: Record<string, string> }> {
  const quickbooks = await startFakeQuickBooks({ now });
  return {
    quickbooks,
    env: {
      QUICKBOOKS_CLIENT_ID: quickbooks.clientId,
      QUICKBOOKS_CLIENT_SECRET: quickbooks.clientSecret,
      QUICKBOOKS_API_BASE: quickbooks.url,
      QUICKBOOKS_OAUTH_BASE: quickbooks.url,
      PUBLIC_URL,
      ENCRYPTION_KEY: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'),
    },
  };
}

/** The admin starts the connection, picks `realmId` at Intuit, the browser comes back: the callback's answer. */
export async function connectQuickBooks(
  app: FastifyInstance,
  tenant: CreatedTenant,
  quickbooks: FakeQuickBooks,
  realmId: string,
) {
  const started = await admin(app, tenant, { method: 'POST', url: '/v1/tenant-admin/quickbooks/connect' });
  expect(started.statusCode, started.body).toBe(200);
  const back = new URL(quickbooks.consent(started.json().authorizationUrl, { realmId }));
  expect(back.origin).toBe(PUBLIC_URL);
  return app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

/**
 * The QuickBooks feature without pg-boss: a JobContext on the test's database and clock, a queue
 * that records what is sent, the appointment history handed to onAppointmentEvent as the
 * dispatcher does (with the database to read), and the recorded jobs run by calling their handlers.
 */
export function quickbooksJobs(t: TestApp, now: () => Date) {
  const sent: Array<{ queue: string; data: Record<string, unknown> }> = [];
  const logLines: string[] = [];
  const log = (level: string) => (data: object, message: string) =>
    void logLines.push(JSON.stringify({ level, message, ...data }));
  const queue: JobQueue = {
    async send(name, data) {
      sent.push({ queue: name, data: data as Record<string, unknown> });
    },
  };
  const context: JobContext = {
    db: t.db,
    config: t.app.config,
    now,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    queue,
  };
  const cursors = new Map<string, bigint>();

  async function dispatch(): Promise<DispatchedEvent[]> {
    const rows = await t.db.appointmentEvent.findMany({ orderBy: [{ tenantId: 'asc' }, { seq: 'asc' }] });
    const events: DispatchedEvent[] = [];
    for (const row of rows.filter((r) => r.seq > (cursors.get(r.tenantId) ?? 0n))) {
      cursors.set(row.tenantId, row.seq);
      const event: DispatchedEvent = {
        tenantId: row.tenantId,
        seq: String(row.seq),
        appointmentId: row.appointmentId,
        type: row.type,
        actor: row.actor,
        data: row.data as Record<string, unknown>,
        occurredAt: row.occurredAt,
      };
      events.push(event);
      await quickbooksFeature.onAppointmentEvent!(event, queue, t.db);
    }
    return events;
  }

  async function run(queueName: string, data: Record<string, unknown> = {}): Promise<void> {
    const job = quickbooksFeature.jobs.find((j) => j.queue === queueName);
    if (!job) throw new Error(`no quickbooks job on ${queueName}`);
    await job.handler(data, context);
  }

  /** Runs every recorded job, oldest first, including those they send. */
  async function drain(): Promise<string[]> {
    const ran: string[] = [];
    for (let job = sent.shift(); job; job = sent.shift()) {
      await run(job.queue, job.data);
      ran.push(job.queue);
    }
    return ran;
  }

  return { sent, logLines, context, dispatch, run, drain, settle: async () => (await dispatch(), drain()) };
}
