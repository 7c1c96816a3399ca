import { randomBytes } from 'node:crypto';
import { queueNotifications } from './channels.ts';
import { ApiError, notFound } from './errors.ts';
import { instanceStamp } from './recurrence.ts';
import {
  calendarOf,
  randomEventId,
  type FakeGoogleState,
  type GoogleEvent,
  type StoredEvent,
} from './state.ts';

/**
 * Every change to a calendar, from the API or from the control API (a person editing their
 * calendar): the change counter moves, the event remembers it (incremental listings compare the
 * two), and every open channel on the calendar gets an `exists` notification.
 */

export function insertEvent(state: FakeGoogleState, email: string, input: GoogleEvent): GoogleEvent {
  const calendar = calendarOf(state, email);
  const now = state.now().toISOString();
  const id = input.id ?? randomEventId();
  const resource: GoogleEvent = {
    kind: 'calendar#event',
    status: 'confirmed',
    ...input,
    id,
    etag: etag(),
    created: now,
    updated: now,
    iCalUID: `${id}@google.com`,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${email}`).toString('base64url')}`,
    creator: { email, self: true },
    organizer: { email, self: true },
    sequence: 0,
  };
  const stored: StoredEvent = { resource, changedAt: 0, cancelledInstances: new Set() };
  calendar.events.set(id, stored);
  touch(state, email, stored);
  return resource;
}

/**
 * A patch as Google applies it: the fields sent replace the event's (arrays whole), nested objects
 * are merged one level down (extendedProperties.private keeps keys not sent).
 */
export function patchEvent(
  state: FakeGoogleState,
  email: string,
  id: string,
  patch: GoogleEvent,
): GoogleEvent {
  const stored = calendarOf(state, email).events.get(id);
  if (!stored) throw notFound();
  const current = stored.resource;
  const merged: GoogleEvent = { ...current, ...patch, id: current.id };
  if (patch.extendedProperties) {
    merged.extendedProperties = {
      private: { ...current.extendedProperties?.private, ...patch.extendedProperties.private },
      shared: { ...current.extendedProperties?.shared, ...patch.extendedProperties.shared },
    };
  }
  merged.updated = state.now().toISOString();
  merged.etag = etag();
  merged.sequence = (current.sequence ?? 0) + 1;
  stored.resource = merged;
  touch(state, email, stored);
  return merged;
}

/**
 * Deletes as Google does: the event stays, cancelled (incremental listings report it; inserting
 * its id again is a 409). An instance of a recurring event is cancelled alone. Deleting a deleted
 * event is 410.
 */
export function deleteEvent(state: FakeGoogleState, email: string, id: string): void {
  const calendar = calendarOf(state, email);
  const instance = instanceStamp(id);
  const parent = instance ? calendar.events.get(instance.eventId) : undefined;
  if (instance && parent && !calendar.events.has(id)) {
    if (parent.cancelledInstances.has(instance.stamp)) throw gone();
    parent.cancelledInstances.add(instance.stamp);
    touch(state, email, parent);
    return;
  }
  const stored = calendar.events.get(id);
  if (!stored) throw notFound();
  if (stored.resource.status === 'cancelled') throw gone();
  stored.resource = {
    ...stored.resource,
    status: 'cancelled',
    updated: state.now().toISOString(),
    etag: etag(),
  };
  touch(state, email, stored);
}

function touch(state: FakeGoogleState, email: string, stored: StoredEvent): void {
  const calendar = calendarOf(state, email);
  calendar.changes += 1;
  stored.changedAt = calendar.changes;
  queueNotifications(state, email, 'exists');
}

function gone() {
  return new ApiError(410, 'deleted', 'Resource has been deleted');
}

function etag(): string {
  return `"${BigInt(`0x${randomBytes(8).toString('hex')}`)}"`;
}
