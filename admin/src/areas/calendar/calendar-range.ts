import { addDays, weekStart } from '../../dates/zoned-time.ts';

/** What the calendar shows: one day, or the Monday-to-Sunday week of a date. */
export type CalendarView = 'day' | 'week';

export const CALENDAR_VIEWS: readonly CalendarView[] = ['day', 'week'];

export function parseView(value: string | null): CalendarView | undefined {
  return value === 'day' || value === 'week' ? value : undefined;
}

/** A YYYY-MM-DD that names a real date, else undefined (a hand-edited address). */
export function parseDate(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? undefined : value;
}

/** The dates the view shows around `anchor`, in order. */
export function visibleDays(anchor: string, view: CalendarView): string[] {
  if (view === 'day') return [anchor];
  const monday = weekStart(anchor);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The anchor one view earlier (-1) or later (+1): a day, or a week. */
export function stepAnchor(anchor: string, view: CalendarView, direction: -1 | 1): string {
  return addDays(anchor, direction * (view === 'day' ? 1 : 7));
}
