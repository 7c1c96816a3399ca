import type { Client } from '../prisma-client.ts';

/** At most this many deliveries are enqueued per poll; the rest wait for the next tick (500 ms). */
const POLL_BATCH = 500;

/**
 * The one cross-tenant read of webhook deliveries: those without a job yet, marked queued in the
 * caller's transaction (which enqueues their jobs). SKIP LOCKED: two workers polling at once take
 * different rows, and each delivery gets one job.
 */
export async function takeWaitingDeliveries(
  client: Client,
  now: Date,
): Promise<Array<{ tenantId: string; deliveryId: string }>> {
  return client.$queryRaw<Array<{ tenantId: string; deliveryId: string }>>`
    UPDATE webhook_deliveries d SET "queuedAt" = ${now}
      FROM (SELECT id FROM webhook_deliveries
             WHERE "queuedAt" IS NULL
             ORDER BY "createdAt"
             LIMIT ${POLL_BATCH}
               FOR UPDATE SKIP LOCKED) waiting
     WHERE d.id = waiting.id
    RETURNING d."tenantId"::text AS "tenantId", d.id::text AS "deliveryId"`;
}
