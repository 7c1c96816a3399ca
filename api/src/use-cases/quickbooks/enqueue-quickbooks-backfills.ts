import { waitingBackfills } from '../../adapters/db/repositories/quickbooks-connection-lookup.ts';
import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import type { JobQueue } from '../../jobs/job-context.ts';
import { QUICKBOOKS_QUEUES } from './queues.ts';

/**
 * The backfills asked for, as jobs: one quickbooks.push per appointment with money in the period,
 * then the request cleared (unless it was widened meanwhile). A crash in between enqueues them
 * again on the next run: pushes are idempotent, so that costs reads, not receipts.
 * Answers how many pushes were enqueued.
 */
export async function enqueueQuickBooksBackfills(db: Db, queue: JobQueue): Promise<number> {
  let enqueued = 0;
  for (const backfill of await waitingBackfills(db)) {
    const scope = forTenant(db, backfill.tenantId);
    const appointments = await scope.quickbooksPushes.appointmentsWithMoneyBetween(
      backfill.from,
      backfill.to,
    );
    for (const appointmentId of appointments) {
      await queue.send(QUICKBOOKS_QUEUES.push, { tenantId: backfill.tenantId, appointmentId });
    }
    enqueued += appointments.length;
    await scope.quickbooksConnections.clearBackfill(backfill.from, backfill.to);
  }
  return enqueued;
}
