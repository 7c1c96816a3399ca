/**
 * Wall-clock times in the business's IANA zone, with Intl only (no date library in the browser):
 * the console shows and asks for times as the business lives them, and the API takes UTC instants.
 */

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0–23 */
  hour: number;
  minute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall time of an instant in a zone. */
export function wallTime(instant: Date, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function offsetMinutes(instant: Date, zone: string): number {
  const wall = wallTime(instant, zone);
  const asUtc = Date.parse(`${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}:00Z`);
  const floored = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - floored) / 60_000);
}

/**
 * The instant a wall time names in a zone. A time the clocks skip (spring forward) is read with
 * the offset from before the change, so it lands just after the gap; a time that happens twice
 * (fall back) is its first occurrence, as luxon and the API read them.
 */
export function zonedToUtc(date: string, minutesOfDay: number, zone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutesOfDay * 60_000;
  const before = offsetMinutes(new Date(naive - 24 * 3_600_000), zone);
  const first = naive - before * 60_000;
  const after = offsetMinutes(new Date(first), zone);
  if (after === before) return new Date(first);
  const second = naive - after * 60_000;
  // Does the later offset read back as the same wall time? Then the time exists with it.
  return offsetMinutes(new Date(second), zone) === after ? new Date(second) : new Date(first);
}

/** YYYY-MM-DD plus a number of days (negative goes back). */
export function addDays(date: string, days: number): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return next.toISOString().slice(0, 10);
}

/** The Monday of a date's ISO week. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Today's date in the zone. */
export function today(zone: string, now = new Date()): string {
  return wallTime(now, zone).date;
}

/** Minutes since the zone's midnight of the instant's local date. */
export function minutesIntoDay(instant: Date, zone: string): number {
  const wall = wallTime(instant, zone);
  return wall.hour * 60 + wall.minute;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
