/**
 * `npm run bench`: availability latency and booking throughput of the real
 * API over real HTTP against real PostgreSQL (embedded in a temporary folder,
 * or a fresh database on the server in DATABASE_URL, dropped afterwards).
 *
 * Prints one table. Timings are reported, never judged: the process exits
 * non-zero only when a correctness check fails (a 500, a double booking, not
 * exactly one winner of a contested slot).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../api/src/app.ts';
import type { Db } from '../../api/src/adapters/db/prisma-client.ts';
import { createCountingPrismaClient } from '../../api/test/helpers/statement-counter.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startDatabase } from './support/bench-database.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A fixed "now" keeps the data and the figures comparable from run to run: Monday 1 March 2027, 00:00Z.
const NOW = Date.parse('2027-03-01T00:00:00Z');
const PROVIDERS = 10;
const APPOINTMENTS = 2_000;
const BUSY_BLOCKS = 500;
const WINDOW_DAYS = 30;
/** The app's pool, as in production (api/src/server.ts uses the default of createPrismaClient). */
const DB_CONNECTIONS = 10;

const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
};

interface Timed {
  status: number;
  ms: number;
  body: { error?: { code?: string }; slots?: unknown[] };
}

async function main() {
  const started = performance.now();
  const server = await startDatabase();
  try {
    await run(server.url);
  } finally {
    await server.stop();
  }
  return performance.now() - started;
}

async function run(databaseUrl: string) {
  // The app's client, counting the SQL statements it sends (at the pg driver).
  const { db, log } = createCountingPrismaClient(databaseUrl, { maxConnections: DB_CONNECTIONS });
  const config = loadConfig({
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const app = await buildApp(config, { db, clock: () => new Date(NOW) });
  // A backlog above the 1,000 simultaneous connections, so none waits for a SYN retry.
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 2048 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/public`;

  try {
    const { tenant, keys } = await createTenant(db, {
      name: 'Bench Studio',
      timezone: 'UTC',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const headers = { 'x-tenant-key': keys.publishable, 'content-type': 'application/json' };
    const setup = await seed(db, tenant.id);

    const call = async (method: 'GET' | 'POST', url: string, body?: object): Promise<Timed> => {
      const t0 = performance.now();
      const response = await fetch(`${base}${url}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const parsed = (await response.json()) as Timed['body'];
      return { status: response.status, ms: performance.now() - t0, body: parsed };
    };

    // 1. Availability: the 30 seeded days, sequentially.
    const firstDay = new Date(NOW + DAY).toISOString().slice(0, 10);
    const lastDay = new Date(NOW + WINDOW_DAYS * DAY).toISOString().slice(0, 10);
    const availabilityUrl = `/services/${setup.serviceId}/availability?startDate=${firstDay}&endDate=${lastDay}&timezone=UTC`;
    for (let i = 0; i < 20; i++) await call('GET', availabilityUrl);
    const availability: Timed[] = [];
    for (let i = 0; i < 200; i++) availability.push(await call('GET', availabilityUrl));
    const slotCounts = new Set(availability.map((answer) => answer.body.slots?.length));
    check(
      availability.every((answer) => answer.status === 200),
      'availability: not every answer was 200',
    );
    check(slotCounts.size === 1, `availability: slot counts differ between requests (${[...slotCounts]})`);
    const slotsReturned = availability[0]?.body.slots?.length ?? 0;
    log.reset();
    await call('GET', availabilityUrl);
    const statements = log.counts();
    const bytes = await Promise.all(
      ['identity', 'gzip', 'br'].map((encoding) => wireBytes(`${base}${availabilityUrl}`, headers, encoding)),
    );

    // 2. Throughput: 200 clients at once, each on its own free slot (days after the seeded window).
    const distinct = distinctSlots(setup.serviceId, setup.providerIds, 200);
    const t0 = performance.now();
    const throughput = await Promise.all(distinct.map((body) => call('POST', '/appointments', body)));
    const throughputSeconds = (performance.now() - t0) / 1000;
    const throughputOk = throughput.filter((answer) => answer.status === 201).length;
    check(
      throughputOk === 200,
      `throughput: ${throughputOk}/200 succeeded (${describeStatuses(throughput)})`,
    );

    // 3. Contention: 1,000 clients at once on one provider's one slot.
    const contested = {
      ...clientBody(setup.serviceId, new Date(NOW + 40 * DAY + 10 * HOUR).toISOString()),
      providerId: setup.providerIds[0],
    };
    const t1 = performance.now();
    const contention = await Promise.all(
      Array.from({ length: 1_000 }, () => call('POST', '/appointments', contested)),
    );
    const contentionSeconds = (performance.now() - t1) / 1000;
    const won = contention.filter((answer) => answer.status === 201).length;
    const refused = contention.filter(
      (answer) => answer.status === 409 && answer.body.error?.code === 'slot_unavailable',
    ).length;
    check(won === 1, `contention: ${won} successes instead of exactly 1 (${describeStatuses(contention)})`);
    check(won + refused === 1_000, `contention: unexpected answers (${describeStatuses(contention)})`);
    const liveAtContested = await db.appointment.count({
      where: {
        tenantId: tenant.id,
        providerId: setup.providerIds[0],
        startTimeUtc: new Date(contested.startTimeUtc),
        status: { in: ['PENDING', 'CONFIRMED'] },
      },
    });
    check(liveAtContested === 1, `contention: ${liveAtContested} live rows at the contested slot`);
    const [overlaps] = await db.$queryRaw<Array<{ pairs: bigint }>>`
      SELECT count(*) AS pairs FROM appointments a JOIN appointments b
        ON a."tenantId" = b."tenantId" AND a."providerId" = b."providerId" AND a.id < b.id
       WHERE a.status IN ('PENDING', 'CONFIRMED') AND b.status IN ('PENDING', 'CONFIRMED')
         AND a."sessionKey" <> b."sessionKey"
         AND tstzrange(a."occupiedStartUtc", a."occupiedEndUtc") && tstzrange(b."occupiedStartUtc", b."occupiedEndUtc")`;
    check(Number(overlaps!.pairs) === 0, `${overlaps!.pairs} overlapping live appointment pairs`);

    printTable([
      ['Setup', `${PROVIDERS} providers, ${APPOINTMENTS} appointments, ${BUSY_BLOCKS} busy blocks`],
      ['Availability, 30 days (200 sequential GETs, 20 warm-up)', ''],
      ['  slots returned', String(slotsReturned)],
      ['  p50 / p95 / p99 (ms)', triple(availability, [50, 95, 99])],
      [
        '  SQL statements per request (without BEGIN/COMMIT)',
        `${statements.all} (${statements.withoutTransactionControl})`,
      ],
      [
        '  answer bytes asking for identity / gzip / br (encoding sent)',
        bytes.map((answer) => `${answer.bytes} (${answer.encoding})`).join(' / '),
      ],
      ['Booking, 200 clients at once on distinct slots', ''],
      ['  successes', `${throughputOk} / 200`],
      ['  bookings per second', (throughputOk / throughputSeconds).toFixed(1)],
      ['  p50 / p99 (ms)', triple(throughput, [50, 99])],
      ['Booking, 1,000 clients at once on one slot', ''],
      ['  201 / 409 slot_unavailable / other', `${won} / ${refused} / ${1_000 - won - refused}`],
      ['  live rows at the slot afterwards', String(liveAtContested)],
      ['  p50 / p99 (ms), wall time (s)', `${triple(contention, [50, 99])}, ${contentionSeconds.toFixed(2)}`],
      ['Machine', ''],
      ['  node / cpus', `${process.version} / ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}`],
      [
        '  database',
        `${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, pool ${DB_CONNECTIONS}`,
      ],
      ['  HTTP client', 'global fetch (undici default agent: keep-alive, no connection cap)'],
    ]);
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

/**
 * A 60-minute service on a 30-minute grid, offered every day 08:00–20:00 UTC by
 * PROVIDERS providers; APPOINTMENTS confirmed bookings on whole hours (no two
 * of a provider overlap) and BUSY_BLOCKS manual blocks over the first
 * WINDOW_DAYS days after NOW.
 */
async function seed(db: Db, tenantId: string) {
  const service = await db.service.create({
    data: {
      tenantId,
      name: 'Consultation',
      durationMinutes: 60,
      slotIntervalMinutes: 30,
      bookingWindowDays: 60,
      priceBaseCents: 5000,
      currency: 'EUR',
    },
  });
  const providerIds: string[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const provider = await db.provider.create({
      data: { tenantId, name: `Provider ${p + 1}`, email: `p${p + 1}@example.com` },
    });
    providerIds.push(provider.id);
  }
  await db.providerService.createMany({
    data: providerIds.map((providerId) => ({ tenantId, providerId, serviceId: service.id })),
  });
  await db.availabilityRule.createMany({
    data: providerIds.flatMap((providerId) =>
      [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        tenantId,
        providerId,
        dayOfWeek,
        startTime: '08:00',
        endTime: '20:00',
      })),
    ),
  });

  // Appointment i: provider i % 10, day k % 30 and one of 12 hours, k = i / 10; per provider and day the
  // hours (hourIndex·5 + day + provider) mod 12 are distinct because 5 and 12 are coprime.
  const appointments = Array.from({ length: APPOINTMENTS }, (_, i) => {
    const provider = i % PROVIDERS;
    const k = Math.floor(i / PROVIDERS);
    const day = k % WINDOW_DAYS;
    const hourIndex = Math.floor(k / WINDOW_DAYS);
    const hour = 8 + ((hourIndex * 5 + day + provider) % 12);
    const start = new Date(NOW + (day + 1) * DAY + hour * HOUR);
    const end = new Date(start.getTime() + HOUR);
    const id = randomUUID();
    return {
      id,
      tenantId,
      serviceId: service.id,
      providerId: providerIds[provider]!,
      clientName: `Client ${i}`,
      clientEmail: `client${i}@example.com`,
      clientTimezone: 'UTC',
      startTimeUtc: start,
      endTimeUtc: end,
      occupiedStartUtc: start,
      occupiedEndUtc: end,
      sessionKey: id,
      status: 'CONFIRMED' as const,
      confirmedAt: new Date(NOW),
      currency: 'EUR',
      totalAmountCents: 5000,
      manageTokenHash: randomBytes(32).toString('hex'),
    };
  });
  await db.appointment.createMany({ data: appointments });

  // Busy blocks: 30 or 90 minutes at pseudo-random half hours (a fixed sequence, so every run is alike).
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  await db.busyBlock.createMany({
    data: Array.from({ length: BUSY_BLOCKS }, (_, i) => {
      const start = NOW + (1 + (next() % WINDOW_DAYS)) * DAY + 8 * HOUR + (next() % 24) * 30 * MINUTE;
      return {
        tenantId,
        providerId: providerIds[i % PROVIDERS]!,
        startTimeUtc: new Date(start),
        endTimeUtc: new Date(start + (next() % 2 === 0 ? 30 : 90) * MINUTE),
        source: 'MANUAL' as const,
        summary: 'Blocked',
      };
    }),
  });
  return { serviceId: service.id, providerIds };
}

/** `count` booking bodies on free slots: whole hours of the days after the seeded window, spread over providers. */
function distinctSlots(serviceId: string, providerIds: string[], count: number) {
  return Array.from({ length: count }, (_, i) => {
    const provider = i % providerIds.length;
    const k = Math.floor(i / providerIds.length); // 0…19: two days of 12 hours
    const start = NOW + (WINDOW_DAYS + 2 + Math.floor(k / 12)) * DAY + (8 + (k % 12)) * HOUR;
    return { ...clientBody(serviceId, new Date(start).toISOString()), providerId: providerIds[provider] };
  });
}

function clientBody(serviceId: string, startTimeUtc: string) {
  return {
    serviceId,
    startTimeUtc,
    client: { name: 'Bench Client', email: 'bench@example.com' },
    clientTimezone: 'UTC',
  };
}

/** The size of an answer as sent, asking for one content encoding (node:http, unlike fetch, decodes nothing). */
function wireBytes(url: string, headers: Record<string, string>, encoding: string) {
  return new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, 'accept-encoding': encoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'none' }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function triple(answers: Timed[], ps: number[]): string {
  const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return ps.map((p) => percentile(sorted, p).toFixed(1)).join(' / ');
}

function describeStatuses(answers: Timed[]): string {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const key = answer.body.error?.code
      ? `${answer.status} ${answer.body.error.code}`
      : String(answer.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n}× ${key}`).join(', ');
}

function printTable(rows: Array<[string, string]>) {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const rule = '-'.repeat(width + valueWidth + 3);
  console.log(rule);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}   ${value}`);
  console.log(rule);
}

/** A fresh database: on DATABASE_URL's server (dropped afterwards) or an embedded server in a temp folder. */

main().then(
  (ms) => {
    console.log(`Total ${(ms / 1000).toFixed(1)} s.`);
    if (failures.length > 0) {
      console.error(`\nCorrectness checks failed:\n  ${failures.join('\n  ')}`);
      process.exit(1);
    }
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
