import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { reminderKey } from '../../domain/notifications/dedupe-keys.ts';
import { reminderPlan } from '../../domain/notifications/reminders.ts';
import type { JobQueue } from '../../jobs/job-context.ts';
import { NOTIFICATION_QUEUES } from './queues.ts';

export interface ReminderJob {
  tenantId: string;
  appointmentId: string;
  offsetMinutes: number;
  /** The start the reminder is for: a booking moved since gets no reminder from this job. */
  startTimeUtc: string;
}

/**
 * One reminder job per offset of the service (`reminderOffsetsMinutes`) for a booking confirmed or
 * moved at `changedAt`, to run at its time (startAfter), keyed by appointment, offset and start so
 * that planning twice enqueues each once. Reminders already due when the booking was made or moved
 * are not planned, nor those past their window by now (the worker was down); those due since the
 * change and still in their window run at once. The old time's reminders of a moved booking are
 * not withdrawn: they find the booking moved when they run and send nothing
 * (send-reminder.ts). Answers how many were enqueued.
 */
export async function planReminders(
  scope: TenantScope,
  queue: JobQueue,
  input: { appointmentId: string; changedAt: Date; now: Date },
): Promise<number> {
  const facts = await scope.notificationData.facts(input.appointmentId);
  if (!facts || facts.appointment.status !== 'CONFIRMED') return 0;
  const start = facts.appointment.startTimeUtc;
  const reminders = reminderPlan(start, facts.reminderOffsetsMinutes, input.changedAt).filter(
    (reminder) => reminder.sendBy.getTime() >= input.now.getTime(),
  );
  for (const reminder of reminders) {
    const job: ReminderJob = {
      tenantId: scope.tenantId,
      appointmentId: input.appointmentId,
      offsetMinutes: reminder.offsetMinutes,
      startTimeUtc: start.toISOString(),
    };
    await queue.send(NOTIFICATION_QUEUES.reminder, job, {
      startAfter: reminder.dueAt,
      singletonKey: reminderKey(input.appointmentId, reminder.offsetMinutes, start, 'email'),
    });
  }
  return reminders.length;
}
