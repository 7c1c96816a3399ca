/**
 * The ledger's CSV export at volume: 100,000 ledger rows of one tenant over 90 days (inserted with
 * generate_series), exported over real HTTP from the real app, read by a client as it arrives.
 * Prints rows per second, bytes, and how far the process's resident memory rose above where it
 * was before the request (sampled every 10 ms): a streamed export should stay near flat whatever
 * the row count, where a buffered one would grow with it.
 *
 * Run: `npx tsx test/bench/csv-export.bench.ts` (a PostgreSQL of its own, as the other benches).
 * Exits non-zero when the file does not hold exactly the rows inserted.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startDatabase } from './support/bench-database.ts';

/** BENCH_ROWS to compare sizes: a streamed export's memory should not grow with it. */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

async function main() {
  const database = await startDatabase();
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}

async function run(databaseUrl: string) {
  const db = createPrismaClient(databaseUrl);
  const app = await buildApp(loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent' }), { db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/tenant-admin`;
  try {
    const { tenant, keys } = await createTenant(db, {
      name: 'Bench Studio',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const headers = { authorization: `Bearer ${keys.secret}`, 'content-type': 'application/json' };
    const post = async <T = { id: string }>(path: string, body: unknown, method = 'POST'): Promise<T> => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const service = await post('/services', { name: 'Session', durationMinutes: 60, priceBaseCents: 5000 });
    const provider = await post('/providers', { name: 'Ana', email: 'ana@example.com' });
    await post(`/providers/${provider.id}/services`, [{ serviceId: service.id }], 'PUT');
    const booked = await post<{ appointment: { id: string } }>('/appointments', {
      serviceId: service.id,
      providerId: provider.id,
      startTimeUtc: '2027-01-04T10:00:00Z',
      client: { name: 'Ada Client', email: 'ada@example.com' },
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    });

    const seeding = performance.now();
    // Every tenth row a refund (negative, with a re_ id); a third in JPY; spread over 89 days from
    // 1 Jan 2027 in Berlin, so all fall in the exported days (1 Jan – 31 Mar is 90 days less the
    // hour the clocks skip on 28 March).
    await db.$executeRaw`
      INSERT INTO ledger_entries ("tenantId", "appointmentId", kind, "amountCents", currency, "stripeObjectId", "occurredAt")
      SELECT ${tenant.id}::uuid, ${booked.appointment.id}::uuid,
             (CASE WHEN g % 10 = 0 THEN 'REFUND' ELSE 'BALANCE_VENUE' END)::"LedgerEntryKind",
             CASE WHEN g % 10 = 0 THEN -(g % 9000 + 1) ELSE g % 9000 + 1 END,
             CASE WHEN g % 3 = 0 THEN 'JPY' ELSE 'EUR' END,
             CASE WHEN g % 10 = 0 THEN 're_bench' || g END,
             timestamptz '2027-01-01T00:00:00+01:00' + g * (interval '89 days' / ${ROWS}::int)
        FROM generate_series(0, ${ROWS - 1}::int) g`;
    const seededMs = performance.now() - seeding;

    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    }, 10);

    const started = performance.now();
    const response = await fetch(`${base}/exports/ledger.csv?startDate=2027-01-01&endDate=2027-03-31`, {
      headers: { authorization: headers.authorization, 'accept-encoding': 'identity' },
    });
    const firstByteMs = performance.now() - started;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) lines += 1;
    }
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());

    const rows = lines - 1;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `CSV export of the ledger: ${ROWS.toLocaleString('en')} rows (seeded in ${(seededMs / 1000).toFixed(1)} s)`,
    );
    console.table({
      status: response.status,
      'rows in the file': rows,
      'file size': mb(bytes),
      'first byte': `${firstByteMs.toFixed(0)} ms`,
      'whole file': `${(totalMs / 1000).toFixed(2)} s`,
      'rows per second': Math.round(rows / (totalMs / 1000)),
      'RSS before': mb(rssBefore),
      'peak RSS delta': mb(rssPeak - rssBefore),
      machine: `Node ${process.version}, ${os.cpus().length} CPUs`,
    });
    return response.status === 200 && rows === ROWS;
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

main().then(
  (ok) => {
    if (!ok) {
      console.error('The export did not hold exactly the rows inserted.');
      process.exitCode = 1;
    }
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
