import { DateTime } from 'luxon';
import type { Interval } from '../availability/intervals.ts';

/**
 * Which events of a provider's own calendar make them busy, and when. The adapter turns Google's
 * events into this shape; the sync stores the answer as busy blocks, which the slot engine
 * subtracts like bookings.
 */

/** A timed event's instant, or an all-day event's date ("YYYY-MM-DD", the end date exclusive). */
export type EventTime = { instant: Date } | { date: string };

export interface ExternalEvent {
  id: string;
  /** Deleted, or a cancelled instance of a recurring event. */
  cancelled: boolean;
  /** "Show as available" (Google's transparency: 'transparent'). */
  transparent: boolean;
  /** The calendar's owner was invited and said no. */
  declinedBySelf: boolean;
  /** The appointment id our private property carries: the event of one of our bookings. */
  bookingId: string | null;
  start: EventTime | null;
  end: EventTime | null;
}

/**
 * The time an event holds, or null when it holds none: cancelled, shown as available, declined,
 * one of this provider's own bookings (`ownBookings`: the appointment already holds the time), or
 * without usable times. Another provider's booking in the same calendar (a calendar two providers
 * share, or one person working for two businesses) is busy time like any other event. An all-day
 * event blocks whole days in the provider's zone, from the start date's midnight to the end date's
 * (so a day in which the clocks change is 23 or 25 hours).
 */
export function busyIntervalOf(
  event: ExternalEvent,
  zone: string,
  ownBookings: ReadonlySet<string> = NONE,
): Interval | null {
  if (event.cancelled || event.transparent || event.declinedBySelf) return null;
  if (event.bookingId !== null && ownBookings.has(event.bookingId)) return null;
  if (!event.start || !event.end) return null;
  const start = instantOf(event.start, zone);
  const end = instantOf(event.end, zone);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

const NONE: ReadonlySet<string> = new Set();

function instantOf(time: EventTime, zone: string): number | null {
  if ('instant' in time) {
    const ms = time.instant.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  const midnight = DateTime.fromISO(time.date, { zone });
  return midnight.isValid ? midnight.toMillis() : null;
}
