/**
 * Calendar arithmetic on plain dates "YYYY-MM-DD" and months "YYYY-MM". These are days of the
 * client's calendar, not instants, so the math runs in UTC where every day has 24 hours.
 */

const DAY_MS = 86_400_000;

const pad = (value: number) => String(value).padStart(2, '0');

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** "2026-01" + 1 → "2026-02"; "2026-12" + 1 → "2027-01". */
export function addMonths(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + index - 1 + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

export function daysInMonth(month: string): number {
  return new Date(toUtc(`${addMonths(month, 1)}-01`) - DAY_MS).getUTCDate();
}

/** The same day of the month in another month, clamped: Jan 31 + 1 month → Feb 28. */
export function shiftMonths(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  return `${month}-${pad(Math.min(Number(date.slice(8)), daysInMonth(month)))}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/**
 * The weeks of a month as rows of 7 cells, each a date or null outside the month. `firstDay` is the
 * first column's weekday (0 = Sunday, 1 = Monday).
 */
export function monthWeeks(month: string, firstDay: number): (string | null)[][] {
  const first = `${month}-01`;
  const lead = (weekday(first) - firstDay + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(month); day++) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Noon UTC of a date: a Date that formats as that same day in every zone from UTC−11 to UTC+11. */
export function dateAtNoon(date: string): Date {
  return new Date(toUtc(date) + DAY_MS / 2);
}
