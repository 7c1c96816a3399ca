import { intersectIntervals, type Interval } from './intervals.ts';
import { openIntervals, type Schedule } from './schedule.ts';
import { DAY, MINUTE } from '../time-units.ts';

/**
 * The slot engine: which start times of a service can be booked, and with
 * whom. Pure: everything, the clock included, comes in as data.
 *
 * A start time t is offered by provider p when all of these hold:
 *  1. p is open for the whole occupied range [t − bufferBefore, t + duration +
 *     bufferAfter): inside one of p's open intervals, intersected with the
 *     service's own hours when it has any;
 *  2. t lies on the slot grid of that open interval: its start plus a whole
 *     number of slotIntervalMinutes (a window 09:05–12:00 with a 60-minute grid
 *     offers 09:05, 10:05; not 10:00);
 *  3. now + minimumNotice ≤ t < now + bookingWindowDays, and from ≤ t < to;
 *  4. the occupied range overlaps no busy time of p (appointments and live holds
 *     with their own buffers, external busy blocks), except the seats of the
 *     same class session;
 *  5. for classes (capacity > 1), seats remain in p's session at t;
 *  6. when the service needs a resource, one of its resources is free for the
 *     occupied range (again except the same session).
 * Slots at the same instant are merged: `providerIds` lists who can take it
 * and `seatsLeft` is the most seats any one of them has left.
 */

export interface Busy extends Interval {
  /** Appointments of one class session share a key; everything else has its own. */
  sessionKey: string;
  seats: number;
}

export interface SlotService {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  capacity: number;
  /** True when a booking needs one of `resources`. */
  needsResource: boolean;
}

export interface SlotProvider {
  id: string;
  schedule: Schedule;
  busy: readonly Busy[];
}

export interface SlotQuery {
  service: SlotService;
  /** The service's own hours; null when it has none (providers' hours alone apply). */
  serviceSchedule: Schedule | null;
  providers: readonly SlotProvider[];
  resources: ReadonlyArray<{ id: string; busy: readonly Busy[] }>;
  now: number;
  /** Offered starts t satisfy from ≤ t < to. */
  from: number;
  to: number;
}

export interface Slot {
  start: number;
  end: number;
  providerIds: string[];
  seatsLeft: number;
}

/** The session key new bookings of a class at `start` with `providerId` get. */
export function classSessionKey(serviceId: string, providerId: string, start: number): string {
  return `${serviceId}:${providerId}:${new Date(start).toISOString()}`;
}

export function generateSlots(query: SlotQuery): Slot[] {
  const { service } = query;
  if (service.needsResource && query.resources.length === 0) return [];
  const before = service.bufferBeforeMinutes * MINUTE;
  const duration = service.durationMinutes * MINUTE;
  const after = service.bufferAfterMinutes * MINUTE;
  const step = service.slotIntervalMinutes * MINUTE;
  const earliest = Math.max(query.from, query.now + service.minimumNoticeMinutes * MINUTE);
  const latest = Math.min(query.to, query.now + service.bookingWindowDays * DAY);
  if (earliest >= latest) return [];

  // Open intervals are computed with margins so that buffers at the edges are seen.
  const span = { from: earliest - before, to: latest + duration + after };
  const serviceOpen = query.serviceSchedule && openIntervals(query.serviceSchedule, span.from, span.to);
  const resources = query.resources.map((resource) => new BusyIndex(resource.busy));

  const byStart = new Map<number, Slot>();
  for (const provider of query.providers) {
    const providerOpen = openIntervals(provider.schedule, span.from, span.to);
    const open = serviceOpen ? intersectIntervals(providerOpen, serviceOpen) : providerOpen;
    const busy = new BusyIndex(provider.busy);

    for (const window of open) {
      // First grid point whose occupied range starts inside the window and whose start is not too early.
      let t = window.start + Math.ceil(Math.max(0, before) / step) * step;
      if (t < earliest) t += Math.ceil((earliest - t) / step) * step;
      for (; t < latest && t + duration + after <= window.end; t += step) {
        const occupied = { start: t - before, end: t + duration + after };
        const session = service.capacity > 1 ? classSessionKey(service.id, provider.id, t) : null;
        if (busy.conflicts(occupied, session)) continue;
        const seatsLeft = service.capacity - (session ? busy.seatsIn(occupied, session) : 0);
        if (seatsLeft <= 0) continue;
        if (service.needsResource && !resources.some((resource) => !resource.conflicts(occupied, session)))
          continue;

        const slot = byStart.get(t);
        if (slot) {
          slot.providerIds.push(provider.id);
          slot.seatsLeft = Math.max(slot.seatsLeft, seatsLeft);
        } else {
          byStart.set(t, { start: t, end: t + duration, providerIds: [provider.id], seatsLeft });
        }
      }
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.start - b.start)
    .map((slot) => ({ ...slot, providerIds: slot.providerIds.sort() }));
}

/** The first resource of `resources` free for `occupied` (or already used by `session`), if any. */
export function freeResource(
  resources: ReadonlyArray<{ id: string; busy: readonly Busy[] }>,
  occupied: Interval,
  session: string | null,
): string | undefined {
  return resources.find((resource) => !new BusyIndex(resource.busy).conflicts(occupied, session))?.id;
}

/**
 * Busy intervals sorted by start, with a running maximum of their ends, so
 * "does anything overlap [s, e)?" is a binary search rather than a scan.
 */
class BusyIndex {
  private readonly sorted: Busy[];
  private readonly maxEnd: number[];

  constructor(busy: readonly Busy[]) {
    this.sorted = [...busy].sort((a, b) => a.start - b.start);
    let max = -Infinity;
    this.maxEnd = this.sorted.map((b) => (max = Math.max(max, b.end)));
  }

  /** True when a busy interval of another session overlaps `range`. */
  conflicts(range: Interval, session: string | null): boolean {
    const count = this.countStartingBefore(range.end);
    if (count === 0 || this.maxEnd[count - 1]! <= range.start) return false;
    if (session === null) return true;
    for (let i = count - 1; i >= 0; i--) {
      if (this.maxEnd[i]! <= range.start) break;
      const b = this.sorted[i]!;
      if (b.end > range.start && b.sessionKey !== session) return true;
    }
    return false;
  }

  /** Seats already taken in `session`. */
  seatsIn(range: Interval, session: string): number {
    let seats = 0;
    for (let i = this.countStartingBefore(range.end) - 1; i >= 0; i--) {
      if (this.maxEnd[i]! <= range.start) break;
      const b = this.sorted[i]!;
      if (b.sessionKey === session) seats += b.seats;
    }
    return seats;
  }

  /** How many intervals start before `instant`. */
  private countStartingBefore(instant: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]!.start < instant) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
