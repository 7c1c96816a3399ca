import { z } from 'zod';
import { SecretBox } from '../adapters/crypto/secret-box.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import type { Mailer } from '../adapters/email/mailer.ts';
import { mailerFromConfig } from '../adapters/email/mailer-from-config.ts';
import { LoggingSmsSender } from '../adapters/sms/logging-sms-sender.ts';
import type { Config } from '../config.ts';
import { AppointmentEventType } from '../generated/prisma/enums.ts';
import { notifyAppointmentEvent } from '../use-cases/notifications/notify-appointment-event.ts';
import {
  senderAddress,
  type NotificationServices,
} from '../use-cases/notifications/notification-services.ts';
import { planReminders } from '../use-cases/notifications/plan-reminders.ts';
import { NOTIFICATION_QUEUES } from '../use-cases/notifications/queues.ts';
import { sendReminder } from '../use-cases/notifications/send-reminder.ts';
import { sweepOutbox } from '../use-cases/notifications/sweep-outbox.ts';
import type { DispatchedEvent, JobContext, JobFeature, JobQueue } from './job-context.ts';
import { PdfkitDocumentRenderer } from '../adapters/pdf/pdfkit-document-renderer.ts';

/**
 * Email confirmations, reminders and provider notices (issue 10), as jobs. For each appointment
 * event the dispatcher shows it, this feature enqueues:
 * - notifications.event for the events that can send something (CREATED, CONFIRMED, PAID,
 *   CARD_SAVED, RESCHEDULED, CANCELLED, CONFIRMATION_RESENT): the use-case decides what, from the
 *   history;
 * - notifications.reminders-plan for those that can confirm or move a booking (CREATED, CONFIRMED,
 *   PAID, CARD_SAVED, RESCHEDULED): it enqueues one notifications.reminder per offset, at its time.
 * notifications.outbox-sweep runs every 5 minutes for what a failed attempt left unsent.
 */

const MESSAGE_EVENTS = new Set<AppointmentEventType>([
  'CREATED',
  'CONFIRMED',
  'PAID',
  'CARD_SAVED',
  'RESCHEDULED',
  'CANCELLED',
  'CONFIRMATION_RESENT',
]);
const PLANNING_EVENTS = new Set<AppointmentEventType>([
  'CREATED',
  'CONFIRMED',
  'PAID',
  'CARD_SAVED',
  'RESCHEDULED',
]);

const Uuid = z.uuid();
const EventJob = z.object({
  tenantId: Uuid,
  seq: z.union([z.string(), z.number()]).transform(Number),
  appointmentId: Uuid,
  type: z.enum(AppointmentEventType),
  data: z.record(z.string(), z.unknown()).default({}),
  occurredAt: z.coerce.date(),
});
const PlanJob = z.object({ tenantId: Uuid, appointmentId: Uuid, changedAt: z.coerce.date() });
const ReminderJob = z.object({
  tenantId: Uuid,
  appointmentId: Uuid,
  offsetMinutes: z.number().int().positive(),
  startTimeUtc: z.coerce.date(),
});

/** Draws invoices attached to payment emails; it keeps no state. */
const pdfRenderer = new PdfkitDocumentRenderer();

/** One mailer and one SecretBox per configuration, reused by every job. */
const adapters = new WeakMap<Config, { mailer: Mailer; box: SecretBox | null }>();

export function notificationServices(context: JobContext): NotificationServices {
  const { config } = context;
  let built = adapters.get(config);
  if (!built) {
    built = {
      mailer: mailerFromConfig(config),
      box: config.ENCRYPTION_KEY
        ? new SecretBox(config.ENCRYPTION_KEY, config.ENCRYPTION_KEY_PREVIOUS)
        : null,
    };
    adapters.set(config, built);
  }
  return {
    ...built,
    sms: new LoggingSmsSender(context.log),
    publicUrl: config.PUBLIC_URL,
    fromAddress: senderAddress(config.POSTMARK_FROM, config.PUBLIC_URL),
    now: () => context.now(),
    log: context.log,
    sendingLeaseMs: config.OUTBOX_SENDING_LEASE_SECONDS * 1000,
    documents: pdfRenderer,
  };
}

export const notificationsFeature: JobFeature = {
  jobs: [
    {
      queue: NOTIFICATION_QUEUES.event,
      async handler(data, context) {
        const event = EventJob.parse(data);
        await notifyAppointmentEvent(
          forTenant(context.db, event.tenantId),
          notificationServices(context),
          event,
        );
      },
    },
    {
      queue: NOTIFICATION_QUEUES.remindersPlan,
      async handler(data, context) {
        const job = PlanJob.parse(data);
        await planReminders(forTenant(context.db, job.tenantId), context.queue, {
          appointmentId: job.appointmentId,
          changedAt: job.changedAt,
          now: context.now(),
        });
      },
    },
    {
      queue: NOTIFICATION_QUEUES.reminder,
      async handler(data, context) {
        const job = ReminderJob.parse(data);
        await sendReminder(forTenant(context.db, job.tenantId), notificationServices(context), job);
      },
    },
    {
      queue: NOTIFICATION_QUEUES.outboxSweep,
      cron: '*/5 * * * *',
      async handler(_data, context) {
        await sweepOutbox(context.db, notificationServices(context));
      },
    },
  ],

  async onAppointmentEvent(event: DispatchedEvent, queue: JobQueue) {
    const once = { singletonKey: `${event.tenantId}:${event.seq}` };
    if (MESSAGE_EVENTS.has(event.type)) {
      await queue.send(
        NOTIFICATION_QUEUES.event,
        { ...event, occurredAt: event.occurredAt.toISOString() },
        once,
      );
    }
    if (PLANNING_EVENTS.has(event.type)) {
      await queue.send(
        NOTIFICATION_QUEUES.remindersPlan,
        {
          tenantId: event.tenantId,
          appointmentId: event.appointmentId,
          changedAt: event.occurredAt.toISOString(),
        },
        once,
      );
    }
  },
};
