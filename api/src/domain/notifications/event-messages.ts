import type { AppointmentEventType } from '../../generated/prisma/enums.ts';
import { dedupeKey } from './dedupe-keys.ts';
import type { Audience, MessageKind } from './message-kinds.ts';

/** An entry of the appointment's history, as the notifications read it. */
export interface HistoryEvent {
  seq: number;
  type: AppointmentEventType;
  data: Record<string, unknown>;
}

/** One message an event asks for. */
export interface PlannedMessage {
  kind: MessageKind;
  audience: Audience;
  dedupeKey: string;
  /** The .ics the email carries: the booking as it is (REQUEST), its cancellation, or none. */
  invitation: 'REQUEST' | 'CANCEL' | null;
  /** The .ics SEQUENCE: how many times the booking was revised (moves, then the cancellation). */
  sequence: number;
}

/**
 * The event that made the appointment a booking: CREATED (confirmed at once) or CONFIRMED, or,
 * for a hold (HELD), the PAID or the CARD_SAVED of a SetupIntent that confirmed it (markPaid and
 * saveCard in appointment-writes.repository.ts). null while it is a hold, and for a hold that
 * ended (expired or cancelled) before that.
 */
export function confirmingEvent(history: readonly HistoryEvent[]): HistoryEvent | null {
  let held = false;
  for (const event of history) {
    switch (event.type) {
      case 'CREATED':
      case 'CONFIRMED':
        return event;
      case 'HELD':
        held = true;
        break;
      case 'PAID':
        if (held) return event;
        break;
      case 'CARD_SAVED':
        if (held && typeof event.data.setupIntentId === 'string') return event;
        break;
      case 'CANCELLED':
        return null;
      default:
        break;
    }
  }
  return null;
}

/** How many times the booking was moved, up to and including event `seq`. */
export function movesUpTo(history: readonly HistoryEvent[], seq: number): number {
  return history.filter((event) => event.type === 'RESCHEDULED' && event.seq <= seq).length;
}

/**
 * The messages one event of the appointment's history asks for, given its whole history (seq
 * order). Only bookings are written about: nothing while a booking is a hold, nothing when a hold
 * ends unpaid. Messages describe the booking as it is when they are built, so an event overtaken
 * by a later one asks for nothing the later one does not say better (a confirmation or a payment
 * of a booking cancelled since; a move followed by another move or a cancellation).
 *
 * - the confirming event: `confirmation` (with the .ics) and the provider's `provider-booked`;
 * - PAID after that: `payment-received`;
 * - RESCHEDULED: `reschedule` (the .ics with SEQUENCE = moves so far) and `provider-rescheduled`;
 * - CANCELLED: `cancellation` (METHOD:CANCEL, SEQUENCE = moves + 1) and `provider-cancelled`;
 * - CONFIRMATION_RESENT (an admin asked for it again): one more `confirmation` to the client, keyed
 *   by the event's seq, so each request is one message and a job run twice still sends it once.
 * Everything else (a hold, a completion, a no-show, payment requests and failures, refunds of a
 * booking that goes on) sends nothing.
 */
export function messagesForEvent(
  appointmentId: string,
  event: HistoryEvent,
  history: readonly HistoryEvent[],
): PlannedMessage[] {
  const confirmedBy = confirmingEvent(history);
  if (!confirmedBy || confirmedBy.seq > event.seq) return [];
  const later = (type: AppointmentEventType) => history.some((e) => e.type === type && e.seq > event.seq);
  const moves = movesUpTo(history, event.seq);
  const message = (
    kind: MessageKind,
    audience: Audience,
    invitation: PlannedMessage['invitation'],
    ...parts: Array<string | number>
  ): PlannedMessage => ({
    kind,
    audience,
    dedupeKey: dedupeKey(kind, appointmentId, ...parts),
    invitation,
    sequence: invitation === 'CANCEL' ? moves + 1 : moves,
  });

  switch (event.type) {
    case 'CREATED':
    case 'CONFIRMED':
    case 'PAID':
    case 'CARD_SAVED':
      if (later('CANCELLED')) return [];
      if (event.seq === confirmedBy.seq) {
        return [message('confirmation', 'client', 'REQUEST'), message('provider-booked', 'provider', null)];
      }
      return event.type === 'PAID' ? [message('payment-received', 'client', null, event.seq)] : [];
    case 'RESCHEDULED':
      if (later('CANCELLED') || later('RESCHEDULED')) return [];
      return [
        message('reschedule', 'client', 'REQUEST', moves),
        message('provider-rescheduled', 'provider', null, moves),
      ];
    case 'CANCELLED':
      return [message('cancellation', 'client', 'CANCEL'), message('provider-cancelled', 'provider', null)];
    case 'CONFIRMATION_RESENT':
      if (later('CANCELLED')) return [];
      return [message('confirmation', 'client', 'REQUEST', 'resend', event.seq)];
    default:
      return [];
  }
}
