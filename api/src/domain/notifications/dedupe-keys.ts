import type { MessageKind } from './message-kinds.ts';

/**
 * The outbox's identity of a message (unique per tenant): building a message again (a retried job,
 * an event handled twice) finds its row instead of adding one, so nothing is sent twice.
 *
 * - once per booking: `confirmation:<id>`, `cancellation:<id>` and their provider notices;
 * - once per resend an admin asked for: `confirmation:<id>:resend:<event seq>`;
 * - once per payment event: `payment-received:<id>:<event seq>`;
 * - once per move: `reschedule:<id>:<n>`, n the move's number (the .ics SEQUENCE);
 * - once per reminder of one start time: `reminder:<id>:<offset minutes>:<start ISO>`, so a moved
 *   booking's reminders are new messages and the old time's can never be sent under the new one's
 *   key; an SMS reminder adds `-sms` to the kind.
 */
export function dedupeKey(
  kind: MessageKind,
  appointmentId: string,
  ...parts: Array<string | number>
): string {
  return [kind, appointmentId, ...parts].join(':');
}

export function reminderKey(
  appointmentId: string,
  offsetMinutes: number,
  startTimeUtc: Date,
  channel: 'email' | 'sms',
): string {
  const kind = channel === 'sms' ? 'reminder-sms' : 'reminder';
  return [kind, appointmentId, offsetMinutes, startTimeUtc.toISOString()].join(':');
}
