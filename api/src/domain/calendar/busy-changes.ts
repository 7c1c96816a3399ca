import type { Interval } from '../availability/intervals.ts';
import { busyIntervalOf, type ExternalEvent } from './external-busy.ts';
import { overlapsWindow } from './sync-window.ts';

export interface BusyChanges {
  /** Blocks to add or move, by Google's event id. */
  put: Array<{ externalId: string; start: Date; end: Date }>;
  /** Event ids whose blocks go: cancelled, no longer busy, or moved out of the window. */
  remove: string[];
}

/**
 * What a listing of a provider's calendar does to their busy blocks. Every event listed is either
 * busy inside the window (put) or not (remove: it may have been busy before). An event listed
 * twice counts as its last listing. `ownBookings`: the provider's appointments among the events'
 * bookingIds (their events are not busy time: see busyIntervalOf).
 */
export function busyChanges(
  events: readonly ExternalEvent[],
  zone: string,
  window: Interval,
  ownBookings: ReadonlySet<string>,
): BusyChanges {
  const latest = new Map<string, ExternalEvent>();
  for (const event of events) if (event.id) latest.set(event.id, event);
  const changes: BusyChanges = { put: [], remove: [] };
  for (const [id, event] of latest) {
    const busy = busyIntervalOf(event, zone, ownBookings);
    if (busy && overlapsWindow(busy, window)) {
      changes.put.push({ externalId: id, start: new Date(busy.start), end: new Date(busy.end) });
    } else {
      changes.remove.push(id);
    }
  }
  return changes;
}
