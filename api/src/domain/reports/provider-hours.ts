import { intersectIntervals, mergeIntervals, type Interval } from '../availability/intervals.ts';
import { openIntervals, type Schedule } from '../availability/schedule.ts';

/**
 * The time a provider could be booked in [from, to): the open hours of their schedules (weekly
 * rules and date overrides, each in its own zone, DST-correct through the slot engine's
 * openIntervals) merged, cut to the period, less their busy blocks (Google or manual). A provider
 * who works several schedules (their own hours, or the hours of each service they perform) is
 * available when any of them is open. Milliseconds.
 *
 * Worked example, Europe/Berlin, 28 March 2027 (a 23-hour day): a rule Sunday 09:00–17:00 is
 * 07:00Z–15:00Z, 8 hours, as on any other Sunday.
 */
export function availableMilliseconds(
  schedules: readonly Schedule[],
  busy: readonly Interval[],
  from: number,
  to: number,
): number {
  const open = intersectIntervals(
    mergeIntervals(schedules.flatMap((schedule) => openIntervals(schedule, from, to))),
    [{ start: from, end: to }],
  );
  return total(open) - total(intersectIntervals(open, mergeIntervals(busy)));
}

function total(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, interval) => sum + (interval.end - interval.start), 0);
}
