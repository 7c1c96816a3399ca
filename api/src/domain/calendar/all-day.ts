import { DateTime } from 'luxon';

/**
 * Whether a busy time is whole days in a zone: it starts and ends at a local midnight. Calendar
 * sync stores an all-day event that way (external-busy.ts), so a day the clocks change is still
 * one all-day block of 23 or 25 hours.
 */
export function isAllDay(start: Date, end: Date, zone: string): boolean {
  if (end <= start) return false;
  return isMidnight(start, zone) && isMidnight(end, zone);
}

function isMidnight(instant: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0;
}
