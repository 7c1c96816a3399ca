import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { reminderKey } from '../../domain/notifications/dedupe-keys.ts';
import { movesUpTo } from '../../domain/notifications/event-messages.ts';
import {
  reminderDecision,
  reminderWindowMs,
  type ReminderDecision,
} from '../../domain/notifications/reminders.ts';
import { MINUTE } from '../../domain/time-units.ts';
import { buildEmails, buildSmsReminder } from './build-messages.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import type { NotificationServices } from './notification-services.ts';

/**
 * One reminder, when its job runs: only for a booking still CONFIRMED, still at the start it was
 * planned for, and not past its window (domain/notifications/reminders.ts); then the email (with
 * the .ics of the booking as it is) and, when the client gave a phone number and the tenant turned
 * SMS reminders on, the SMS, each once (dedupe keys with the start time).
 */
export async function sendReminder(
  scope: TenantScope,
  services: NotificationServices,
  input: { appointmentId: string; offsetMinutes: number; startTimeUtc: Date },
): Promise<ReminderDecision> {
  const facts = await scope.notificationData.facts(input.appointmentId);
  if (!facts) return { send: false, reason: 'not_confirmed' };
  const now = services.now();
  const decision = reminderDecision({
    status: facts.appointment.status,
    startTimeUtc: facts.appointment.startTimeUtc,
    plannedStart: input.startTimeUtc,
    offsetMinutes: input.offsetMinutes,
    now,
  });
  if (!decision.send) {
    services.log.info(
      { appointmentId: input.appointmentId, offsetMinutes: input.offsetMinutes, ...decision },
      'reminder not sent',
    );
    return decision;
  }
  const { appointmentId, offsetMinutes, startTimeUtc } = input;
  const history = await scope.appointments.history(appointmentId);
  const sendBy = new Date(startTimeUtc.getTime() - offsetMinutes * MINUTE + reminderWindowMs(offsetMinutes));
  const email = buildEmails(
    facts,
    [
      {
        kind: 'reminder',
        audience: 'client',
        dedupeKey: reminderKey(appointmentId, offsetMinutes, startTimeUtc, 'email'),
        invitation: 'REQUEST',
        sequence: movesUpTo(history, Number.MAX_SAFE_INTEGER),
      },
    ],
    { offsetMinutes },
    services,
    { sendBy },
  );
  const sms = buildSmsReminder(
    facts,
    reminderKey(appointmentId, offsetMinutes, startTimeUtc, 'sms'),
    offsetMinutes,
    services,
    sendBy,
  );
  const rows = await scope.outbox.add(sms ? [...email, sms] : email, now);
  await deliverOutbox(
    scope,
    services,
    rows.map((row) => row.id),
  );
  return decision;
}
