import { mergeIntervals, type Interval } from './intervals.ts';
import { zoneOffsetMinutes } from './zone-offset.ts';
import { DAY, MINUTE } from '../time-units.ts';

/**
 * Weekly rules and date overrides are wall-clock times in a zone; this module
 * turns them into real intervals. Worked example, America/New_York, a rule
 * Sunday 01:00–04:00:
 *   - 2026-03-08 (spring forward, 02:00 → 03:00): 06:00Z–08:00Z, two real hours;
 *   - 2026-11-01 (fall back, 02:00 → 01:00): 05:00Z–09:00Z, four real hours,
 *     in which the wall time 01:30 happens twice.
 * A wall time inside a spring-forward gap is moved forward by the gap, as the
 * clocks are (02:30 → 03:30).
 */

export interface WeeklyRule {
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  /** "HH:MM"; endTime may be "24:00". */
  startTime: string;
  endTime: string;
  /** Inclusive local dates "YYYY-MM-DD", or null for open-ended. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface DateOverride {
  /** Local date "YYYY-MM-DD" whose weekly hours this replaces. */
  date: string;
  closed: boolean;
  startTime: string | null;
  endTime: string | null;
}

export interface Schedule {
  zone: string;
  rules: readonly WeeklyRule[];
  overrides: readonly DateOverride[];
}

/** How many days before the range a window open through midnight is followed back to where it began. */
const LOOKBACK_DAYS = 31;

/** A calendar date of the schedule's zone, as a day number (days since 1970-01-01). */
type CivilDay = number;

/**
 * The schedule's open intervals that touch [from, to), merged. A window's real
 * start anchors the slot grid, so a window open through the first walked
 * midnight is followed back up to LOOKBACK_DAYS days; only a schedule open
 * around the clock for longer has its start cut there.
 */
export function openIntervals(schedule: Schedule, from: number, to: number): Interval[] {
  const overrides = new Map(schedule.overrides.map((override) => [override.date, override]));
  const rulesByDay = new Map<number, WeeklyRule[]>();
  for (const rule of schedule.rules) {
    rulesByDay.set(rule.dayOfWeek, [...(rulesByDay.get(rule.dayOfWeek) ?? []), rule]);
  }

  const dayIntervals = (day: CivilDay): Interval[] => {
    const date = isoDate(day);
    const override = overrides.get(date);
    if (override) {
      return !override.closed && override.startTime && override.endTime
        ? [wallInterval(day, override.startTime, override.endTime, schedule.zone)]
        : [];
    }
    // 1970-01-01 was a Thursday (4).
    return (rulesByDay.get((((day + 4) % 7) + 7) % 7) ?? [])
      .filter((rule) => rule.effectiveFrom === null || date >= rule.effectiveFrom)
      .filter((rule) => rule.effectiveTo === null || date <= rule.effectiveTo)
      .map((rule) => wallInterval(day, rule.startTime, rule.endTime, schedule.zone));
  };

  const intervals: Interval[] = [];
  // A day's hours can start up to 14 hours before its UTC midnight or end up to
  // a day after it, so walk one extra local day on each side.
  let firstDay = localDay(from, schedule.zone) - 1;
  const lastDay = localDay(to, schedule.zone) + 1;
  for (let day = firstDay; day <= lastDay; day++) intervals.push(...dayIntervals(day));
  let merged = mergeIntervals(intervals);
  for (let days = 0; days < LOOKBACK_DAYS && opensAtStartOf(firstDay, merged, schedule.zone, from); days++) {
    firstDay -= 1;
    merged = mergeIntervals([...dayIntervals(firstDay), ...merged]);
  }
  return merged.filter((interval) => interval.end > from && interval.start < to);
}

/** True when the first window opens at `day`'s midnight and reaches `from`: it may have begun the day before. */
function opensAtStartOf(day: CivilDay, merged: readonly Interval[], zone: string, from: number): boolean {
  const first = merged[0];
  return first !== undefined && first.start === wallInstant(day, '00:00', zone) && first.end > from;
}

function wallInterval(day: CivilDay, startTime: string, endTime: string, zone: string): Interval {
  return { start: wallInstant(day, startTime, zone), end: wallInstant(day, endTime, zone) };
}

/** The zone's calendar date at `instant`. */
function localDay(instant: number, zone: string): CivilDay {
  return Math.floor((instant + zoneOffsetMinutes(zone, instant) * MINUTE) / DAY);
}

function isoDate(day: CivilDay): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * The instant a wall time of `day` happens; "24:00" is the next day's midnight.
 * A wall time that happens twice (fall back) is its first occurrence; one that
 * does not happen (spring forward) is moved forward by the gap. luxon's own
 * choice between two occurrences follows the offset in force on the current
 * date, which would make the result depend on the season it runs in.
 */
function wallInstant(day: CivilDay, wallTime: string, zone: string): number {
  const [hour, minute] = wallTime.split(':').map(Number) as [number, number];
  // The wall time read as if it were UTC; the instant is that minus the offset then in force.
  const wall = day * DAY + (hour * 60 + minute) * MINUTE;
  const offsetBefore = zoneOffsetMinutes(zone, wall - DAY);
  const offsetAfter = zoneOffsetMinutes(zone, wall + DAY);
  const candidates = [wall - offsetBefore * MINUTE, wall - offsetAfter * MINUTE].filter(
    (instant) => wall - zoneOffsetMinutes(zone, instant) * MINUTE === instant,
  );
  return candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore * MINUTE;
}
