/**
 * `npm run bench:notifications`: what the worker does with a busy day, on real PostgreSQL, through
 * pg-boss and the real postmark client against the fake Postmark:
 *  - a day of 1,000 bookings (50 providers × 20 half hours, booked by the admin): how many messages
 *    the day produces and how long one worker takes from the first event to the last message sent;
 *  - reminders: 300 reminder jobs due now, and how many one worker sends per second.
 * Exits non-zero only when a result is wrong (a message missing or sent twice).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { JOB_FEATURES } from '../../api/src/jobs/features.ts';
import { startWorker } from '../../api/src/jobs/worker.ts';
import { NOTIFICATION_QUEUES } from '../../api/src/use-cases/notifications/queues.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../../api/test/helpers/booking-fixtures.ts';
import { admin } from '../../api/test/helpers/test-app.ts';
import { startFakePostmark } from '../fakes/postmark/index.ts';
import { startDatabase } from './support/bench-database.ts';
import { printTable, seconds } from './support/stats.ts';

const PROVIDERS = 50;
const SLOTS = 20;
const REMINDERS = 300;
const silent = { info() {}, warn() {}, error() {} };

async function until(read: () => Promise<number>, target: number, ms = 300_000): Promise<number> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value >= target || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<number> {
  const database = await startDatabase();
  const postmark = await startFakePostmark();
  const db = createPrismaClient(database.url, { maxConnections: 10 });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    POSTMARK_SERVER_TOKEN: postmark.token,
    POSTMARK_API_BASE: postmark.url,
    POSTMARK_FROM: 'Bookings <bookings@mais.example>',
    PUBLIC_URL: 'https://book.mais.example',
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  const app = await buildApp(config, { db });
  const failures: string[] = [];
  try {
    const tenant = await createTenant(db, {
      name: 'Busy Studio',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const { serviceId, providerIds } = await bookableService(app, tenant, {
      providers: PROVIDERS,
      service: { durationMinutes: 30, slotIntervalMinutes: 30, reminderOffsetsMinutes: [1440, 60] },
    });
    // A day two weeks ahead: every reminder is in the future, so the day's cost is the messages.
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    for (const providerId of providerIds) {
      for (let slot = 0; slot < SLOTS; slot++) {
        const start = new Date(Date.parse(`${day}T08:00:00Z`) + slot * 30 * 60_000).toISOString();
        const response = await admin(app, tenant, {
          method: 'POST',
          url: '/v1/tenant-admin/appointments',
          payload: bookingBody(serviceId, start, { providerId, overrideRules: true }),
        });
        if (response.statusCode !== 201) throw new Error(`booking ${start}: ${response.body}`);
      }
    }
    const bookings = PROVIDERS * SLOTS;
    const outboxCount = () => db.outboxMessage.count({ where: { status: 'SENT' } });
    const reminderJobs = () =>
      db.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) AS n FROM pgboss.job WHERE name = ${NOTIFICATION_QUEUES.reminder}`.then((rows) =>
        Number(rows[0]!.n),
      );

    const started = performance.now();
    const worker = await startWorker({
      connectionString: database.url,
      db,
      config,
      log: silent,
      features: JOB_FEATURES,
    });
    // A confirmation to the client and a notice to the provider per booking.
    const expected = bookings * 2;
    const sent = await until(outboxCount, expected);
    const dayMs = performance.now() - started;
    const planned = await until(reminderJobs, bookings * 2, 30_000);
    if (sent !== expected) failures.push(`the day: ${sent} messages sent, expected ${expected}`);
    if (postmark.messages.length !== expected)
      failures.push(`the day: Postmark got ${postmark.messages.length}, expected ${expected}`);

    // Reminders due now: 60 minutes before bookings that start in an hour.
    const soon = new Date(Math.ceil((Date.now() + 61 * 60_000) / 60_000) * 60_000);
    const reminderIds: string[] = [];
    for (let i = 0; i < REMINDERS; i++) {
      const start = new Date(soon.getTime() + i * 60_000);
      const response = await admin(app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/appointments',
        payload: bookingBody(serviceId, start.toISOString(), {
          providerId: providerIds[i % PROVIDERS],
          overrideRules: true,
        }),
      });
      if (response.statusCode !== 201) throw new Error(`reminder booking: ${response.body}`);
      reminderIds.push(response.json().appointment.id);
    }
    const beforeReminders = await until(outboxCount, expected + REMINDERS * 2);
    const remindersSent = () =>
      db.outboxMessage.count({ where: { status: 'SENT', kind: { startsWith: 'reminder' } } });
    const remindersStarted = performance.now();
    for (const [i, appointmentId] of reminderIds.entries()) {
      const start = new Date(soon.getTime() + i * 60_000);
      await worker.queue.send(NOTIFICATION_QUEUES.reminder, {
        tenantId: tenant.tenant.id,
        appointmentId,
        offsetMinutes: 60,
        startTimeUtc: start.toISOString(),
      });
    }
    const reminders = await until(remindersSent, REMINDERS);
    const remindersMs = performance.now() - remindersStarted;
    if (reminders !== REMINDERS) failures.push(`reminders: ${reminders} sent, expected ${REMINDERS}`);
    const outboxIds = postmark.messages.map((message) => message.Metadata.outboxId);
    if (new Set(outboxIds).size !== outboxIds.length) failures.push('a message went out twice');
    await worker.stop(5_000);

    console.log(`\nA day of ${bookings} bookings, one worker (emails to the fake Postmark)\n`);
    printTable(
      ['', 'value'],
      [
        ['messages built and sent', String(sent)],
        ['reminder jobs planned for the day', String(planned)],
        ['worker time, first event to last message (s)', seconds(dayMs)],
        ['messages per second', (sent / (dayMs / 1000)).toFixed(0)],
        [`reminders due now sent (of ${REMINDERS})`, String(reminders)],
        ['reminders per second', (reminders / (remindersMs / 1000)).toFixed(1)],
        ['messages before the reminder run', String(beforeReminders)],
      ],
    );
  } finally {
    await app.close();
    await db.$disconnect();
    await postmark.close();
    await database.stop();
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
