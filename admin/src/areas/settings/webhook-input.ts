import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from '@mais/sdk';

/** The webhooks section's pure parts: the events offered, the form's body, how states are named. */

/**
 * Every event an endpoint can ask for (api/src/domain/webhooks/webhook-events.ts), in the API's
 * order, with what the box says. A Record, so a new event in the SDK's types fails the typecheck
 * here until it is offered.
 */
const EVENT_LABELS: Record<WebhookEventType, string> = {
  'appointment.created': 'Appointment booked',
  'appointment.confirmed': 'Appointment confirmed',
  'appointment.rescheduled': 'Appointment rescheduled',
  'appointment.cancelled': 'Appointment cancelled',
  'appointment.completed': 'Appointment completed',
  'appointment.no_show': 'Client did not show up',
  'payment.succeeded': 'Payment received',
  'payment.refunded': 'Payment refunded',
};

export const WEBHOOK_EVENTS = Object.keys(EVENT_LABELS) as WebhookEventType[];

export function eventLabel(event: WebhookEventType): string {
  return EVENT_LABELS[event];
}

export interface NewEndpointBody {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

/**
 * The create request from the form: the URL as typed (trimmed), the ticked events in the API's
 * order (whatever order they were ticked in, each once). Checks what the API would refuse for
 * any server; whether http or a local address is allowed is the server's to say (production
 * wants https and a public address).
 */
export function newEndpointBody(input: {
  url: string;
  events: Iterable<string>;
  description?: string;
}): { body: NewEndpointBody } | { error: string } {
  const url = input.url.trim();
  if (url === '') return { error: 'Enter the address to send events to, such as https://crm.example/hooks.' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: 'That is not a web address: start it with https://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { error: 'Events can only be sent to an https:// (or http://) address.' };
  if (parsed.username || parsed.password) return { error: 'Leave out the user name and password.' };
  const ticked = new Set(input.events);
  const events = WEBHOOK_EVENTS.filter((event) => ticked.has(event));
  if (events.length === 0) return { error: 'Choose at least one event to send.' };
  const description = input.description?.trim();
  return { body: { url, events, ...(description ? { description } : {}) } };
}

/** An endpoint's state as a badge: on, turned off by someone, or turned off by us for failing. */
export function endpointState(endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'>): {
  label: string;
  tone: 'normal' | 'danger';
} {
  if (endpoint.enabled) return { label: 'Enabled', tone: 'normal' };
  if (endpoint.disabledReason === 'failing') return { label: 'Failing: turned off', tone: 'danger' };
  return { label: 'Disabled', tone: 'normal' };
}

/** PENDING → 'Pending', SUCCEEDED → 'Delivered', FAILED → 'Failed'. */
export function deliveryStatusLabel(status: WebhookDelivery['status']): string {
  return status === 'SUCCEEDED' ? 'Delivered' : status === 'FAILED' ? 'Failed' : 'Pending';
}

/** What the receiver last answered: 'HTTP 200', or the error when it never answered, or nothing yet. */
export function deliveryResponse(
  delivery: Pick<WebhookDelivery, 'responseStatus' | 'lastError' | 'attempts'>,
): string {
  if (delivery.responseStatus !== null) return `HTTP ${delivery.responseStatus}`;
  if (delivery.lastError) return delivery.lastError;
  return delivery.attempts === 0 ? 'Not sent yet' : 'No answer';
}

/**
 * The status filter of the deliveries list, from the address (`?status=FAILED`); anything else
 * (or nothing) is every status.
 */
export function deliveryStatusFilter(value: string | null): WebhookDelivery['status'] | undefined {
  return value === 'PENDING' || value === 'SUCCEEDED' || value === 'FAILED' ? value : undefined;
}

/**
 * What to say when a change is refused: the API's words, and for webhooks_not_configured (the
 * server has no ENCRYPTION_KEY, so it cannot keep secrets) that it is the server's setup, not the form.
 */
export function webhookErrorText(code: string | undefined, text: string): string {
  if (code !== 'webhooks_not_configured') return text;
  return `Webhooks are not available on this server yet. ${text} Ask whoever runs the server to set it.`;
}
