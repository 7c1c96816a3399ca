import type { AuditLogEntry } from '@mais/sdk';

/**
 * An audit log entry in words. The API records the route's pattern, not the request's body
 * (api/README.md, "Audit log"), so the sentence is made from the method and the pattern:
 * POST /v1/tenant-admin/webhook-endpoints → 'Created a webhook endpoint',
 * POST …/appointments/:id/collect-balance → 'Collect balance (appointment)'.
 */

const PREFIX = '/v1/tenant-admin';

/** Resources whose name does not read well from the path alone. */
const NOUNS: Record<string, string> = {
  'api-keys': 'API key',
  'availability-overrides': 'date override',
  'ics-feed': 'calendar feed link',
  staff: 'staff account',
  tenant: 'business profile',
  'settings/invoicing': 'invoicing settings',
  'webhook-endpoints/deliveries': 'webhook delivery',
};

/** Whole sentences for the few routes the rules below would word badly. */
const SENTENCES: Record<string, string> = {
  'POST clients/:email/notes': 'Added a client note',
  'POST ics-feed': 'Made a new calendar feed link',
  'POST providers/:id/ics-feed': "Made a new link to a provider's calendar feed",
  'POST ledger/reconcile': 'Reconciled the ledger',
  'POST appointments': 'Booked an appointment',
  'PUT settings/stripe': 'Connected Stripe',
  'DELETE settings/stripe': 'Disconnected Stripe',
  'POST quickbooks/connect': 'Connected QuickBooks',
  'POST quickbooks/sync': 'Synced with QuickBooks',
  'DELETE quickbooks': 'Disconnected QuickBooks',
  'POST providers/:id/calendar/google': "Connected a provider's Google Calendar",
  'DELETE providers/:id/calendar/google': "Disconnected a provider's Google Calendar",
};

/** '/v1/tenant-admin/services/:id' → 'services/:id'. */
export function shortRoute(route: string): string {
  const path = route.startsWith(PREFIX) ? route.slice(PREFIX.length) : route;
  return path.replace(/^\/+|\/+$/g, '');
}

/** 'webhook-endpoints' → 'webhook endpoint', 'deliveries' → 'delivery', 'api-keys' → 'API key'. */
export function nounOf(path: string): string {
  const known = NOUNS[path];
  if (known) return known;
  const last = path.split('/').at(-1) ?? path;
  const words = last.replaceAll('-', ' ');
  if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
  if (words.endsWith('s') && !words.endsWith('ss')) return words.slice(0, -1);
  return words;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isParam = (segment: string) => segment.startsWith(':');

/** What an entry did, as a sentence (see the examples at the top). */
export function auditAction(entry: Pick<AuditLogEntry, 'method' | 'route'>): string {
  const method = entry.method.toUpperCase();
  const route = shortRoute(entry.route);
  const sentence = SENTENCES[`${method} ${route}`];
  if (sentence) return sentence;
  const segments = route.split('/').filter((segment) => segment !== '');
  const lastParam = segments.findLastIndex(isParam);
  // No :id: the collection itself (POST /services) or a single thing (PATCH /tenant, PUT /cancellation-policy).
  if (lastParam === -1) {
    const noun = nounOf(route);
    return method === 'POST' ? `Created ${article(noun)}` : `${verbOf(method)} the ${noun}`;
  }
  const owner = nounOf(segments.slice(0, lastParam).join('/'));
  const rest = segments.slice(lastParam + 1);
  // …/:id itself: the thing changed or deleted.
  if (rest.length === 0) return `${verbOf(method)} ${article(owner)}`;
  // …/:id/<something>: an action on it (POST), or a part of it set or removed.
  const part = rest.join(' ').replaceAll('-', ' ');
  if (method === 'POST') return `${capitalize(part)} (${owner})`;
  return `${verbOf(method)} the ${part} of ${article(owner)}`;
}

function verbOf(method: string): string {
  switch (method) {
    case 'POST':
      return 'Created';
    case 'PUT':
      return 'Set';
    case 'PATCH':
      return 'Changed';
    case 'DELETE':
      return 'Deleted';
    default:
      return method;
  }
}

/** Who made it: the staff member's email, or 'Key sk_live_demo_ab…' (the display prefix, never the key). */
export function auditActor(actor: Pick<AuditLogEntry['actor'], 'kind' | 'label'>): string {
  return actor.kind === 'staff' ? actor.label : `Key ${actor.label}…`;
}

/** The id of the key or account that acted, for `?actorId=`. */
export function auditActorId(actor: AuditLogEntry['actor']): string | null {
  return actor.kind === 'staff' ? actor.staffAccountId : actor.apiKeyId;
}
