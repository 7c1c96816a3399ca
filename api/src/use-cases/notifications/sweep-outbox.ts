import type { Db } from '../../adapters/db/prisma-client.ts';
import { tenantsWithUnsent } from '../../adapters/db/repositories/outbox.repository.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import type { NotificationServices } from './notification-services.ts';

/** Messages per tenant and sweep: a backlog drains over a few sweeps instead of one long job. */
const PER_TENANT = 100;

/**
 * The safety net behind the jobs: every few minutes, sends what a failed or crashed attempt left
 * behind: PENDING messages (a refusal that may pass, a job whose retries ran out) and SENDING ones
 * abandoned past their lease (asked of Postmark first). A reminder that waited past its window is
 * SKIPPED instead. Errors are logged per tenant; the next sweep tries again.
 */
export async function sweepOutbox(db: Db, services: NotificationServices): Promise<void> {
  const now = services.now();
  const staleBefore = new Date(now.getTime() - services.sendingLeaseMs);
  for (const tenantId of await tenantsWithUnsent(db, now, staleBefore)) {
    const scope = forTenant(db, tenantId);
    try {
      await deliverOutbox(scope, services, await scope.outbox.unsent(now, staleBefore, PER_TENANT));
    } catch (err) {
      services.log.warn({ err, tenantId }, 'outbox sweep: some messages are still unsent');
    }
  }
}
