import { DateTime } from 'luxon';
import { ValidationError } from '../errors.ts';

export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Which instant puts a ledger row in a bucket: when its money moved, or when its appointment starts. */
export const REVENUE_BASES = ['cash', 'service'] as const;
export type RevenueBasis = (typeof REVENUE_BASES)[number];

/** A report covers at most a year (a leap year's days), so a year-on-year view fits in one request. */
export const MAX_REPORT_DAYS = 366;
/** Daily buckets for at most a quarter (as the ledger listing, domain/ledger/period.ts): 93 rows per currency. */
export const MAX_DAILY_REPORT_DAYS = 93;

const STEP = { day: { days: 1 }, week: { weeks: 1 }, month: { months: 1 } } as const;

export interface ReportPeriod {
  /** The instants [from, to): the first day's local midnight to the midnight after the last. */
  from: Date;
  to: Date;
  /** Every bucket's first day ("YYYY-MM-DD"), in order, whether or not money moved in it. */
  bucketStarts: string[];
  /**
   * The instant each bucket begins (its first day's local midnight; the first one `from`), in
   * order: PostgreSQL's width_bucket() over these puts a row in its bucket with one binary search,
   * instead of converting every row's time to the zone.
   */
  bucketBounds: Date[];
}

/**
 * The days startDate…endDate (inclusive) of `zone`, as instants and as buckets of `interval`.
 * A bucket is named by its calendar start, as PostgreSQL's date_trunc names it: the day, the
 * Monday of its ISO week, the 1st of its month. The first and last buckets may be partial: a
 * report from Wednesday 10 March has a month bucket "2027-03-01" holding 10–31 March only.
 * Throws ValidationError for an empty or too long range.
 */
export function reportPeriod(
  query: { startDate: string; endDate: string; interval: ReportInterval },
  zone: string,
): ReportPeriod {
  // Calendar arithmetic in UTC (no daylight saving), so a DST change never shifts a count.
  const first = DateTime.fromISO(query.startDate, { zone: 'utc' });
  const last = DateTime.fromISO(query.endDate, { zone: 'utc' });
  const days = last.diff(first, 'days').days + 1;
  const max = query.interval === 'day' ? MAX_DAILY_REPORT_DAYS : MAX_REPORT_DAYS;
  if (!(days >= 1 && days <= max)) {
    throw new ValidationError(
      `A ${query.interval === 'day' ? 'daily ' : ''}report covers 1 to ${max} days.`,
      [{ path: 'endDate', message: `must be on or after startDate, at most ${max} days in all` }],
    );
  }
  const bucketStarts: string[] = [];
  // luxon's startOf('week') is the ISO week's Monday, as date_trunc('week', …).
  for (let start = first.startOf(query.interval); start <= last; start = start.plus(STEP[query.interval])) {
    bucketStarts.push(start.toISODate()!);
  }
  const from = DateTime.fromISO(query.startDate, { zone }).toJSDate();
  return {
    from,
    to: DateTime.fromISO(query.endDate, { zone }).plus({ days: 1 }).toJSDate(),
    bucketStarts,
    bucketBounds: bucketStarts.map((start, index) =>
      index === 0 ? from : DateTime.fromISO(start, { zone }).toJSDate(),
    ),
  };
}
