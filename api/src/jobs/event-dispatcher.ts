import { fromPrisma, type PgBoss } from 'pg-boss';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import type { DispatchedEvent, JobFeature, JobQueue } from './job-context.ts';

/** Events handed to the features per tenant and transaction: bounded, so one busy tenant cannot hold a cursor long. */
const BATCH = 200;

interface EventRow {
  tenantId: string;
  seq: bigint;
  appointmentId: string;
  type: DispatchedEvent['type'];
  actor: DispatchedEvent['actor'];
  data: Record<string, unknown>;
  state: Record<string, unknown> | null;
  occurredAt: Date;
}

/**
 * Turns the appointment history into jobs (api/README.md, "Jobs follow the appointment history").
 * For each tenant with events past its cursor, one transaction locks the cursor (SKIP LOCKED: a
 * tenant another worker is dispatching is left to it), reads the next events in seq order, lets
 * every feature enqueue its jobs for each (pg-boss inserts them through this same transaction) and
 * moves the cursor. The jobs and the cursor commit together: an event is dispatched exactly once,
 * even with several workers, and an event whose change rolled back never existed to be read.
 * Returns how many events were dispatched.
 */
export async function dispatchEvents(db: Db, boss: PgBoss, features: readonly JobFeature[]): Promise<number> {
  const behind = await db.$queryRaw<Array<{ tenantId: string }>>`
    SELECT s."tenantId"
      FROM tenant_event_sequences s
      LEFT JOIN appointment_event_cursors c ON c."tenantId" = s."tenantId"
     WHERE s."lastSeq" > coalesce(c."lastSeq", 0)`;
  let dispatched = 0;
  for (const { tenantId } of behind) {
    // A tenant's backlog in batches; another worker holding the cursor makes it 0 at once.
    for (;;) {
      const count = await dispatchBatch(db, boss, features, tenantId);
      dispatched += count;
      if (count < BATCH) break;
    }
  }
  return dispatched;
}

async function dispatchBatch(
  db: Db,
  boss: PgBoss,
  features: readonly JobFeature[],
  tenantId: string,
): Promise<number> {
  await db.$executeRaw`
    INSERT INTO appointment_event_cursors ("tenantId") VALUES (${tenantId}::uuid) ON CONFLICT DO NOTHING`;
  return db.$transaction(
    async (tx) => {
      const [cursor] = await tx.$queryRaw<Array<{ lastSeq: bigint }>>`
        SELECT "lastSeq" FROM appointment_event_cursors
         WHERE "tenantId" = ${tenantId}::uuid
           FOR UPDATE SKIP LOCKED`;
      if (!cursor) return 0;
      const rows = await tx.$queryRaw<EventRow[]>`
        SELECT "tenantId", seq, "appointmentId", type, actor, data, state, "occurredAt"
          FROM appointment_events
         WHERE "tenantId" = ${tenantId}::uuid AND seq > ${cursor.lastSeq}
         ORDER BY seq
         LIMIT ${BATCH}`;
      if (rows.length === 0) return 0;
      const queue = transactionalQueue(boss, tx);
      for (const row of rows) {
        const event: DispatchedEvent = { ...row, seq: row.seq.toString() };
        for (const feature of features) await feature.onAppointmentEvent?.(event, queue, tx);
      }
      await tx.$executeRaw`
        UPDATE appointment_event_cursors SET "lastSeq" = ${rows.at(-1)!.seq}, "updatedAt" = now()
         WHERE "tenantId" = ${tenantId}::uuid`;
      return rows.length;
    },
    { timeout: 30_000 },
  );
}

/**
 * Lets each feature turn what the API left in the database into jobs (JobFeature.poll), each in
 * its own transaction with a queue bound to it. Returns how many jobs were enqueued.
 */
export async function pollFeatures(db: Db, boss: PgBoss, features: readonly JobFeature[]): Promise<number> {
  let enqueued = 0;
  for (const feature of features) {
    if (!feature.poll) continue;
    enqueued += await feature.poll((work) =>
      db.$transaction((tx) => work(tx, transactionalQueue(boss, tx)), { timeout: 30_000 }),
    );
  }
  return enqueued;
}

/** A JobQueue whose sends are part of the transaction `tx` (pg-boss's Prisma adapter). */
function transactionalQueue(boss: PgBoss, tx: Prisma.TransactionClient): JobQueue {
  const db = fromPrisma(tx);
  return {
    async send(queue, data, options = {}) {
      await boss.send(queue, data, { ...options, db });
    },
  };
}
