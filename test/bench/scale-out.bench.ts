/**
 * `npm run bench:scale-out`: throughput and latency of 1 and of 3 API processes (`npm run serve`)
 * on one database, driven by autocannon over real HTTP: availability (a week of one service's
 * slots for 10 providers) and bookings (each request a distinct provider and time, so none is
 * refused for contention). With 3 processes the load is split evenly over them (one autocannon per
 * process, all in this process) and the latencies are pooled, as a round-robin balancer would see
 * them. Counters in Redis when Debian's redis-server is installed (as in production), else in each
 * process's memory; limits set high enough not to interfere.
 *
 * Reported, never judged: exits non-zero only on a 5xx, a booking refused, or a time booked twice.
 * BENCH_SECONDS (default 10) per phase, after 2 s of warm-up; BENCH_CONNECTIONS (default 48) in all.
 */
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { buildApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { bookableService } from '../../api/test/helpers/booking-fixtures.ts';
import {
  missingLocalServices,
  startApiProcess,
  startRedisServer,
  type ApiProcess,
  type LocalServer,
} from '../../api/test/helpers/local-services.ts';
import { startDatabase } from './support/bench-database.ts';
import { cpuSecondsByName } from './support/processes.ts';
import { percentile } from './support/stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 48);
const PROVIDERS = 10;
const WARM_UP_SECONDS = 2;
const DAY = 86_400_000;

interface Phase {
  label: string;
  processes: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: string;
  /** CPU milliseconds per request: the API processes, PostgreSQL, Redis, and this load generator. */
  cpu: { api: number; postgres: number; redis: number; loader: number };
}

/** CPU seconds used so far, by part. */
function cpuNow(apis: ApiProcess[]) {
  const apiPids = new Set(apis.map((api) => api.process.pid));
  const loader = process.cpuUsage();
  return {
    api: cpuSecondsByName((_name, pid) => apiPids.has(pid)),
    postgres: cpuSecondsByName((name) => name === 'postgres'),
    redis: cpuSecondsByName((name) => name.startsWith('redis-server')),
    loader: (loader.user + loader.system) / 1e6,
  };
}

const failures: string[] = [];

async function main() {
  const database = await startDatabase();
  const redis: LocalServer | null = missingLocalServices() ? null : await startRedisServer();
  const db = createPrismaClient(database.url);
  const phases: Phase[] = [];
  try {
    const created = await createTenant(db, {
      name: 'Load Studio',
      timezone: 'UTC',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const setup = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    const { keys } = created;
    const { serviceId, providerIds } = await bookableService(setup, created, {
      providers: PROVIDERS,
      service: { durationMinutes: 15 },
    });
    await setup.close();
    const slots = bookingSlots(providerIds);
    const env = {
      DATABASE_URL: database.url,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000',
      PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: '1000000000',
      DRAIN_SECONDS: '0',
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    const day = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const week = new Date(Date.now() + 9 * DAY).toISOString().slice(0, 10);
    const availabilityPath = `/v1/public/services/${serviceId}/availability?startDate=${day}&endDate=${week}&timezone=UTC`;

    for (const count of [1, 3]) {
      const apis = await Promise.all(Array.from({ length: count }, () => startApiProcess(env)));
      try {
        // Warm up (JIT, connection pools), not counted.
        await load(
          'warm-up',
          apis,
          () => ({
            method: 'GET',
            path: availabilityPath,
            headers: { 'x-tenant-key': keys.publishable },
          }),
          WARM_UP_SECONDS,
        );
        phases.push(
          await load(`availability (7 days, ${PROVIDERS} providers)`, apis, () => ({
            method: 'GET',
            path: availabilityPath,
            headers: { 'x-tenant-key': keys.publishable },
          })),
        );
        phases.push(
          await load('booking (distinct slots)', apis, () => {
            const next = slots.shift();
            if (!next) throw new Error('out of slots: lower BENCH_SECONDS');
            return {
              method: 'POST',
              path: '/v1/public/appointments',
              headers: { 'x-tenant-key': keys.publishable, 'content-type': 'application/json' },
              body: JSON.stringify({
                serviceId,
                providerId: next.providerId,
                startTimeUtc: next.start,
                client: { name: 'Load Client', email: 'load@example.com' },
                clientTimezone: 'UTC',
              }),
            };
          }),
        );
      } finally {
        await Promise.all(apis.map((api) => api.stop()));
      }
    }
    const doubled = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM (
        SELECT "providerId", "startTimeUtc" FROM appointments
         WHERE status IN ('PENDING', 'CONFIRMED') GROUP BY 1, 2 HAVING count(*) > 1) d`;
    if (Number(doubled[0]!.n) > 0) failures.push(`${doubled[0]!.n} times booked twice`);
  } finally {
    await db.$disconnect();
    await redis?.stop();
    await database.stop();
  }
  report(phases, redis ? 'Redis' : 'each process (no redis-server here)');
}

/** Every 15-minute start of 09:00–17:00 UTC for each provider, from 2 to 60 days ahead. */
function bookingSlots(providerIds: string[]) {
  const slots: Array<{ providerId: string; start: string }> = [];
  for (let d = 2; d <= 60; d++) {
    const date = new Date(Date.now() + d * DAY);
    for (let minutes = 9 * 60; minutes < 17 * 60; minutes += 15) {
      date.setUTCHours(0, minutes, 0, 0);
      for (const providerId of providerIds) {
        slots.push({ providerId, start: date.toISOString().replace('.000', '') });
      }
    }
  }
  return slots;
}

type Request = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

/** One phase: CONNECTIONS spread over the processes for SECONDS, latencies pooled. */
async function load(
  label: string,
  apis: ApiProcess[],
  request: () => Request,
  seconds = SECONDS,
): Promise<Phase> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const runs = apis.map(
    (api) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: api.url,
            connections: Math.max(1, Math.round(CONNECTIONS / apis.length)),
            duration: seconds,
            requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, status, _bytes, responseTime) => {
          latencies.push(responseTime);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
      }),
  );
  const cpuBefore = cpuNow(apis);
  const results = await Promise.all(runs);
  const cpuAfter = cpuNow(apis);
  latencies.sort((a, b) => a - b);
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, latencies.length);
  const expected = label.startsWith('booking') ? 201 : 200;
  const other = [...statuses].filter(([status]) => status !== expected);
  for (const [status, n] of other) failures.push(`${label}, ${apis.length} process(es): ${n} × ${status}`);
  const errors = results.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
  if (errors > 0) failures.push(`${label}, ${apis.length} process(es): ${errors} connection errors`);
  return {
    label,
    processes: apis.length,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: other.length || errors ? `${other.map(([s, n]) => `${n}×${s}`).join(' ')} ${errors}` : '0',
    cpu: {
      api: perRequest(cpuAfter.api - cpuBefore.api),
      postgres: perRequest(cpuAfter.postgres - cpuBefore.postgres),
      redis: perRequest(cpuAfter.redis - cpuBefore.redis),
      loader: perRequest(cpuAfter.loader - cpuBefore.loader),
    },
  };
}

function report(phases: Phase[], counters: string) {
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per phase, rate-limit counters in ${counters}\n`);
  console.log(
    '| Workload | Processes | Requests | Requests/s | p50 ms | p99 ms | Not 2xx / errors | CPU ms per request: API / PostgreSQL / Redis / load generator |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const p of phases) {
    const cpu = [p.cpu.api, p.cpu.postgres, p.cpu.redis, p.cpu.loader].map((v) => v.toFixed(2)).join(' / ');
    console.log(
      `| ${p.label} | ${p.processes} | ${p.requests} | ${p.perSecond.toFixed(0)} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.errors} | ${cpu} |`,
    );
  }
  console.log(`\nCPU cores on this machine: ${availableParallelism()}`);
  for (const label of new Set(phases.map((p) => p.label))) {
    const [one, three] = [1, 3].map((n) => phases.find((p) => p.label === label && p.processes === n)!);
    console.log(
      `${label}: 3 processes give ${(three!.perSecond / one!.perSecond).toFixed(2)}× the throughput of 1`,
    );
  }
  if (failures.length) {
    console.error(`\nFAILED:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
