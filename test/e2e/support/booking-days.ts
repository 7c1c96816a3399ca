/**
 * Days to book on. The demo's hours are on weekdays in Europe/Berlin, services need up to 24 h of
 * notice and may be booked 60 days ahead: so a weekday at least two days ahead, a few weeks at most.
 * Each test takes its own day (`index`), so that no test finds another's booking in its way.
 */

export interface BookingDay {
  /** YYYY-MM-DD in Europe/Berlin. */
  iso: string;
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

const BUSINESS_ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;

export function bookingDay(index: number, now = new Date()): BookingDay {
  const today = calendarDate(now);
  let date = Date.UTC(today.year, today.month - 1, today.day) + 2 * DAY_MS;
  let found = -1;
  for (;;) {
    const weekday = new Date(date).getUTCDay();
    if (weekday !== 0 && weekday !== 6) found += 1;
    if (found === index) break;
    date += DAY_MS;
  }
  const day = new Date(date);
  return {
    iso: day.toISOString().slice(0, 10),
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
  };
}

/** The calendar date of an instant in the business's zone. */
function calendarDate(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
