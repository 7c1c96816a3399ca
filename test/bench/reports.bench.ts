/**
 * The reports at volume: one tenant with 100,000 appointments over 14 months (10 providers, 5
 * services, 20,000 clients, cancellations by client and admin, no-shows, refunds) and their
 * ~190,000 ledger rows, inserted with generate_series. Each report is asked for over real HTTP
 * from the real app, 5 warm-up calls then 40 timed ones; prints p50/p95/max and the bytes of the
 * answer (gzip, as a browser would take it). The target is p95 < 300 ms per report.
 *
 * Run: `npm run bench:reports` (a PostgreSQL of its own, as the other benches).
 * Exits non-zero when an answer is not 200 or the revenue report's net does not equal the ledger's.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createPrismaClient, type Db } from '../../api/src/adapters/db/prisma-client.ts';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startDatabase } from './support/bench-database.ts';
import { kilobytes, ms, printTable } from './support/stats.ts';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 100_000);
const PROVIDERS = 10;
const SERVICES = 5;
const CLIENTS = 20_000;
const WARM_UP = 5;
const TIMED = 40;
/** "Now" for the seeded data: past appointments are completed, later ones confirmed. */
const NOW = '2027-01-15T12:00:00Z';

/** The reports asked for: a year of data, the shape a console's reports page asks for. */
const REPORTS: Array<[string, string]> = [
  [
    'revenue, month, cash',
    '/reports/revenue?startDate=2026-01-01&endDate=2026-12-31&interval=month&basis=cash',
  ],
  [
    'revenue, week, service',
    '/reports/revenue?startDate=2026-01-01&endDate=2026-12-31&interval=week&basis=service',
  ],
  ['revenue, day, cash (92 days)', '/reports/revenue?startDate=2026-10-01&endDate=2026-12-31&interval=day'],
  ['services (a year)', '/reports/services?startDate=2026-01-01&endDate=2026-12-31'],
  ['providers (a year)', '/reports/providers?startDate=2026-01-01&endDate=2026-12-31'],
  ['providers (a month)', '/reports/providers?startDate=2026-11-01&endDate=2026-11-30'],
  ['clients (a year, first page)', '/reports/clients?startDate=2026-01-01&endDate=2026-12-31'],
  ['clients, search "client1234"', '/reports/clients?startDate=2026-01-01&endDate=2026-12-31&q=client1234'],
  ['one client', '/reports/clients/client77%40example.com'],
  ['summary (today, this week)', '/reports/summary'],
  ['invoices (a month)', '/invoices?startDate=2026-11-01&endDate=2026-11-30'],
];

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
  const clock = () => new Date(NOW);
  const app = await buildApp(loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent' }), {
    db,
    clock,
  });
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
    const seeding = performance.now();
    await seed(db, tenant.id);
    const seededMs = performance.now() - seeding;
    const counts = await db.$queryRaw<Array<{ appointments: bigint; ledger: bigint; net: bigint }>>`
      SELECT (SELECT count(*) FROM appointments WHERE "tenantId" = ${tenant.id}::uuid) AS appointments,
             (SELECT count(*) FROM ledger_entries WHERE "tenantId" = ${tenant.id}::uuid) AS ledger,
             (SELECT coalesce(sum("amountCents"), 0) FROM ledger_entries
               WHERE "tenantId" = ${tenant.id}::uuid
                 AND "occurredAt" >= timestamptz '2026-01-01T00:00:00+01:00'
                 AND "occurredAt" < timestamptz '2027-01-01T00:00:00+01:00') AS net`;
    const seeded = counts[0]!;
    console.log(
      `Reports over ${Number(seeded.appointments).toLocaleString('en')} appointments and ` +
        `${Number(seeded.ledger).toLocaleString('en')} ledger rows (seeded in ${(seededMs / 1000).toFixed(1)} s; ` +
        `Node ${process.version}, ${os.cpus().length} CPUs)`,
    );

    const authorization = `Bearer ${keys.secret}`;
    let ok = true;
    const rows: string[][] = [];
    for (const [name, path] of REPORTS) {
      const first = await fetch(`${base}${path}`, { headers: { authorization } });
      if (first.status !== 200) {
        console.error(`${name}: ${first.status} ${await first.text()}`);
        ok = false;
        continue;
      }
      if (
        path.startsWith('/reports/revenue?startDate=2026-01-01&endDate=2026-12-31&interval=month&basis=cash')
      ) {
        const report = (await first.json()) as {
          currencies: Array<{ currency: string; totals: { netCents: number } }>;
        };
        const net = report.currencies.find((c) => c.currency === 'EUR')?.totals.netCents;
        if (net !== Number(seeded.net)) {
          console.error(`revenue: net ${net} ≠ the ledger's ${seeded.net}`);
          ok = false;
        }
      } else await first.arrayBuffer();
      for (let i = 0; i < WARM_UP; i++)
        await (await fetch(`${base}${path}`, { headers: { authorization } })).arrayBuffer();
      const times: number[] = [];
      let gzipBytes = 0;
      for (let i = 0; i < TIMED; i++) {
        const started = performance.now();
        const response = await fetch(`${base}${path}`, {
          headers: { authorization, 'accept-encoding': 'gzip' },
          decompress: false,
        } as RequestInit);
        const body = await response.arrayBuffer();
        times.push(performance.now() - started);
        gzipBytes = body.byteLength;
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
      rows.push([
        name,
        ms(at(50)),
        ms(at(95)),
        ms(times[times.length - 1]!),
        kilobytes(gzipBytes),
        at(95) < 300 ? 'yes' : 'NO',
      ]);
    }
    printTable(['report', 'p50 ms', 'p95 ms', 'max ms', 'KB (gzip)', 'p95 < 300 ms'], rows);
    return ok;
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

/**
 * Appointment g: provider g % 10 and service g % 5; on day ⌊g / 250⌋ from 1 Dec 2025 (14 months),
 * at one of 25 half-hours from 07:00 UTC, distinct per provider and day, so no two overlap. Every
 * 20th is cancelled (by the client, every 40th by an admin) with its payment refunded, every 20th
 * (offset 1) a no-show; the rest are completed before NOW and confirmed after. Payments: venue
 * balances and card charges with Stripe and platform fees; occurred when the appointment started.
 */
async function seed(db: Db, tenantId: string) {
  const serviceIds: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    const service = await db.service.create({
      data: {
        tenantId,
        name: `Service ${s + 1}`,
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        priceBaseCents: 3000 + s * 1000,
        currency: 'EUR',
      },
    });
    serviceIds.push(service.id);
  }
  const providerIds: string[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const provider = await db.provider.create({
      data: { tenantId, name: `Provider ${p + 1}`, email: `p${p + 1}@example.com` },
    });
    providerIds.push(provider.id);
  }
  await db.providerService.createMany({
    data: providerIds.flatMap((providerId) =>
      serviceIds.map((serviceId) => ({ tenantId, providerId, serviceId })),
    ),
  });
  await db.availabilityRule.createMany({
    data: providerIds.flatMap((providerId) =>
      [1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        tenantId,
        providerId,
        dayOfWeek,
        startTime: '08:00',
        endTime: '20:00',
      })),
    ),
  });

  await db.$executeRaw`
    INSERT INTO appointments (id, "tenantId", "serviceId", "providerId", "clientName", "clientEmail", "clientTimezone",
                              "startTimeUtc", "endTimeUtc", "occupiedStartUtc", "occupiedEndUtc", "sessionKey", status,
                              "paymentStatus", currency, "totalAmountCents", "paidCents", "refundedCents",
                              "manageTokenHash", "cancellationReason", "createdAt", "confirmedAt", "cancelledAt", "completedAt")
    SELECT u.id, ${tenantId}::uuid,
           (${serviceIds}::uuid[])[g % ${SERVICES} + 1], (${providerIds}::uuid[])[g % ${PROVIDERS} + 1],
           'Client ' || (g % ${CLIENTS}), 'client' || (g % ${CLIENTS}) || '@example.com', 'Europe/Berlin',
           s.start, s.start + interval '30 minutes', s.start, s.start + interval '30 minutes', u.id::text,
           (CASE WHEN g % 20 = 0 THEN 'CANCELLED' WHEN g % 20 = 1 THEN 'NO_SHOW'
                 WHEN s.start < ${NOW}::timestamptz THEN 'COMPLETED' ELSE 'CONFIRMED' END)::"AppointmentStatus",
           (CASE WHEN g % 20 = 0 THEN 'REFUNDED' ELSE 'PAID' END)::"PaymentStatus",
           'EUR', 3000 + (g % ${SERVICES}) * 1000, 3000 + (g % ${SERVICES}) * 1000,
           CASE WHEN g % 20 = 0 THEN 3000 + (g % ${SERVICES}) * 1000 ELSE 0 END,
           md5(g::text), CASE WHEN g % 40 = 0 THEN 'by admin' WHEN g % 20 = 0 THEN 'by client' END,
           s.start - interval '3 days', s.start - interval '3 days',
           CASE WHEN g % 20 = 0 THEN s.start - interval '1 day' END,
           CASE WHEN g % 20 > 1 AND s.start < ${NOW}::timestamptz THEN s.start + interval '30 minutes' END
      FROM generate_series(0, ${APPOINTMENTS - 1}::int) g,
           LATERAL (SELECT timestamptz '2025-12-01T07:00:00Z' + (g / 250) * interval '1 day'
                           + ((g / ${PROVIDERS}) % 25) * interval '30 minutes' AS start) s,
           -- A 1:1 booking's session is itself (take-slot.ts): its session key is its id.
           LATERAL (SELECT gen_random_uuid() AS id WHERE g >= 0) u`;

  // Money: every other appointment paid at the venue, the rest by card with Stripe's fee; cancelled
  // ones were paid by card and refunded in full.
  await db.$executeRaw`
    WITH a AS (
      SELECT id, "startTimeUtc", "totalAmountCents" AS price, status,
             status = 'CANCELLED' OR row_number() OVER (ORDER BY "startTimeUtc", id) % 2 = 0 AS card,
             row_number() OVER (ORDER BY "startTimeUtc", id) AS n
        FROM appointments WHERE "tenantId" = ${tenantId}::uuid)
    INSERT INTO ledger_entries ("tenantId", "appointmentId", kind, "amountCents", currency, "stripeObjectId",
                                "stripeBalanceTransactionId", "occurredAt")
    SELECT ${tenantId}::uuid, a.id, m.kind::"LedgerEntryKind", m.amount, 'EUR', m.object, m.txn, m.at
      FROM a, LATERAL (VALUES
        (CASE WHEN a.card THEN 'CHARGE' ELSE 'BALANCE_VENUE' END, a.price,
         CASE WHEN a.card THEN 'ch_b' || a.n END, CASE WHEN a.card THEN 'txn_c' || a.n END,
         a."startTimeUtc" - interval '3 days'),
        (CASE WHEN a.card THEN 'STRIPE_FEE' END, -(a.price * 3 / 100), 'txn_f' || a.n, 'txn_f' || a.n,
         a."startTimeUtc" - interval '3 days'),
        (CASE WHEN a.status = 'CANCELLED' THEN 'REFUND' END, -a.price, 're_b' || a.n, NULL,
         a."startTimeUtc" - interval '1 day')
      ) AS m(kind, amount, object, txn, at)
     WHERE m.kind IS NOT NULL`;

  // The history: every appointment created, the cancelled ones cancelled by the client or an admin.
  await db.$executeRaw`
    INSERT INTO appointment_events ("tenantId", seq, "appointmentId", type, actor, data, "occurredAt")
    SELECT ${tenantId}::uuid, row_number() OVER (ORDER BY e.at, e.id, e.type), e.id, e.type::"AppointmentEventType",
           e.actor::"Actor", '{}'::jsonb, e.at
      FROM (SELECT id, 'CREATED' AS type, 'CLIENT' AS actor, "createdAt" AS at FROM appointments WHERE "tenantId" = ${tenantId}::uuid
            UNION ALL
            SELECT id, 'CANCELLED', CASE WHEN "cancellationReason" = 'by admin' THEN 'ADMIN' ELSE 'CLIENT' END, "cancelledAt"
              FROM appointments WHERE "tenantId" = ${tenantId}::uuid AND status = 'CANCELLED') e`;
  await db.$executeRaw`
    INSERT INTO tenant_event_sequences ("tenantId", "lastSeq")
    SELECT ${tenantId}::uuid, count(*) FROM appointment_events WHERE "tenantId" = ${tenantId}::uuid
    ON CONFLICT ("tenantId") DO UPDATE SET "lastSeq" = excluded."lastSeq"`;
  await db.$executeRaw`ANALYZE`;
}

main().then(
  (ok) => {
    if (!ok) process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
