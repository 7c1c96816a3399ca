import { z } from 'zod';
import { activeConnections } from '../adapters/db/repositories/calendar-connection-lookup.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import type { AppointmentEventType } from '../generated/prisma/enums.ts';
import {
  calendarServices,
  googleGatewayFor,
  type CalendarServices,
} from '../use-cases/calendar/calendar-services.ts';
import { pushBookingToGoogle } from '../use-cases/calendar/push-booking-to-google.ts';
import { CALENDAR_QUEUES } from '../use-cases/calendar/queues.ts';
import { renewGoogleChannels } from '../use-cases/calendar/renew-google-channels.ts';
import { syncGoogleCalendar } from '../use-cases/calendar/sync-google-calendar.ts';
import type { DispatchedEvent, JobContext, JobFeature, JobQueue } from './job-context.ts';

/**
 * Google Calendar, both directions (issue 10), as jobs:
 * - calendar.push for each appointment event that can change what the provider's calendar should
 *   show (PUSHED_EVENTS): the job reads the booking as it is then, so pushes arriving twice or out
 *   of order end right; a hold (HELD) never shows, and COMPLETED or NO_SHOW change nothing there;
 * - calendar.sync per connection, from the poll (push notifications sync in the webhook itself);
 * - calendar.renew-channels hourly and calendar.poll every 15 minutes (cron, UTC).
 * Without Google configured (GOOGLE_CLIENT_ID, PUBLIC_URL) every job ends at once.
 */

export const PUSHED_EVENTS = new Set<AppointmentEventType>([
  'CREATED', // a booking made CONFIRMED (a hold is HELD)
  'CONFIRMED',
  'PAID', // may confirm a hold
  'CARD_SAVED', // may confirm a hold
  'RESCHEDULED',
  'CANCELLED', // also a hold released: the push then finds nothing to do, without calling Google
]);

const Uuid = z.uuid();
const PushJob = z.object({ tenantId: Uuid, appointmentId: Uuid });
const SyncJob = z.object({ tenantId: Uuid, providerId: Uuid });

function services(context: JobContext): CalendarServices | null {
  return calendarServices(context.config, googleGatewayFor(context.config), () => context.now(), context.log);
}

export const calendarFeature: JobFeature = {
  jobs: [
    {
      queue: CALENDAR_QUEUES.push,
      async handler(data, context) {
        const calendar = services(context);
        if (!calendar) return;
        const job = PushJob.parse(data);
        // A failure is recorded on the connection (lastError); thrown, the queue retries.
        await pushBookingToGoogle(calendar, forTenant(context.db, job.tenantId), job.appointmentId);
      },
    },
    {
      queue: CALENDAR_QUEUES.sync,
      async handler(data, context) {
        const calendar = services(context);
        if (!calendar) return;
        const job = SyncJob.parse(data);
        // A failure is recorded on the connection by the sync itself; thrown, the queue retries.
        await syncGoogleCalendar(calendar, forTenant(context.db, job.tenantId), job.providerId);
      },
    },
    {
      queue: CALENDAR_QUEUES.renewChannels,
      cron: '7 * * * *',
      async handler(_data, context) {
        const calendar = services(context);
        if (!calendar) return;
        await renewGoogleChannels(calendar, context.db);
      },
    },
    {
      queue: CALENDAR_QUEUES.poll,
      cron: '*/15 * * * *',
      async handler(_data, context) {
        if (!services(context)) return;
        for (const connection of await activeConnections(context.db)) {
          // One sync per calendar waiting at a time: a second poll finds the first still queued.
          await context.queue.send(CALENDAR_QUEUES.sync, connection, {
            singletonKey: `${connection.tenantId}:${connection.providerId}`,
          });
        }
      },
    },
  ],

  async onAppointmentEvent(event: DispatchedEvent, queue: JobQueue) {
    if (!PUSHED_EVENTS.has(event.type)) return;
    // No singletonKey: a push already running may have read the booking before this change, and
    // one that is still waiting reads it when it runs anyway; two pushes cost one call more.
    await queue.send(CALENDAR_QUEUES.push, { tenantId: event.tenantId, appointmentId: event.appointmentId });
  },
};
