/**
 * `npx tsx test/bench/calendar-push.bench.ts`: how long Google Calendar sync takes against the fake
 * Google over real HTTP, on real PostgreSQL, through the real @googleapis/calendar client:
 *  - a booking's calendar.push job (read the booking, refresh-free insert, record, read again) and a
 *    reschedule's (insert → 409 → patch);
 *  - a change in the provider's calendar to its busy block: the push notification POSTed to the
 *    listening app, which syncs before answering.
 * The jobs run by calling their handlers, as the worker would after dequeuing; in production the
 * event dispatcher's tick (500 ms) and pg-boss's polling (500 ms) come on top. Prints p50/p95/max;
 * exits non-zero only when a result is wrong (no event, a block missing).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { googleEventIdFor } from '../../api/src/domain/calendar/google-event-id.ts';
import { calendarFeature } from '../../api/src/jobs/calendar.feature.ts';
import { JOB_FEATURES } from '../../api/src/jobs/features.ts';
import type { JobContext } from '../../api/src/jobs/job-context.ts';
import { startWorker } from '../../api/src/jobs/worker.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startFakeGoogle } from '../fakes/google/index.ts';
import { startDatabase } from './support/bench-database.ts';
import { ms, printTable } from './support/stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const END_TO_END_RUNS = 30;
const NOW = Date.parse('2027-03-01T00:00:00Z');
const HOUR = 3_600_000;
const EMAIL = 'provider@gmail.example';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const row = (name: string, values: number[]) => [
  name,
  ms(percentile(values, 50)),
  ms(percentile(values, 95)),
  ms(Math.max(...values)),
];

async function main(): Promise<number> {
  const database = await startDatabase();
  const google = await startFakeGoogle({ now: () => new Date(NOW) });
  const db = createPrismaClient(database.url);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    GOOGLE_CLIENT_ID: google.clientId,
    GOOGLE_CLIENT_SECRET: google.clientSecret,
    GOOGLE_API_BASE: google.apiRoot,
    GOOGLE_OAUTH_BASE: google.url,
    ENCRYPTION_KEY: Buffer.from('bench-key-bench-key-bench-key-32').toString('base64'),
    // Filled in once the app listens: the push address must reach it.
    PUBLIC_URL: 'http://127.0.0.1:1',
  });
  const app = await buildApp(config, { db: createPrismaClient(database.url), clock: () => new Date(NOW) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const failures: string[] = [];
  const silent = { info() {}, warn() {}, error() {} };
  const context: JobContext = {
    db,
    config,
    now: () => new Date(NOW),
    log: silent,
    queue: { async send() {} },
  };
  const push = calendarFeature.jobs.find((job) => job.queue === 'calendar.push')!;
  try {
    const { tenant, keys } = await createTenant(db, {
      name: 'Bench Calendar',
      timezone: 'UTC',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const admin = { authorization: `Bearer ${keys.secret}`, 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${origin}/v1/tenant-admin${path}`, {
        method,
        headers: admin,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const service = await call('POST', '/services', {
      name: 'Session',
      durationMinutes: 30,
      priceBaseCents: 0,
    });
    const provider = await call('POST', '/providers', { name: 'Bench', email: 'bench@example.com' });
    await call('PUT', `/providers/${provider.id}/services`, [{ serviceId: service.id }]);
    const allDay = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      dayOfWeek,
      startTime: '00:00',
      endTime: '24:00',
    }));
    await call('PUT', `/providers/${provider.id}/availability`, allDay);
    const start = await call('POST', `/providers/${provider.id}/calendar/google`, {});
    if (typeof start.authorizationUrl !== 'string') throw new Error(`connect: ${JSON.stringify(start)}`);
    const back = new URL(google.consent(start.authorizationUrl, { email: EMAIL }));
    // The app's PUBLIC_URL is a placeholder: the browser's way back goes to the listening app.
    const connected = await fetch(`${origin}${back.pathname}${back.search}`);
    if (connected.status !== 200) throw new Error(`callback: ${connected.status} ${await connected.text()}`);
    for (const channel of google.channels()) channel.address = `${origin}/v1/webhooks/google-calendar`;
    google.pendingNotifications.length = 0;

    const created: number[] = [];
    const moved: number[] = [];
    const inbound: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const startTimeUtc = new Date(NOW + 24 * HOUR + i * HOUR).toISOString();
      const booked = await call('POST', '/appointments', {
        serviceId: service.id,
        providerId: provider.id,
        startTimeUtc,
        client: { name: `Client ${i}`, email: 'client@example.com' },
        clientTimezone: 'UTC',
        overrideRules: true,
      });
      const id = (booked.appointment as { id: string }).id;
      const data = { tenantId: tenant.id, appointmentId: id };
      let t0 = performance.now();
      await push.handler(data, context);
      created.push(performance.now() - t0);
      if (!google.event(EMAIL, googleEventIdFor(id))) failures.push(`booking ${i}: no event`);

      const later = new Date(Date.parse(startTimeUtc) + 30 * 60_000).toISOString();
      await call('POST', `/appointments/${id}/reschedule`, { startTimeUtc: later });
      t0 = performance.now();
      await push.handler(data, context);
      moved.push(performance.now() - t0);
      if (google.event(EMAIL, googleEventIdFor(id))?.start?.dateTime !== later)
        failures.push(`booking ${i}: not moved`);

      const externalId = `bench${String(i).padStart(6, '0')}`;
      google.createEvent(EMAIL, {
        id: externalId,
        start: { dateTime: new Date(NOW + 200 * HOUR + i * HOUR).toISOString() },
        end: { dateTime: new Date(NOW + 201 * HOUR + i * HOUR).toISOString() },
      });
      t0 = performance.now();
      const [delivery] = await google.deliverNotifications();
      inbound.push(performance.now() - t0);
      if (delivery?.status !== 200) failures.push(`change ${i}: webhook answered ${delivery?.status}`);
      if ((await db.busyBlock.count({ where: { externalId } })) !== 1) failures.push(`change ${i}: no block`);
    }

    // The same through the running system: the booking's commit, the dispatcher's tick, pg-boss's
    // polling and the job, until the event is in the fake Google.
    const worker = await startWorker({
      connectionString: database.url,
      db,
      config,
      log: silent,
      features: JOB_FEATURES,
      now: () => new Date(NOW),
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the backlog of the runs above
    const endToEnd: number[] = [];
    for (let i = 0; i < END_TO_END_RUNS; i++) {
      const startTimeUtc = new Date(NOW + 24 * HOUR + (RUNS + i) * HOUR).toISOString();
      const t0 = performance.now();
      const booked = await call('POST', '/appointments', {
        serviceId: service.id,
        providerId: provider.id,
        startTimeUtc,
        client: { name: `Client e2e ${i}`, email: 'client@example.com' },
        clientTimezone: 'UTC',
        overrideRules: true,
      });
      const eventId = googleEventIdFor((booked.appointment as { id: string }).id);
      while (!google.event(EMAIL, eventId) && performance.now() - t0 < 10_000)
        await new Promise((resolve) => setTimeout(resolve, 5));
      if (!google.event(EMAIL, eventId)) failures.push(`end to end ${i}: no event after 10 s`);
      endToEnd.push(performance.now() - t0);
    }
    await worker.stop(5_000);

    console.log(`\nGoogle Calendar sync against the fake Google (${RUNS} of each, one after another), ms\n`);
    printTable(
      ['', 'p50', 'p95', 'max'],
      [
        row('booking → event (calendar.push: insert)', created),
        row('reschedule → event moved (insert 409 → patch)', moved),
        row('calendar change → busy block (webhook, sync)', inbound),
        row(`booking request → event in Google, via the worker (${END_TO_END_RUNS})`, endToEnd),
      ],
    );
    const writes = google.requests.filter((r) => r.method !== 'GET' && r.path.includes('/events')).length;
    const tokens = google.requests.filter((r) => r.path === '/token').length;
    console.log(`\nCalendar writes: ${writes}; token endpoint calls: ${tokens} (the access token is kept)`);
  } finally {
    await app.close();
    await db.$disconnect();
    await google.close();
    await database.stop();
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
