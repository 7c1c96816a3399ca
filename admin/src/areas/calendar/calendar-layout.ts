import { addDays, minutesIntoDay, zonedToUtc } from '../../dates/zoned-time.ts';

/**
 * Where things sit on the calendar: each item cut into one segment per day it touches, at its
 * wall-clock minutes in the business's zone (so 09:00 is at 09:00 on a day the clocks change), and
 * items that overlap in a day put side by side in columns. Pure, one pass per day, no DOM: the grid
 * turns segments into percentages for CSS.
 */

export interface TimedItem {
  id: string;
  start: Date;
  end: Date;
  /** Whole days (an all-day event): drawn in the day's "all day" row, not in the hours. */
  allDay?: boolean;
}

export interface Segment<T extends TimedItem> {
  item: T;
  dayIndex: number;
  /** Minutes after the day's midnight (wall clock), 0–1440. */
  top: number;
  bottom: number;
  /** Its column among the items it overlaps, and how many columns they need. */
  column: number;
  columns: number;
  /** It began on an earlier day / goes on into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface DayLayout<T extends TimedItem> {
  date: string;
  timed: Segment<T>[];
  allDay: T[];
}

const DAY_MINUTES = 24 * 60;

/** Lays out `items` over `days` (consecutive YYYY-MM-DD) in `zone`. */
export function layoutDays<T extends TimedItem>(
  items: readonly T[],
  days: readonly string[],
  zone: string,
): DayLayout<T>[] {
  const bounds = days.map((date) => ({
    start: zonedToUtc(date, 0, zone).getTime(),
    end: zonedToUtc(addDays(date, 1), 0, zone).getTime(),
  }));
  const layouts: DayLayout<T>[] = days.map((date) => ({ date, timed: [], allDay: [] }));
  for (const item of items) {
    const start = item.start.getTime();
    const end = item.end.getTime();
    for (let dayIndex = 0; dayIndex < bounds.length; dayIndex += 1) {
      const day = bounds[dayIndex]!;
      if (start >= day.end || end <= day.start) continue;
      if (item.allDay) {
        layouts[dayIndex]!.allDay.push(item);
        continue;
      }
      const continuesBefore = start < day.start;
      const continuesAfter = end > day.end;
      const top = continuesBefore ? 0 : minutesIntoDay(item.start, zone);
      // Ending at the next midnight is the bottom of this day, not minute 0.
      let bottom = continuesAfter || end === day.end ? DAY_MINUTES : minutesIntoDay(item.end, zone);
      // The hour that repeats when clocks fall back can end an item "before" it starts on the wall:
      // it then keeps its real length.
      if (!continuesAfter && bottom <= top && end > start) {
        bottom = Math.min(DAY_MINUTES, top + Math.round((end - Math.max(start, day.start)) / 60_000));
      }
      layouts[dayIndex]!.timed.push({
        item,
        dayIndex,
        top,
        bottom,
        column: 0,
        columns: 1,
        continuesBefore,
        continuesAfter,
      });
    }
  }
  for (const layout of layouts) packColumns(layout.timed);
  return layouts;
}

/**
 * Columns for overlapping segments (mutates them): a group of segments that overlap one another,
 * directly or through others, shares one column count; each takes the first column free at its
 * start. Back-to-back segments (one ends as the next starts) do not overlap.
 */
export function packColumns<T extends TimedItem>(segments: Segment<T>[]): void {
  segments.sort((a, b) => a.top - b.top || b.bottom - a.bottom || compare(a.item.id, b.item.id));
  let group: Segment<T>[] = [];
  let columnEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const segment of group) segment.columns = columnEnds.length;
    group = [];
    columnEnds = [];
  };
  for (const segment of segments) {
    if (segment.top >= groupEnd) close();
    let column = columnEnds.findIndex((columnEnd) => columnEnd <= segment.top);
    if (column === -1) column = columnEnds.push(segment.bottom) - 1;
    else columnEnds[column] = segment.bottom;
    segment.column = column;
    group.push(segment);
    groupEnd = Math.max(groupEnd, segment.bottom);
  }
  close();
}

/** The hours the grid shows: the default working day, widened to whole hours around every item. */
export function visibleMinutes(
  layouts: readonly DayLayout<TimedItem>[],
  fallback: { start: number; end: number } = { start: 7 * 60, end: 20 * 60 },
): { start: number; end: number } {
  let start = fallback.start;
  let end = fallback.end;
  for (const layout of layouts) {
    for (const segment of layout.timed) {
      start = Math.min(start, Math.floor(segment.top / 60) * 60);
      end = Math.max(end, Math.ceil(segment.bottom / 60) * 60);
    }
  }
  return { start, end };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
