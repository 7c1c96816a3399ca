/**
 * What row-level security costs (api/README.md, "Row-level security"). The tenant scope queries
 * through the mais_tenant role's pool, each transaction beginning with one statement that names the
 * tenant, and a statement outside a transaction wrapped in one of its own; every query then carries
 * the policy's filter. Measured here on the real repositories against a tenant with 20,000
 * appointments beside another tenant's 20,000:
 *  - a read alone (an appointment with its intake answers, as a manage-link page loads it),
 *  - the same read in a transaction,
 *  - a locking transaction (the row FOR UPDATE and the tenant's appointment count, as a change does),
 * each 3,000 times, alternating with and without the wall, after a warm-up. Prints the mean and
 * p50/p99 per case and the difference.
 *
 * Run: `npm run bench:rls` (a PostgreSQL of its own, as the other benches).
 */
import { performance } from 'node:perf_hooks';
import {
  createPrismaClient,
  tenantClientOf,
  type Client,
  type Db,
} from '../../api/src/adapters/db/prisma-client.ts';
import { AppointmentsRepository } from '../../api/src/adapters/db/repositories/appointments.repository.ts';
import { boundToTenant } from '../../api/src/adapters/db/tenant-bound-client.ts';
import { createTenant } from '../../api/src/use-cases/create-tenant.ts';
import { startDatabase } from './support/bench-database.ts';
import { percentile, printTable } from './support/stats.ts';

const ROWS = Number(process.env.BENCH_RLS_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RLS_RUNS ?? 3_000);

type Work = (client: Client, tenantId: string, appointmentId: string) => Promise<unknown>;
type Shape = 'alone' | 'in a transaction';

const readOne: Work = (client, tenantId, id) => new AppointmentsRepository(client, tenantId).record(id);
const lockAndCount: Work = async (client, tenantId, id) => {
  await new AppointmentsRepository(client, tenantId).lockForChange(id);
  return client.appointment.count({ where: { tenantId } });
};

const WORKLOADS: Array<[string, Work, Shape]> = [
  ['read one appointment', readOne, 'alone'],
  ['read one appointment', readOne, 'in a transaction'],
  ['lock one and count', lockAndCount, 'in a transaction'],
];

/**
 * Without the wall: the owner's pool, as the tenant scope queried before row-level security.
 * With it: what the scope does now (tenant-scope.ts), the tenant role's pool with every statement
 * naming the tenant; a statement alone becomes BEGIN, enterTenant, the statement, COMMIT.
 */
function runner(db: Db, wall: 'off' | 'on', shape: Shape) {
  return (work: Work, tenantId: string, id: string): Promise<unknown> => {
    const client = wall === 'on' ? boundToTenant(tenantClientOf(db), tenantId) : db;
    return shape === 'alone'
      ? work(client, tenantId, id)
      : client.$transaction((tx) => work(tx, tenantId, id));
  };
}

async function seed(db: Db, name: string): Promise<{ tenantId: string; ids: string[] }> {
  const { tenant } = await createTenant(db, {
    name,
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    allowedOrigins: [],
    branding: {},
  });
  const service = await db.service.create({
    data: {
      tenantId: tenant.id,
      name: 'Cut',
      durationMinutes: 30,
      priceBaseCents: 1000,
      slotIntervalMinutes: 30,
      currency: 'EUR',
      timezone: 'Europe/Berlin',
    },
  });
  await db.$executeRaw`
    INSERT INTO appointments ("tenantId", "serviceId", "clientName", "clientEmail", "clientTimezone",
      "startTimeUtc", "endTimeUtc", "occupiedStartUtc", "occupiedEndUtc", "sessionKey", status,
      currency, "totalAmountCents", "manageTokenHash")
    SELECT ${tenant.id}::uuid, ${service!.id}::uuid, 'Client ' || i, 'c' || i || '@example.com', 'Europe/Berlin',
           t, t + interval '30 minutes', t, t + interval '30 minutes', 'bench-' || i, 'CANCELLED',
           'EUR', 1000, md5(${name} || i)
      FROM generate_series(1, ${ROWS}) i, LATERAL (SELECT timestamptz '2026-01-01' + i * interval '1 hour' AS t) s`;
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM appointments WHERE "tenantId" = ${tenant.id}::uuid ORDER BY random() LIMIT 500`;
  return { tenantId: tenant.id, ids: ids.map((row) => row.id) };
}

async function main() {
  const database = await startDatabase();
  const db = createPrismaClient(database.url, { maxConnections: 4 });
  try {
    const mine = await seed(db, 'Measured');
    await seed(db, 'Neighbour');
    await db.$executeRaw`ANALYZE`;
    const rows: string[][] = [];
    for (const [label, work, shape] of WORKLOADS) {
      const timings = { off: [] as number[], on: [] as number[] };
      for (let i = 0; i < RUNS + 200; i++) {
        for (const wall of ['off', 'on'] as const) {
          const id = mine.ids[i % mine.ids.length]!;
          const started = performance.now();
          await runner(db, wall, shape)(work, mine.tenantId, id);
          if (i >= 200) timings[wall].push(performance.now() - started);
        }
      }
      const describe = (values: number[]) => {
        const sorted = [...values].sort((x, y) => x - y);
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        return { mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      };
      const off = describe(timings.off);
      const on = describe(timings.on);
      const format = (value: number) => `${value.toFixed(3)} ms`;
      rows.push([
        `${label}, ${shape}`,
        format(off.mean),
        format(on.mean),
        `+${format(on.mean - off.mean)} (${(((on.mean - off.mean) / off.mean) * 100).toFixed(0)} %)`,
        `${format(off.p50)} / ${format(on.p50)}`,
        `${format(off.p99)} / ${format(on.p99)}`,
      ]);
    }
    console.log(`\nRow-level security: ${RUNS} runs per case, ${ROWS} appointments per tenant, 2 tenants\n`);
    printTable(
      ['transaction', 'mean without', 'mean with', 'difference', 'p50 without / with', 'p99 without / with'],
      rows,
    );
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

await main();
