import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import {
  messagesForEvent,
  type HistoryEvent,
  type PlannedMessage,
} from '../../domain/notifications/event-messages.ts';
import type { MessageExtras } from '../../domain/notifications/message-model.ts';
import { buildEmails } from './build-messages.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import type { NotificationServices } from './notification-services.ts';

/** An appointment event as the job gets it (jobs/job-context.ts's DispatchedEvent, after JSON). */
export interface AppointmentEventInput {
  seq: number;
  appointmentId: string;
  type: HistoryEvent['type'];
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * The messages one appointment event asks for (domain/notifications/event-messages.ts), built into
 * the outbox and sent. Run twice (a retried job, an event handled again) it adds nothing, since
 * each message's dedupe key is already there, and sends only what is still unsent: nothing goes
 * out twice.
 */
export async function notifyAppointmentEvent(
  scope: TenantScope,
  services: NotificationServices,
  event: AppointmentEventInput,
): Promise<void> {
  const facts = await scope.notificationData.facts(event.appointmentId);
  if (!facts) return;
  const history = await scope.appointments.history(event.appointmentId);
  const current = history.find((entry) => entry.seq === event.seq) ?? event;
  const planned = messagesForEvent(event.appointmentId, current, history);
  if (planned.length === 0) return;
  const extras = await extrasOf(scope, event, planned);
  const rows = await scope.outbox.add(buildEmails(facts, planned, extras, services), services.now());
  await deliverOutbox(
    scope,
    services,
    rows.map((row) => row.id),
  );
}

/** What the event itself tells: a move's old start, a payment's amount, a cancel's refund. */
async function extrasOf(
  scope: TenantScope,
  event: AppointmentEventInput,
  planned: readonly PlannedMessage[],
): Promise<Omit<MessageExtras, 'tokensAvailable'>> {
  const kinds = new Set(planned.map((message) => message.kind));
  if (kinds.has('reschedule') || kinds.has('provider-rescheduled')) {
    const from = (event.data.from as { startTimeUtc?: unknown } | undefined)?.startTimeUtc;
    return { previousStart: typeof from === 'string' ? new Date(from) : null };
  }
  if (kinds.has('payment-received')) {
    const amount = event.data.amountCents;
    return { amountCents: typeof amount === 'number' ? amount : null };
  }
  if (kinds.has('cancellation')) {
    return {
      amountCents: await scope.notificationData.refundedOnCancel(event.appointmentId, event.occurredAt),
    };
  }
  return {};
}
