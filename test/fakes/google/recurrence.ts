import type { GoogleEvent, StoredEvent } from './state.ts';

/**
 * Instances of a recurring event, as `singleEvents: true` lists them: ids `<event id>_<start stamp>`
 * (`20270303T090000Z`, or `20270303` for all-day events), `recurringEventId` and
 * `originalStartTime`. Rules understood: FREQ=DAILY or WEEKLY, INTERVAL, COUNT, UNTIL, BYDAY (weekly).
 * Days are stepped in UTC (Google steps in the event's time zone: a series crossing a daylight-
 * saving change keeps its wall-clock time there, here its UTC time). A series without an end stops
 * after two years.
 */

const DAY = 86_400_000;
const HORIZON_DAYS = 731;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface Rule {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  count: number | null;
  until: number | null;
  byDay: number[] | null;
}

export function isRecurring(event: GoogleEvent): boolean {
  return (event.recurrence ?? []).some((line) => line.startsWith('RRULE:'));
}

/** The instances whose time overlaps [from, to) (all of them when unbounded), cancelled ones marked so. */
export function instancesOf(stored: StoredEvent, bounds: { from?: number; to?: number } = {}): GoogleEvent[] {
  const event = stored.resource;
  const rule = parseRule(event.recurrence ?? []);
  const allDay = Boolean(event.start?.date);
  const start = allDay
    ? Date.parse(`${event.start!.date}T00:00:00Z`)
    : Date.parse(event.start?.dateTime ?? '');
  const end = allDay ? Date.parse(`${event.end!.date}T00:00:00Z`) : Date.parse(event.end?.dateTime ?? '');
  if (!rule || Number.isNaN(start) || Number.isNaN(end)) return [];
  const length = end - start;
  const startWeekday = (new Date(start).getUTCDay() + 6) % 7; // Monday 0
  const byDay = rule.byDay ?? [startWeekday];
  const instances: GoogleEvent[] = [];
  let made = 0;
  for (let offset = 0; offset < HORIZON_DAYS; offset++) {
    const at = start + offset * DAY;
    if (rule.until !== null && at > rule.until) break;
    if (bounds.to !== undefined && at >= bounds.to) break;
    const weekday = (startWeekday + offset) % 7;
    const matches =
      rule.freq === 'DAILY'
        ? offset % rule.interval === 0
        : byDay.includes(weekday) && Math.floor((offset + startWeekday) / 7) % rule.interval === 0;
    if (!matches) continue;
    made += 1;
    if (rule.count !== null && made > rule.count) break;
    if (bounds.from !== undefined && at + length <= bounds.from) continue;
    instances.push(instanceAt(stored, at, length, allDay));
  }
  return instances;
}

function instanceAt(stored: StoredEvent, at: number, length: number, allDay: boolean): GoogleEvent {
  const event = stored.resource;
  const stamp = allDay
    ? new Date(at).toISOString().slice(0, 10).replace(/-/g, '')
    : new Date(at)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
  const time = (ms: number) =>
    allDay
      ? { date: new Date(ms).toISOString().slice(0, 10) }
      : {
          dateTime: new Date(ms).toISOString(),
          ...(event.start?.timeZone ? { timeZone: event.start.timeZone } : {}),
        };
  const { recurrence: _recurrence, ...fields } = event;
  const cancelled = event.status === 'cancelled' || stored.cancelledInstances.has(stamp);
  return {
    ...fields,
    id: `${event.id}_${stamp}`,
    recurringEventId: event.id,
    originalStartTime: time(at),
    start: time(at),
    end: time(at + length),
    status: cancelled ? 'cancelled' : (event.status ?? 'confirmed'),
  };
}

/** The stamp part of an instance id, if `id` names an instance of `eventId`. */
export function instanceStamp(id: string): { eventId: string; stamp: string } | null {
  const match = /^([a-v0-9]+)_(\d{8}(T\d{6}Z)?)$/.exec(id);
  return match ? { eventId: match[1]!, stamp: match[2]! } : null;
}

function parseRule(lines: string[]): Rule | null {
  const line = lines.find((l) => l.startsWith('RRULE:'));
  if (!line) return null;
  const parts = new Map(
    line
      .slice('RRULE:'.length)
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') throw new Error(`fake Google: FREQ=${freq} is not modelled`);
  const until = parts.get('UNTIL');
  return {
    freq,
    interval: Number(parts.get('INTERVAL') ?? 1),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    until: until ? parseUntil(until) : null,
    byDay:
      parts
        .get('BYDAY')
        ?.split(',')
        .map((day) => WEEKDAYS.indexOf(day)) ?? null,
  };
}

/** "20270331T235959Z" or "20270331". */
function parseUntil(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(text);
  if (!m) throw new Error(`fake Google: UNTIL=${text} is not modelled`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 23), +(m[5] ?? 59), +(m[6] ?? 59));
}
