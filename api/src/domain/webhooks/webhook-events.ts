import { createHash } from 'node:crypto';
import type { AppointmentEventType } from '../../generated/prisma/enums.ts';

/**
 * The events a tenant's webhook endpoints can receive, and the appointment-history entries they
 * come from. Payments are in the history too (PAID and REFUNDED are written with their ledger
 * rows, in one transaction), so one cursor over the history serves both.
 */
export const WEBHOOK_EVENT_TYPES = [
  'appointment.created',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.completed',
  'appointment.no_show',
  'payment.succeeded',
  'payment.refunded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const FROM_HISTORY: Partial<Record<AppointmentEventType, WebhookEventType>> = {
  CREATED: 'appointment.created',
  CONFIRMED: 'appointment.confirmed',
  RESCHEDULED: 'appointment.rescheduled',
  CANCELLED: 'appointment.cancelled',
  COMPLETED: 'appointment.completed',
  NO_SHOW: 'appointment.no_show',
  PAID: 'payment.succeeded',
  REFUNDED: 'payment.refunded',
};

/** The webhook event a history entry makes, or null (holds, reminders resent, failed payments…). */
export function webhookEventTypeOf(type: AppointmentEventType): WebhookEventType | null {
  return FROM_HISTORY[type] ?? null;
}

/**
 * A history entry's event id: the same each time it is read or redelivered, so a receiver drops
 * repeats by id; unique across tenants (a hash of the tenant and its sequence number).
 */
export function webhookEventId(tenantId: string, seq: string): string {
  return `evt_${createHash('sha256').update(`${tenantId}:${seq}`).digest('hex').slice(0, 24)}`;
}

/** What an endpoint receives, as JSON. */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  /** When the change happened (ISO 8601, UTC). */
  created: string;
  tenant: string;
  data: Record<string, unknown>;
}
