import { DateTime } from 'luxon';
import { DAY, MINUTE } from '../../domain/time-units.ts';

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for `zone` around one event, from the IANA rules luxon knows
 * (ical-generator writes TZID= references but leaves the VTIMEZONE to us). It lists the offset
 * changes in the year before and the year after the event, each as a STANDARD or DAYLIGHT
 * observance with the local time it began (in the offset before it), so a calendar needs nothing
 * but this file to place the event. A zone without a change in the year before (Asia/Tokyo, UTC)
 * gets a STANDARD observance from 1970.
 *
 * Worked example, an event on 28 March 2027 at 10:00 in Europe/Berlin: among the observances are
 * DAYLIGHT from 2027-03-28 02:00 (+0100 → +0200) and STANDARD from 2027-10-31 03:00
 * (+0200 → +0100).
 */
export function vtimezone(zone: string, around: Date): string {
  const at = around.getTime();
  const changes = offsetChanges(zone, at - 366 * DAY, at + 366 * DAY);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (!changes.some((change) => change.at <= at)) {
    // No change within a year before the event: the offset it has stood at since (at least) then.
    const offset = DateTime.fromMillis(at - 366 * DAY, { zone }).offset;
    lines.push(...observance('STANDARD', '19700101T000000', offset, offset));
  }
  for (const change of changes) {
    const local = DateTime.fromMillis(change.at, { zone: 'UTC' }).plus({ minutes: change.from });
    const kind = DateTime.fromMillis(change.at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(kind, local.toFormat("yyyyLLdd'T'HHmmss"), change.from, change.to));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/**
 * Whether the wall-clock time of `instant` in `zone` also names another instant: the hour a
 * fall-back night repeats (02:30 on 31 October 2027 in Berlin is 00:30Z and 01:30Z). RFC 5545
 * reads such a TZID time as its first occurrence, but calendars differ (ical.js takes the second),
 * so those times are written in UTC instead.
 */
export function isAmbiguousLocalTime(instant: Date, zone: string): boolean {
  const at = instant.getTime();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const own = offsetAt(at);
  for (const other of new Set([offsetAt(at - DAY / 2), offsetAt(at + DAY / 2)])) {
    if (other === own) continue;
    // The instant with the other offset that shows the same wall-clock time, if the zone has it then.
    if (offsetAt(at + (own - other) * MINUTE) === other) return true;
  }
  return false;
}

interface OffsetChange {
  /** The instant of the change (ms). */
  at: number;
  /** Offsets before and after, in minutes east of UTC. */
  from: number;
  to: number;
}

/** Every offset change of `zone` in [from, to]: a day's step to find one, then halving to the minute. */
function offsetChanges(zone: string, from: number, to: number): OffsetChange[] {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const changes: OffsetChange[] = [];
  // On whole minutes, as the zones' changes are, so the halving lands on the change itself.
  const start = Math.floor(from / MINUTE) * MINUTE;
  for (let day = start; day < to; day += DAY) {
    const next = day + DAY;
    if (offsetAt(day) === offsetAt(next)) continue;
    let low = day;
    let high = next;
    while (high - low > MINUTE) {
      const middle = low + Math.max(1, Math.floor((high - low) / 2 / MINUTE)) * MINUTE;
      if (offsetAt(middle) === offsetAt(low)) low = middle;
      else high = middle;
    }
    changes.push({ at: high, from: offsetAt(low), to: offsetAt(high) });
  }
  return changes;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
}

/** Minutes east of UTC as RFC 5545's "+0100". */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
