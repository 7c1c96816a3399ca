/**
 * The notification queues (jobs/notifications.feature.ts registers their handlers):
 * - notifications.event: the messages one appointment event asks for;
 * - notifications.reminders-plan: one reminder job per offset of a booking just confirmed or moved;
 * - notifications.reminder: one reminder, at its time;
 * - notifications.outbox-sweep: every 5 minutes, messages a failed or crashed attempt left unsent.
 */
export const NOTIFICATION_QUEUES = {
  event: 'notifications.event',
  remindersPlan: 'notifications.reminders-plan',
  reminder: 'notifications.reminder',
  outboxSweep: 'notifications.outbox-sweep',
} as const;
