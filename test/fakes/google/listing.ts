import { ApiError, invalid } from './errors.ts';
import { instancesOf, isRecurring } from './recurrence.ts';
import {
  calendarOf,
  randomToken,
  type FakeGoogleState,
  type GoogleEvent,
  type StoredEvent,
} from './state.ts';

/**
 * events.list (https://developers.google.com/calendar/api/v3/reference/events/list and the sync
 * guide, https://developers.google.com/calendar/api/guides/sync):
 *  - without a sync token: the events overlapping timeMin–timeMax, cancelled ones only with
 *    showDeleted; the last page carries nextSyncToken;
 *  - with one: what changed since it was issued, deleted events always included (showDeleted=false
 *    and timeMin/timeMax are refused with it); a token from before invalidateSyncTokens() is 410;
 *  - singleEvents expands recurring events into their instances;
 *  - pages of maxResults (default 250) linked by nextPageToken.
 */

const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;

export interface EventsPage {
  kind: 'calendar#events';
  summary: string;
  timeZone: string;
  updated: string;
  items: GoogleEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

export function listEvents(state: FakeGoogleState, email: string, query: URLSearchParams): EventsPage {
  const calendar = calendarOf(state, email);
  const pageToken = query.get('pageToken');
  const size = Math.min(Number(query.get('maxResults') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE);
  if (pageToken) {
    const pending = state.pages.get(pageToken);
    if (!pending || pending.calendar !== email) throw invalid('Invalid page token value.');
    state.pages.delete(pageToken);
    return page(state, email, pending.items, size, pending.nextSyncToken);
  }

  const syncToken = query.get('syncToken');
  const single = query.get('singleEvents') === 'true';
  let items: GoogleEvent[];
  if (syncToken) {
    for (const name of ['timeMin', 'timeMax', 'updatedMin', 'q', 'orderBy', 'iCalUID']) {
      if (query.has(name)) throw invalid(`Sync token cannot be used with ${name}.`);
    }
    if (query.get('showDeleted') === 'false') throw invalid('showDeleted cannot be false with a sync token.');
    const point = state.syncTokens.get(syncToken);
    if (!point || point.calendar !== email) throw invalid('Invalid sync token value.');
    if (point.generation < calendar.tokenGeneration) {
      throw new ApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
    }
    items = [...calendar.events.values()]
      .filter((stored) => stored.changedAt > point.changes)
      .flatMap((stored) => expanded(stored, single, {}))
      .map((event) => (event.status === 'cancelled' ? deletedShape(event) : event));
  } else {
    const from = query.has('timeMin') ? instant(query.get('timeMin')!, 'timeMin') : undefined;
    const to = query.has('timeMax') ? instant(query.get('timeMax')!, 'timeMax') : undefined;
    const showDeleted = query.get('showDeleted') === 'true';
    items = [...calendar.events.values()]
      .flatMap((stored) => expanded(stored, single, { from, to }))
      .filter((event) => showDeleted || event.status !== 'cancelled')
      .filter((event) => overlaps(event, from, to));
    items.sort((a, b) => startOf(a) - startOf(b));
  }
  const nextSyncToken = randomToken('sync_');
  state.syncTokens.set(nextSyncToken, {
    calendar: email,
    changes: calendar.changes,
    generation: calendar.tokenGeneration,
  });
  return page(state, email, items, size, nextSyncToken);
}

function page(
  state: FakeGoogleState,
  email: string,
  items: GoogleEvent[],
  size: number,
  syncToken: string,
): EventsPage {
  const head: EventsPage = {
    kind: 'calendar#events',
    summary: email,
    timeZone: 'UTC',
    updated: state.now().toISOString(),
    items: items.slice(0, size),
  };
  if (items.length > size) {
    const nextPageToken = randomToken('page_');
    state.pages.set(nextPageToken, { calendar: email, items: items.slice(size), nextSyncToken: syncToken });
    return { ...head, nextPageToken };
  }
  return { ...head, nextSyncToken: syncToken };
}

function expanded(
  stored: StoredEvent,
  single: boolean,
  bounds: { from?: number; to?: number },
): GoogleEvent[] {
  if (!single || !isRecurring(stored.resource)) return [stored.resource];
  return instancesOf(stored, bounds);
}

/** A deleted event in an incremental listing carries little more than its id and status. */
function deletedShape(event: GoogleEvent): GoogleEvent {
  return {
    kind: 'calendar#event',
    id: event.id,
    status: 'cancelled',
    ...(event.recurringEventId
      ? { recurringEventId: event.recurringEventId, originalStartTime: event.originalStartTime }
      : {}),
  };
}

function overlaps(event: GoogleEvent, from: number | undefined, to: number | undefined): boolean {
  if (isRecurring(event)) return true; // a series without singleEvents: listed whole
  return (from === undefined || endOf(event) > from) && (to === undefined || startOf(event) < to);
}

function startOf(event: GoogleEvent): number {
  return Date.parse(event.start?.dateTime ?? `${event.start?.date}T00:00:00Z`);
}

function endOf(event: GoogleEvent): number {
  return Date.parse(event.end?.dateTime ?? `${event.end?.date}T00:00:00Z`);
}

function instant(text: string, name: string): number {
  // Google requires an offset (RFC 3339): "2027-03-03T10:00:00Z" or "…+01:00".
  if (!/(Z|[+-]\d{2}:\d{2})$/i.test(text) || Number.isNaN(Date.parse(text)))
    throw invalid(`Bad Request: ${name}`);
  return Date.parse(text);
}
