import { DateTime } from 'luxon';

/** The instants of the dashboard summary, all in the tenant's zone. */
export interface SummaryPeriod {
  now: Date;
  /** Today's date, "YYYY-MM-DD". */
  today: string;
  /** Today: local midnight to the next local midnight (23 or 25 hours on a DST day). */
  todayFrom: Date;
  todayTo: Date;
  /** This ISO week: Monday 00:00 to the next Monday 00:00. */
  weekFrom: Date;
  weekTo: Date;
  /** "YYYY-MM-DD" of this week's and last week's Monday. */
  weekStart: string;
  lastWeekStart: string;
  /**
   * Last week's same span: its Monday 00:00 to the same weekday and wall time one week before
   * `now` (luxon's calendar week, so 10:00 stays 10:00 across a DST change; a wall time that did
   * not exist last week, in the skipped hour, moves forward an hour as luxon does).
   */
  lastWeekFrom: Date;
  lastWeekTo: Date;
}

export function summaryPeriod(now: Date, zone: string): SummaryPeriod {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.startOf('day');
  // luxon's startOf('week') is the ISO week's Monday, as date_trunc('week', …) in PostgreSQL.
  const week = local.startOf('week');
  const lastWeek = week.minus({ weeks: 1 });
  return {
    now,
    today: today.toISODate()!,
    todayFrom: today.toJSDate(),
    todayTo: today.plus({ days: 1 }).toJSDate(),
    weekFrom: week.toJSDate(),
    weekTo: week.plus({ weeks: 1 }).toJSDate(),
    weekStart: week.toISODate()!,
    lastWeekStart: lastWeek.toISODate()!,
    lastWeekFrom: lastWeek.toJSDate(),
    lastWeekTo: local.minus({ weeks: 1 }).toJSDate(),
  };
}
