/**
 * The period a report covers, read from and written to the address (`#/reports/<tab>?startDate=…
 * &endDate=…&interval=…&basis=…`), and the presets of the range picker. Dates are YYYY-MM-DD in the
 * business's zone; `todayDate` is today there (zoned-time.ts `today(zone)`), passed in so this stays
 * pure.
 */
import { addDays } from '../../dates/zoned-time.ts';

export type ReportInterval = 'day' | 'week' | 'month';
export type RevenueBasis = 'cash' | 'service';

export interface ReportRange {
  startDate: string;
  endDate: string;
}

export interface ReportQuery extends ReportRange {
  interval: ReportInterval;
  basis: RevenueBasis;
}

export const PRESETS = [
  { id: 'this-month', label: 'This month' },
  { id: 'last-month', label: 'Last month' },
  { id: 'last-30-days', label: 'Last 30 days' },
  { id: 'this-year', label: 'This year' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/** The API's limits (api/src/domain/reports/revenue-period.ts, domain/ledger/period.ts). */
export const MAX_REPORT_DAYS = 366;
/** Daily revenue buckets, and the ledger, appointment and QuickBooks exports: a quarter at most. */
export const MAX_DAILY_DAYS = 93;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The days of a preset, ending today at the latest (this month runs from the 1st to today's month end). */
export function presetRange(preset: PresetId, todayDate: string): ReportRange {
  const [year, month] = todayDate.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'this-month':
      return { startDate: monthStart(year, month), endDate: monthEnd(year, month) };
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { startDate: monthStart(y, m), endDate: monthEnd(y, m) };
    }
    case 'last-30-days':
      return { startDate: addDays(todayDate, -29), endDate: todayDate };
    case 'this-year':
      return { startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  }
}

/** The preset a range is, if any (to mark its button as pressed). */
export function presetOf(range: ReportRange, todayDate: string): PresetId | undefined {
  return PRESETS.find(({ id }) => {
    const preset = presetRange(id, todayDate);
    return preset.startDate === range.startDate && preset.endDate === range.endDate;
  })?.id;
}

/** Days from start to end, both counted. */
export function daysIn(range: ReportRange): number {
  return (
    Math.round(
      (Date.parse(`${range.endDate}T00:00:00Z`) - Date.parse(`${range.startDate}T00:00:00Z`)) / 86_400_000,
    ) + 1
  );
}

/** Why the API would refuse this range, in words for the picker; null when it is fine. */
export function rangeProblem(range: ReportRange): string | null {
  if (!isDate(range.startDate) || !isDate(range.endDate)) return 'Enter both dates.';
  if (range.endDate < range.startDate) return 'The end date is before the start date.';
  if (daysIn(range) > MAX_REPORT_DAYS) return `A report covers at most ${MAX_REPORT_DAYS} days.`;
  return null;
}

/** The intervals the API accepts for a range (daily buckets for a quarter at most). */
export function intervalsFor(range: ReportRange): ReportInterval[] {
  return daysIn(range) <= MAX_DAILY_DAYS ? ['day', 'week', 'month'] : ['week', 'month'];
}

/** A readable number of buckets: days up to a month, weeks up to a quarter, months beyond. */
export function defaultInterval(range: ReportRange): ReportInterval {
  const days = daysIn(range);
  if (days <= 31) return 'day';
  if (days <= MAX_DAILY_DAYS) return 'week';
  return 'month';
}

/** Whether the ledger, appointments and QuickBooks files can be made for this range. */
export function exportsAllowed(range: ReportRange): boolean {
  return daysIn(range) <= MAX_DAILY_DAYS;
}

/**
 * The report query of the address: this month when the dates are missing or refused, the
 * default interval when none is given or the range does not allow it, cash basis by default.
 */
export function readReportQuery(params: URLSearchParams, todayDate: string): ReportQuery {
  const given = { startDate: params.get('startDate') ?? '', endDate: params.get('endDate') ?? '' };
  const range = rangeProblem(given) === null ? given : presetRange('this-month', todayDate);
  const interval = params.get('interval') as ReportInterval | null;
  const basis = params.get('basis');
  return {
    ...range,
    interval: interval && intervalsFor(range).includes(interval) ? interval : defaultInterval(range),
    basis: basis === 'service' ? 'service' : 'cash',
  };
}

/** The address's query of a report query (for hrefFor). */
export function queryParams(query: ReportQuery): Record<string, string> {
  return { startDate: query.startDate, endDate: query.endDate, interval: query.interval, basis: query.basis };
}

function isDate(text: string): boolean {
  return (
    DATE.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
  );
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}
