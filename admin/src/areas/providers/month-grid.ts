import { addDays, weekStart } from '../../dates/zoned-time.ts';

/** A month calendar's days, Monday first, and what to write for a date override. */

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  /** false for the days of the weeks before and after that fill the first and last rows. */
  inMonth: boolean;
}

/** "2027-02-14" → "2027-02". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first and last date of a month ("2027-02" → 2027-02-01 … 2027-02-28). */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const to = addDays(`${shiftMonth(month, 1)}-01`, -1);
  return { from, to };
}

/** "2027-12" + 1 → "2028-01". */
export function shiftMonth(month: string, by: number): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole weeks (Monday to Sunday) covering the month. */
export function monthWeeks(month: string): CalendarDay[][] {
  const { from, to } = monthRange(month);
  const weeks: CalendarDay[][] = [];
  for (let start = weekStart(from); start <= to; start = addDays(start, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, index) => {
        const date = addDays(start, index);
        return { date, inMonth: monthOf(date) === month };
      }),
    );
  }
  return weeks;
}

export interface OverrideLike {
  closed: boolean;
  startTime: string | null;
  endTime: string | null;
}

/** "Closed" or "10:00–14:00": an override in a few characters. */
export function overrideLabel(override: OverrideLike): string {
  return override.closed || !override.startTime || !override.endTime
    ? 'Closed'
    : `${override.startTime}–${override.endTime}`;
}

export interface OverrideDraft {
  date: string;
  closed: boolean;
  startTime: string;
  endTime: string;
}

/** What is wrong with an override before it is sent, per field ('' when nothing). */
export function overrideProblems(draft: OverrideDraft): Partial<Record<keyof OverrideDraft, string>> {
  const problems: Partial<Record<keyof OverrideDraft, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'Choose a date.';
  if (!draft.closed) {
    if (!draft.startTime) problems.startTime = 'Give the opening time.';
    if (!draft.endTime) problems.endTime = 'Give the closing time.';
    if (draft.startTime && draft.endTime && draft.endTime <= draft.startTime)
      problems.endTime = 'The closing time must be after the opening time.';
  }
  return problems;
}
