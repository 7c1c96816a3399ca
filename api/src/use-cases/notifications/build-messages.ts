import { invitationIcs } from '../../adapters/calendar-files/invitation.ts';
import { eventUid } from '../../domain/calendar/event-uid.ts';
import type { NewOutboxMessage } from '../../adapters/db/repositories/outbox.repository.ts';
import type { PlannedMessage } from '../../domain/notifications/event-messages.ts';
import type { LoadedFacts } from '../../adapters/db/repositories/notification-data.repository.ts';
import { manageLinkBase } from '../../domain/notifications/manage-link.ts';
import { messageModel, type MessageExtras } from '../../domain/notifications/message-model.ts';
import { renderEmail, renderSms } from '../../domain/notifications/render.ts';
import type { NotificationServices } from './notification-services.ts';

/**
 * Outbox rows for planned messages: each rendered in its reader's language and zone, with its .ics
 * when it carries one. A provider notice for a booking without a provider is left out.
 */
export function buildEmails(
  facts: LoadedFacts,
  planned: readonly PlannedMessage[],
  extras: Omit<MessageExtras, 'tokensAvailable'>,
  services: NotificationServices,
  timing: { sendBy: Date | null } = { sendBy: null },
): NewOutboxMessage[] {
  const now = services.now();
  const messages: NewOutboxMessage[] = [];
  for (const message of planned) {
    const recipient = message.audience === 'client' ? facts.appointment.clientEmail : facts.provider?.email;
    if (!recipient) continue;
    const model = messageModel(withManageLinkBase(facts, services), message.kind, {
      ...extras,
      tokensAvailable: services.box !== null,
    });
    const email = renderEmail(model);
    messages.push({
      appointmentId: facts.appointment.id,
      kind: message.kind,
      channel: 'email',
      recipient,
      dedupeKey: message.dedupeKey,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      ics: message.invitation ? invitation(facts, message, services, now) : null,
      scheduledFor: now,
      sendBy: timing.sendBy,
    });
  }
  return messages;
}

/** The facts with the page manage links open: the tenant's own, else its hosted booking page. */
function withManageLinkBase(facts: LoadedFacts, services: NotificationServices): LoadedFacts {
  const { bookingPageUrl } = facts.tenant;
  const base = manageLinkBase(bookingPageUrl, facts.hostedBookingPage, services.publicUrl);
  return base === bookingPageUrl ? facts : { ...facts, tenant: { ...facts.tenant, bookingPageUrl: base } };
}

/** A reminder by SMS (the client gave a phone number and the tenant turned SMS reminders on). */
export function buildSmsReminder(
  facts: LoadedFacts,
  dedupeKey: string,
  offsetMinutes: number,
  services: NotificationServices,
  sendBy: Date,
): NewOutboxMessage | null {
  const phone = facts.appointment.clientPhone;
  if (!phone || !facts.smsReminders) return null;
  const model = messageModel(withManageLinkBase(facts, services), 'reminder', {
    offsetMinutes,
    tokensAvailable: false,
  });
  return {
    appointmentId: facts.appointment.id,
    kind: 'reminder',
    channel: 'sms',
    recipient: phone,
    dedupeKey,
    subject: '',
    textBody: renderSms(model),
    htmlBody: null,
    ics: null,
    scheduledFor: services.now(),
    sendBy,
  };
}

function invitation(
  facts: LoadedFacts,
  message: PlannedMessage,
  services: NotificationServices,
  now: Date,
): string {
  const { appointment, service, tenant } = facts;
  return invitationIcs({
    method: message.invitation === 'CANCEL' ? 'CANCEL' : 'REQUEST',
    // The ICS feeds' UID too: a calendar that has the booking from both keeps one event.
    uid: eventUid(appointment.id, services.publicUrl),
    sequence: message.sequence,
    stamp: now,
    start: appointment.startTimeUtc,
    end: appointment.endTimeUtc,
    zone: appointment.clientTimezone,
    summary: `${service.name} · ${tenant.name}`,
    organizer: { name: tenant.name, email: services.fromAddress },
    attendee: { name: appointment.clientName, email: appointment.clientEmail },
  });
}
