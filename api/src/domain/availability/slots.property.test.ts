import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Interval } from './intervals.ts';
import { openIntervals, type DateOverride, type Schedule, type WeeklyRule } from './schedule.ts';
import {
  classSessionKey,
  generateSlots,
  type Busy,
  type Slot,
  type SlotProvider,
  type SlotQuery,
  type SlotService,
} from './slots.ts';

/**
 * generateSlots against a brute-force oracle written from the specification in
 * slots.ts alone: every minute of the query range is tried as a start for every
 * provider. Only the wall-clock → instant step is shared (openIntervals, which
 * schedule.test.ts pins down across DST).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far back the oracle looks for the start of a window open through midnight. */
const ORACLE_LOOKBACK = 21 * DAY;

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];
/** Ordinary days and the 2026 DST transition days (and their eves) of the zones above. */
const BASE_DATES = [
  '2026-01-12',
  '2026-06-15',
  '2026-03-07',
  '2026-03-08',
  '2026-10-31',
  '2026-11-01',
  '2026-03-28',
  '2026-03-29',
  '2026-10-24',
  '2026-10-25',
  '2026-04-04',
  '2026-04-05',
  '2026-10-03',
  '2026-10-04',
];

// ---------------------------------------------------------------------------
// The oracle.

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with overlapping or touching intervals joined. */
function joinTouching(intervals: Interval[]): Interval[] {
  const joined: Interval[] = [];
  for (const i of [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start)) {
    const last = joined.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else joined.push({ ...i });
  }
  return joined;
}

function bothOpen(a: Interval[], b: Interval[]): Interval[] {
  return joinTouching(
    a.flatMap((x) => b.map((y) => ({ start: Math.max(x.start, y.start), end: Math.min(x.end, y.end) }))),
  );
}

const openCache = new WeakMap<Schedule, { key: string; open: Interval[] }>();

/** Open intervals from well before the range, so a window's real start (the grid's anchor) is known. */
function openAround(schedule: Schedule, query: SlotQuery): Interval[] {
  const key = `${query.from}/${query.to}`;
  const cached = openCache.get(schedule);
  if (cached?.key === key) return cached.open;
  const open = openIntervals(schedule, query.from - ORACLE_LOOKBACK, query.to + DAY);
  openCache.set(schedule, { key, open });
  return open;
}

/** True when some window reaching the range may have begun before the oracle looked (open for weeks). */
function openBeyondLookback(query: SlotQuery): boolean {
  const schedules = [query.serviceSchedule, ...query.providers.map((p) => p.schedule)];
  return schedules.some(
    (schedule) =>
      schedule !== null &&
      openAround(schedule, query).some(
        (w) => w.start <= query.from - ORACLE_LOOKBACK + DAY && w.end > query.from - DAY,
      ),
  );
}

function oracle(query: SlotQuery): Slot[] {
  const { service } = query;
  const before = service.bufferBeforeMinutes * MINUTE;
  const duration = service.durationMinutes * MINUTE;
  const after = service.bufferAfterMinutes * MINUTE;
  const step = service.slotIntervalMinutes * MINUTE;
  const serviceOpen = query.serviceSchedule && openAround(query.serviceSchedule, query);
  const byStart = new Map<number, Slot>();

  for (const provider of query.providers) {
    const providerOpen = openAround(provider.schedule, query);
    const open = serviceOpen ? bothOpen(providerOpen, serviceOpen) : providerOpen;
    for (let t = query.from; t < query.to; t += MINUTE) {
      const occupied = { start: t - before, end: t + duration + after };
      // 1. Open for the whole occupied range, 2. on the grid of that window.
      const window = open.find((w) => w.start <= occupied.start && occupied.end <= w.end);
      if (!window || (t - window.start) % step !== 0) continue;
      // 3. Notice and booking window, measured from now.
      if (t < query.now + service.minimumNoticeMinutes * MINUTE) continue;
      if (t >= query.now + service.bookingWindowDays * DAY) continue;
      // 4. No busy time of another session.
      const session = service.capacity > 1 ? classSessionKey(service.id, provider.id, t) : null;
      if (provider.busy.some((b) => b.sessionKey !== session && overlaps(b, occupied))) continue;
      // 5. Seats left in this provider's session.
      const taken = provider.busy
        .filter((b) => b.sessionKey === session)
        .reduce((sum, b) => sum + b.seats, 0);
      const seatsLeft = service.capacity - taken;
      if (seatsLeft <= 0) continue;
      // 6. A resource free for the occupied range.
      const resourceFree = query.resources.some((r) =>
        r.busy.every((b) => b.sessionKey === session || !overlaps(b, occupied)),
      );
      if (service.needsResource && !resourceFree) continue;

      const slot = byStart.get(t) ?? { start: t, end: t + duration, providerIds: [], seatsLeft: 0 };
      slot.providerIds.push(provider.id);
      slot.seatsLeft = Math.max(slot.seatsLeft, seatsLeft);
      byStart.set(t, slot);
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.start - b.start)
    .map((slot) => ({ ...slot, providerIds: [...slot.providerIds].sort() }));
}

// ---------------------------------------------------------------------------
// Generators. Dates and instants are drawn as offsets and resolved against the
// query's base date in `buildQuery`, so each arbitrary stays independent.

const wallTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fiveMinutes = (min: number, max: number) =>
  fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);
/** Offsets in minutes; whole quarter hours make `from`, `now` and notice meet the grid exactly. */
const minutesOrQuarters = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.integer({ min: min / 15, max: max / 15 }).map((n) => n * 15),
  );
/** A day near the range, as an offset from its base date; rules fall on that day's weekday. */
const nearDay = fc.integer({ min: -1, max: 3 });

interface RawRule {
  day: number;
  start: number;
  end: number;
  /** Day offsets from the base date, or null for open-ended. */
  from: number | null;
  to: number | null;
}

const effectiveBound = fc.option(fc.integer({ min: -3, max: 5 }), { freq: 3 });

const ordinaryHours = fc
  .record({ start: fiveMinutes(0, 1435), length: fiveMinutes(5, 720) })
  .map(({ start, length }) => ({ start, end: Math.min(1440, start + length) }));
const untilMidnight = fiveMinutes(600, 1435).map((start) => ({ start, end: 1440 }));
const fromMidnight = fiveMinutes(5, 600).map((end) => ({ start: 0, end }));
const allDay = fc.constant({ start: 0, end: 1440 });
/** 01:00–04:00, across every transition hour of the zones above. */
const earlyHours = fc.constant({ start: 60, end: 240 });

const weeklyRule: fc.Arbitrary<RawRule> = fc
  .record({
    day: nearDay,
    hours: fc.oneof(ordinaryHours, untilMidnight, fromMidnight, allDay, earlyHours),
    from: effectiveBound,
    to: effectiveBound,
  })
  .map(({ day, hours, from, to }) => ({ day, ...hours, from, to }));

const openEnded = (day: number, start: number, end: number): RawRule => ({
  day,
  start,
  end,
  from: null,
  to: null,
});

/** Two rules adjacent across midnight, e.g. Monday 22:00–24:00 and Tuesday 00:00–02:00. */
const overnight: fc.Arbitrary<RawRule[]> = fc
  .record({ day: nearDay, start: fiveMinutes(1080, 1435), end: fiveMinutes(5, 360) })
  .map(({ day, start, end }) => [openEnded(day, start, 1440), openEnded(day + 1, 0, end)]);

/** A window open for days on end (an on-call weekend), so its start lies days before the range. */
const severalDays: fc.Arbitrary<RawRule[]> = fc
  .record({
    day: fc.integer({ min: -3, max: 0 }),
    days: fc.integer({ min: 1, max: 3 }),
    end: fiveMinutes(5, 1435),
  })
  .map(({ day, days, end }) => [
    ...Array.from({ length: days }, (_, i) => openEnded(day + i, 0, 1440)),
    openEnded(day + days, 0, end),
  ]);

interface RawOverride {
  day: number;
  hours: { start: number; end: number } | null;
}

const dateOverride: fc.Arbitrary<RawOverride> = fc.record({
  day: fc.integer({ min: -1, max: 5 }),
  hours: fc.option(fc.oneof(ordinaryHours, untilMidnight, earlyHours), { freq: 2 }),
});

interface RawSchedule {
  zone: string;
  rules: RawRule[];
  overrides: RawOverride[];
}

const schedule: fc.Arbitrary<RawSchedule> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    rules: fc.array(weeklyRule, { minLength: 2, maxLength: 6 }),
    groups: fc.array(fc.oneof(overnight, severalDays), { maxLength: 2 }),
    overrides: fc.uniqueArray(dateOverride, { maxLength: 2, selector: (o) => o.day }),
  })
  .map(({ zone, rules, groups, overrides }) => ({ zone, rules: [...rules, ...groups.flat()], overrides }));

interface RawBusy {
  /** Minutes from the query's `from`. */
  at: number;
  length: number;
}

const busyTime: fc.Arbitrary<RawBusy> = fc.oneof(
  // An appointment with its buffers.
  fc
    .record({
      at: fc.integer({ min: -1440, max: 7200 }),
      duration: fiveMinutes(5, 180),
      b1: buffer(),
      b2: buffer(),
    })
    .map(({ at, duration, b1, b2 }) => ({ at: at - b1, length: b1 + duration + b2 })),
  // An external busy block.
  fc.record({ at: fc.integer({ min: -1440, max: 7200 }), length: fc.integer({ min: 1, max: 300 }) }),
);

function buffer(): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }));
}

const service: fc.Arbitrary<SlotService> = fc.record({
  id: fc.constant('svc'),
  durationMinutes: fc.integer({ min: 5, max: 180 }),
  bufferBeforeMinutes: buffer(),
  bufferAfterMinutes: buffer(),
  slotIntervalMinutes: fc.oneof(fc.constantFrom(15, 30, 45, 60), fc.integer({ min: 5, max: 120 })),
  minimumNoticeMinutes: fc.oneof(fc.constant(0), fiveMinutes(5, 600), fc.integer({ min: 1, max: 600 })),
  bookingWindowDays: fc.integer({ min: 1, max: 30 }),
  capacity: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 4 })),
  needsResource: fc.boolean(),
});

const provider = fc.record({ schedule, busy: fc.array(busyTime, { maxLength: 4 }) });

interface RawQuery {
  service: SlotService;
  serviceSchedule: RawSchedule | null;
  providers: Array<{ schedule: RawSchedule; busy: RawBusy[] }>;
  resources: RawBusy[][];
  baseDate: string;
  /** Minutes from the base date's UTC midnight to `from`. */
  fromOffset: number;
  /** Range length in minutes: up to four days. */
  length: number;
  /** Minutes from `from` to `now`. */
  nowOffset: number;
  /** All providers keep the first one's hours (a team), so slots merge. */
  sameHours: boolean;
}

const rawQuery: fc.Arbitrary<RawQuery> = fc.record({
  service,
  serviceSchedule: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: schedule, weight: 1 }),
  providers: fc.array(provider, { minLength: 1, maxLength: 3 }),
  resources: fc.oneof(
    { arbitrary: fc.constant<RawBusy[][]>([]), weight: 1 },
    { arbitrary: fc.array(fc.array(busyTime, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), weight: 5 },
  ),
  baseDate: fc.constantFrom(...BASE_DATES),
  fromOffset: minutesOrQuarters(-720, 720),
  length: fc.oneof(fc.integer({ min: 30, max: 1440 }), fc.integer({ min: 1440, max: 4 * 1440 })),
  nowOffset: minutesOrQuarters(-2 * 1440, 360),
  sameHours: fc.boolean(),
});

function buildSchedule(raw: RawSchedule, baseDate: string): Schedule {
  const date = (offset: number) =>
    DateTime.fromISO(baseDate, { zone: 'UTC' }).plus({ days: offset }).toISODate()!;
  const rules: WeeklyRule[] = raw.rules.map((r) => ({
    dayOfWeek: DateTime.fromISO(date(r.day)).weekday % 7,
    startTime: wallTime(r.start),
    endTime: wallTime(r.end),
    effectiveFrom: r.from === null ? null : date(Math.min(r.from, r.to ?? r.from)),
    effectiveTo: r.to === null ? null : date(Math.max(r.to, r.from ?? r.to)),
  }));
  const overrides: DateOverride[] = raw.overrides.map((o) => ({
    date: date(o.day),
    closed: o.hours === null,
    startTime: o.hours && wallTime(o.hours.start),
    endTime: o.hours && wallTime(o.hours.end),
  }));
  return { zone: raw.zone, rules, overrides };
}

function buildQuery(raw: RawQuery): SlotQuery {
  const from = Date.parse(`${raw.baseDate}T00:00:00Z`) + raw.fromOffset * MINUTE;
  const busy = (b: RawBusy, key: string): Busy => ({
    start: from + b.at * MINUTE,
    end: from + (b.at + b.length) * MINUTE,
    sessionKey: key,
    seats: 1,
  });
  const providers: SlotProvider[] = raw.providers.map((p, i) => ({
    id: `p${i}`,
    schedule: buildSchedule(raw.sameHours ? raw.providers[0]!.schedule : p.schedule, raw.baseDate),
    busy: p.busy.map((b, j) => busy(b, `p${i}-busy${j}`)),
  }));
  return {
    service: raw.service,
    serviceSchedule: raw.serviceSchedule && buildSchedule(raw.serviceSchedule, raw.baseDate),
    providers,
    resources: raw.resources.map((r, i) => ({
      id: `r${i}`,
      busy: r.map((b, j) => busy(b, `r${i}-busy${j}`)),
    })),
    now: from + raw.nowOffset * MINUTE,
    from,
    to: from + raw.length * MINUTE,
  };
}

interface RawBooking {
  slot: number;
  provider: number;
  seats: number;
  resource: number;
}

/**
 * Bookings placed on slots the oracle offers, so seats, full sessions and
 * back-to-back appointments actually occur: class seats share the session key
 * of their start (and take a resource under that key too); single bookings
 * get their own key.
 */
function withBookings(query: SlotQuery): fc.Arbitrary<SlotQuery> {
  const offered = oracle(query);
  if (offered.length === 0) return fc.constant(query);
  const { service } = query;
  const booking: fc.Arbitrary<RawBooking> = fc.record({
    slot: fc.nat({ max: offered.length - 1 }),
    provider: fc.nat({ max: 2 }),
    seats: fc.integer({ min: 1, max: service.capacity }),
    resource: fc.nat({ max: 2 }),
  });
  return fc.array(booking, { maxLength: 5 }).map((bookings) => {
    const providers = query.providers.map((p) => ({ ...p, busy: [...p.busy] }));
    const resources = query.resources.map((r) => ({ ...r, busy: [...r.busy] }));
    bookings.forEach((b, i) => {
      const slot = offered[b.slot]!;
      const providerId = slot.providerIds[b.provider % slot.providerIds.length]!;
      const sessionKey =
        service.capacity > 1 ? classSessionKey(service.id, providerId, slot.start) : `booking${i}`;
      const busy: Busy = {
        start: slot.start - service.bufferBeforeMinutes * MINUTE,
        end: slot.end + service.bufferAfterMinutes * MINUTE,
        sessionKey,
        seats: service.capacity > 1 ? b.seats : 1,
      };
      providers.find((p) => p.id === providerId)!.busy.push(busy);
      if (service.needsResource && resources.length > 0)
        resources[b.resource % resources.length]!.busy.push(busy);
    });
    return { ...query, providers, resources };
  });
}

const slotQuery: fc.Arbitrary<SlotQuery> = rawQuery.map(buildQuery).chain(withBookings);

// ---------------------------------------------------------------------------

const SEED = 20261124;
const RUNS = 300;

const iso = (slots: Slot[]) => slots.map((s) => ({ ...s, start: new Date(s.start).toISOString() }));

describe('generateSlots against a minute-by-minute oracle', () => {
  it('offers exactly the starts the specification allows', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        fc.pre(!openBeyondLookback(query));
        expect(iso(generateSlots(query))).toEqual(iso(oracle(query)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never offers a slot whose occupied range meets a busy time of another session', () => {
    fc.assert(
      fc.property(slotQuery, ({ service, providers, resources, ...query }) => {
        const slots = generateSlots({ service, providers, resources, ...query });
        for (const slot of slots) {
          const occupied = {
            start: slot.start - service.bufferBeforeMinutes * MINUTE,
            end: slot.end + service.bufferAfterMinutes * MINUTE,
          };
          expect(slot.end - slot.start).toBe(service.durationMinutes * MINUTE);
          for (const id of slot.providerIds) {
            const session = service.capacity > 1 ? classSessionKey(service.id, id, slot.start) : null;
            const provider = providers.find((p) => p.id === id)!;
            expect(provider.busy.filter((b) => b.sessionKey !== session && overlaps(b, occupied))).toEqual(
              [],
            );
          }
          if (service.needsResource) {
            const anyFree = slot.providerIds.some((id) => {
              const session = service.capacity > 1 ? classSessionKey(service.id, id, slot.start) : null;
              return resources.some((r) =>
                r.busy.every((b) => b.sessionKey === session || !overlaps(b, occupied)),
              );
            });
            expect(anyFree).toBe(true);
          }
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('answers a range split in two as the two halves together', () => {
    fc.assert(
      fc.property(slotQuery, fc.double({ min: 0, max: 1, noNaN: true }), (query, fraction) => {
        fc.pre(!openBeyondLookback(query));
        const middle = query.from + Math.round(((query.to - query.from) * fraction) / MINUTE) * MINUTE;
        const whole = generateSlots(query);
        const halves = [
          ...generateSlots({ ...query, to: middle }),
          ...generateSlots({ ...query, from: middle }),
        ];
        expect(iso(halves)).toEqual(iso(whole));
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
