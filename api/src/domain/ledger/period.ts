import { DateTime } from 'luxon';
import { ValidationError } from '../errors.ts';

/**
 * The longest period one ledger listing or reconciliation covers: a quarter. A reconciliation
 * reads every Stripe balance transaction of its period, and a listing sums its whole period on
 * every page, so both stay bounded.
 */
export const MAX_PERIOD_DAYS = 93;

/** The instants [from, to) of a period of whole days. */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * The days startDate…endDate ("YYYY-MM-DD", inclusive) of `zone` as instants: from the first
 * day's midnight in the zone to the midnight after the last. Local midnights, not UTC ones,
 * because a business's day ends at its own midnight; a day with a daylight-saving change is 23 or
 * 25 hours long. Throws ValidationError when endDate is before startDate or the period is longer
 * than MAX_PERIOD_DAYS.
 */
export function periodOfDays(dates: { startDate: string; endDate: string }, zone: string): Period {
  // Counted on the calendar (UTC has no daylight saving), so a DST change never shifts the count.
  const days =
    DateTime.fromISO(dates.endDate, { zone: 'utc' }).diff(
      DateTime.fromISO(dates.startDate, { zone: 'utc' }),
      'days',
    ).days + 1;
  if (!(days >= 1 && days <= MAX_PERIOD_DAYS)) {
    throw new ValidationError(`A period is 1 to ${MAX_PERIOD_DAYS} days.`, [
      { path: 'endDate', message: `must be on or after startDate, at most ${MAX_PERIOD_DAYS} days in all` },
    ]);
  }
  return {
    from: DateTime.fromISO(dates.startDate, { zone }).toJSDate(),
    to: DateTime.fromISO(dates.endDate, { zone }).plus({ days: 1 }).toJSDate(),
  };
}
