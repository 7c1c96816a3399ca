import { z } from 'zod';
import { hasActiveQuickBooksConnection } from '../adapters/db/repositories/quickbooks-connection-lookup.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import type { AppointmentEventType } from '../generated/prisma/enums.ts';
import { enqueueQuickBooksBackfills } from '../use-cases/quickbooks/enqueue-quickbooks-backfills.ts';
import { pushAppointmentMoney } from '../use-cases/quickbooks/push-appointment-money.ts';
import { QUICKBOOKS_QUEUES } from '../use-cases/quickbooks/queues.ts';
import { quickbooksServices } from '../use-cases/quickbooks/quickbooks-services.ts';
import type { DispatchedEvent, JobFeature, JobQueue, JobReader } from './job-context.ts';

/**
 * QuickBooks Online sync (issue 11), as jobs:
 * - quickbooks.push for each PAID or REFUNDED event of a tenant with an ACTIVE connection: the job
 *   pushes every succeeded payment and refund of the appointment not pushed yet (so an event seen
 *   twice, or a payment without a PAID event of its own, such as a late one refunded at once,
 *   ends with each receipt made once);
 * - quickbooks.backfill each minute: the periods tenants asked to push, as quickbooks.push jobs.
 * Without QuickBooks configured (QUICKBOOKS_CLIENT_ID, PUBLIC_URL) every job ends at once.
 */

export const MONEY_EVENTS = new Set<AppointmentEventType>(['PAID', 'REFUNDED']);

const Uuid = z.uuid();
const PushJob = z.object({ tenantId: Uuid, appointmentId: Uuid });

export const quickbooksFeature: JobFeature = {
  jobs: [
    {
      queue: QUICKBOOKS_QUEUES.push,
      // A push another one holds is retried (QuickBooksPushBusyError): room for a few of those.
      retryLimit: 10,
      async handler(data, context) {
        const services = quickbooksServices(context.config, () => context.now(), context.log);
        if (!services) return;
        const job = PushJob.parse(data);
        const outcome = await pushAppointmentMoney(
          services,
          forTenant(context.db, job.tenantId),
          job.appointmentId,
        );
        if (typeof outcome === 'object' && outcome.pushed > 0) {
          context.log.info({ ...job, receipts: outcome.pushed }, 'quickbooks: receipts pushed');
        }
      },
    },
    {
      queue: QUICKBOOKS_QUEUES.backfill,
      cron: '* * * * *',
      async handler(_data, context) {
        if (!quickbooksServices(context.config, () => context.now(), context.log)) return;
        await enqueueQuickBooksBackfills(context.db, context.queue);
      },
    },
  ],

  async onAppointmentEvent(event: DispatchedEvent, queue: JobQueue, reader?: JobReader) {
    if (!MONEY_EVENTS.has(event.type)) return;
    // Only tenants that sync get jobs (read in the dispatcher's transaction).
    if (reader && !(await hasActiveQuickBooksConnection(reader, event.tenantId))) return;
    await queue.send(QUICKBOOKS_QUEUES.push, {
      tenantId: event.tenantId,
      appointmentId: event.appointmentId,
    });
  },
};
