import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { WeeklyRule } from './schedule.ts';
import {
  classSessionKey,
  freeResource,
  generateSlots,
  type Busy,
  type Slot,
  type SlotProvider,
  type SlotQuery,
  type SlotService,
} from './slots.ts';

// 2026-03-09 is a Monday; 2026-11-01 a Sunday (New York falls back).
const SUN = 0;
const MON = 1;
const TUE = 2;

const at = (iso: string): number => Date.parse(iso);

function rule(dayOfWeek: number, startTime: string, endTime: string): WeeklyRule {
  return { dayOfWeek, startTime, endTime, effectiveFrom: null, effectiveTo: null };
}

function busy(start: string, end: string, sessionKey = `${start}/${end}`, seats = 1): Busy {
  return { start: at(start), end: at(end), sessionKey, seats };
}

/** `seats` seats of the class session of `providerId` starting at `start`. */
function seats(providerId: string, start: string, end: string, count: number): Busy {
  return busy(start, end, classSessionKey('svc', providerId, at(start)), count);
}

function provider(id: string, rules: WeeklyRule[], busyTimes: Busy[] = [], zone = 'UTC'): SlotProvider {
  return { id, schedule: { zone, rules, overrides: [] }, busy: busyTimes };
}

function service(change: Partial<SlotService> = {}): SlotService {
  return {
    id: 'svc',
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: 60,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 30,
    capacity: 1,
    needsResource: false,
    ...change,
  };
}

/** Defaults: Monday 2026-03-09 (UTC), `now` a week earlier, no resources, no service hours. */
function query(change: Partial<SlotQuery>): SlotQuery {
  return {
    service: service(),
    serviceSchedule: null,
    providers: [],
    resources: [],
    now: at('2026-03-02T00:00:00Z'),
    from: at('2026-03-09T00:00:00Z'),
    to: at('2026-03-10T00:00:00Z'),
    ...change,
  };
}

/** "2026-03-09T09:05Z ann+bea seats:1" */
function show(slot: Slot): string {
  return `${new Date(slot.start).toISOString().slice(0, 16)}Z ${slot.providerIds.join('+')} seats:${slot.seatsLeft}`;
}

const ann = (rules: WeeklyRule[], busyTimes: Busy[] = []) => provider('ann', rules, busyTimes);
const nineToNoon = [rule(MON, '09:00', '12:00')];

const cases: Array<[string, SlotQuery, string[]]> = [
  [
    'the grid starts at the window start: 09:05–12:00 by 60 minutes is 09:05, 10:05',
    query({ providers: [ann([rule(MON, '09:05', '12:00')])] }),
    ['2026-03-09T09:05Z ann seats:1', '2026-03-09T10:05Z ann seats:1'],
  ],
  [
    'the last slot leaves room for the duration and both buffers',
    query({
      service: service({
        durationMinutes: 45,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 20,
      }),
      providers: [ann(nineToNoon)],
    }),
    // 09:00 and 09:05 would start the buffer before opening; 10:45 + 45 + 20 = 11:50, 11:00 + 65 > 12:00.
    ['09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45'].map(
      (t) => `2026-03-09T${t}Z ann seats:1`,
    ),
  ],
  [
    'minimum notice and booking window are measured from now',
    query({
      service: service({ minimumNoticeMinutes: 120, bookingWindowDays: 1 }),
      providers: [ann([rule(MON, '09:00', '17:00'), rule(TUE, '09:00', '17:00')])],
      now: at('2026-03-09T12:30:00Z'),
      to: at('2026-03-11T00:00:00Z'),
    }),
    // Earliest 14:30 Monday, latest before 12:30 Tuesday.
    ['2026-03-09T15:00', '2026-03-09T16:00', '2026-03-10T09:00', '2026-03-10T10:00']
      .concat(['2026-03-10T11:00', '2026-03-10T12:00'])
      .map((t) => `${t}Z ann seats:1`),
  ],
  [
    'a start exactly at now + notice is offered; exactly at now + booking window is not',
    query({
      service: service({ minimumNoticeMinutes: 180, bookingWindowDays: 1 }),
      providers: [ann([rule(MON, '09:00', '17:00'), rule(TUE, '09:00', '17:00')])],
      now: at('2026-03-09T12:00:00Z'),
      to: at('2026-03-11T00:00:00Z'),
    }),
    ['2026-03-09T15:00', '2026-03-09T16:00', '2026-03-10T09:00', '2026-03-10T10:00', '2026-03-10T11:00'].map(
      (t) => `${t}Z ann seats:1`,
    ),
  ],
  [
    'starts lie in [from, to)',
    query({ providers: [ann(nineToNoon)], from: at('2026-03-09T10:00:00Z'), to: at('2026-03-09T11:00:00Z') }),
    ['2026-03-09T10:00Z ann seats:1'],
  ],
  [
    'New York fall back, 30 minutes on a 01:00–04:00 rule: 01:30 is offered twice (05:30Z EDT, 06:30Z EST)',
    query({
      service: service({ durationMinutes: 30, slotIntervalMinutes: 30 }),
      providers: [provider('ann', [rule(SUN, '01:00', '04:00')], [], 'America/New_York')],
      now: at('2026-10-25T00:00:00Z'),
      from: at('2026-11-01T00:00:00Z'),
      to: at('2026-11-02T00:00:00Z'),
    }),
    ['05:00', '05:30', '06:00', '06:30', '07:00', '07:30', '08:00', '08:30'].map(
      (t) => `2026-11-01T${t}Z ann seats:1`,
    ),
  ],
  [
    'New York spring forward, the same rule gives two real hours',
    query({
      service: service({ durationMinutes: 30, slotIntervalMinutes: 30 }),
      providers: [provider('ann', [rule(SUN, '01:00', '04:00')], [], 'America/New_York')],
      from: at('2026-03-08T00:00:00Z'),
      to: at('2026-03-09T00:00:00Z'),
    }),
    ['06:00', '06:30', '07:00', '07:30'].map((t) => `2026-03-08T${t}Z ann seats:1`),
  ],
  [
    "the service's own hours narrow the provider's; the grid starts where both are open (10:10, by 45)",
    query({
      service: service({ durationMinutes: 30, slotIntervalMinutes: 45 }),
      serviceSchedule: { zone: 'UTC', rules: [rule(MON, '10:10', '17:00')], overrides: [] },
      providers: [ann(nineToNoon)],
    }),
    // 11:40 + 30 would end after 12:00.
    ['2026-03-09T10:10Z ann seats:1', '2026-03-09T10:55Z ann seats:1'],
  ],
  [
    'a provider busy block removes the starts it overlaps (half-open: 11:00 stays)',
    query({ providers: [ann(nineToNoon, [busy('2026-03-09T10:30:00Z', '2026-03-09T11:00:00Z')])] }),
    ['2026-03-09T09:00Z ann seats:1', '2026-03-09T11:00Z ann seats:1'],
  ],
  [
    "an appointment's buffers (10:00–10:30 + 15 after) and the service's own buffer before (15)",
    query({
      service: service({ durationMinutes: 30, slotIntervalMinutes: 15, bufferBeforeMinutes: 15 }),
      providers: [ann(nineToNoon, [busy('2026-03-09T10:00:00Z', '2026-03-09T10:45:00Z')])],
    }),
    // 09:30 ends at 10:00 exactly; 11:00's buffer starts at 10:45 exactly.
    ['09:15', '09:30', '11:00', '11:15', '11:30'].map((t) => `2026-03-09T${t}Z ann seats:1`),
  ],
  [
    '"any available": one slot per instant listing every provider free then, ids sorted',
    query({
      providers: [provider('bea', [rule(MON, '10:00', '12:00')]), ann([rule(MON, '09:00', '11:00')])],
    }),
    ['2026-03-09T09:00Z ann seats:1', '2026-03-09T10:00Z ann+bea seats:1', '2026-03-09T11:00Z bea seats:1'],
  ],
  [
    'a class counts the seats of its session; a full session is not offered',
    query({
      service: service({ capacity: 5 }),
      providers: [
        ann(
          [rule(MON, '09:00', '12:00')],
          [
            seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 2),
            seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 1),
            seats('ann', '2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 5),
          ],
        ),
      ],
    }),
    ['2026-03-09T09:00Z ann seats:2', '2026-03-09T11:00Z ann seats:5'],
  ],
  [
    'a class session blocks the other sessions it overlaps',
    query({
      service: service({ capacity: 5, slotIntervalMinutes: 30 }),
      providers: [
        ann([rule(MON, '09:00', '11:00')], [seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 1)]),
      ],
    }),
    ['2026-03-09T09:00Z ann seats:4', '2026-03-09T10:00Z ann seats:5'],
  ],
  [
    'merged class slots show the most seats any one provider has left',
    query({
      service: service({ capacity: 5 }),
      providers: [
        ann([rule(MON, '09:00', '10:00')], [seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 3)]),
        provider('bea', [rule(MON, '09:00', '10:00')]),
        provider(
          'cat',
          [rule(MON, '09:00', '10:00')],
          [seats('cat', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 5)],
        ),
      ],
    }),
    ['2026-03-09T09:00Z ann+bea seats:5'],
  ],
  [
    'a resource is needed: a start is offered while any resource is free',
    query({
      service: service({ needsResource: true }),
      providers: [ann(nineToNoon)],
      resources: [
        {
          id: 'room1',
          busy: [
            busy('2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z'),
            busy('2026-03-09T11:00:00Z', '2026-03-09T12:00:00Z'),
          ],
        },
        { id: 'room2', busy: [busy('2026-03-09T10:00:00Z', '2026-03-09T12:00:00Z')] },
      ],
    }),
    ['2026-03-09T09:00Z ann seats:1', '2026-03-09T10:00Z ann seats:1'],
  ],
  [
    'a resource is needed and there is none',
    query({ service: service({ needsResource: true }), providers: [ann(nineToNoon)] }),
    [],
  ],
  [
    "a class's resource taken by its own session stays usable; taken by another provider's session it is not",
    query({
      service: service({ capacity: 3, needsResource: true }),
      providers: [
        ann(nineToNoon, [seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 1)]),
        provider('bea', nineToNoon),
      ],
      resources: [
        {
          id: 'room1',
          busy: [
            seats('ann', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', 1),
            seats('bea', '2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 1),
          ],
        },
      ],
    }),
    ['2026-03-09T09:00Z ann seats:2', '2026-03-09T10:00Z bea seats:3', '2026-03-09T11:00Z ann+bea seats:3'],
  ],
];

describe('generateSlots', () => {
  it.each(cases)('%s', (_, slotQuery, expected) => {
    const slots = generateSlots(slotQuery);
    expect(slots.map(show)).toEqual(expected);
    for (const slot of slots) expect(slot.end - slot.start).toBe(slotQuery.service.durationMinutes * 60_000);
  });

  it('shows the two 01:30s of the New York fall-back day as distinct instants', () => {
    const slots = generateSlots(
      query({
        service: service({ durationMinutes: 30, slotIntervalMinutes: 30 }),
        providers: [provider('ann', [rule(SUN, '01:00', '04:00')], [], 'America/New_York')],
        now: at('2026-10-25T00:00:00Z'),
        from: at('2026-11-01T00:00:00Z'),
        to: at('2026-11-02T00:00:00Z'),
      }),
    );
    const local = slots.map((s) => DateTime.fromMillis(s.start, { zone: 'America/New_York' }).toISO());
    expect(local.filter((t) => t!.slice(11, 16) === '01:30')).toEqual([
      '2026-11-01T01:30:00.000-04:00',
      '2026-11-01T01:30:00.000-05:00',
    ]);
  });

  it("answers in instants: a client's zone only chooses the range, never moves a start", () => {
    // New York Monday 09:00–12:00 EDT is 13:00Z–16:00Z; a client in Tokyo asks for their own days.
    const base = query({
      providers: [provider('ann', [rule(MON, '09:00', '12:00')], [], 'America/New_York')],
    });
    const day = (date: string, zone: string) => {
      const start = DateTime.fromISO(date, { zone });
      return generateSlots({ ...base, from: start.toMillis(), to: start.plus({ days: 1 }).toMillis() });
    };
    const newYorkMonday = day('2026-03-09', 'America/New_York');
    const tokyoMonday = day('2026-03-09', 'Asia/Tokyo');
    const tokyoTuesday = day('2026-03-10', 'Asia/Tokyo');

    expect(newYorkMonday.map(show)).toEqual([
      '2026-03-09T13:00Z ann seats:1',
      '2026-03-09T14:00Z ann seats:1',
      '2026-03-09T15:00Z ann seats:1',
    ]);
    expect([...tokyoMonday, ...tokyoTuesday]).toEqual(newYorkMonday);
    expect(tokyoTuesday.map((s) => DateTime.fromMillis(s.start, { zone: 'Asia/Tokyo' }).toISO())).toEqual([
      '2026-03-10T00:00:00.000+09:00',
    ]);
  });
});

describe('freeResource', () => {
  const occupied = { start: at('2026-03-09T09:00:00Z'), end: at('2026-03-09T10:00:00Z') };
  const session = classSessionKey('svc', 'ann', occupied.start);
  const room1 = { id: 'room1', busy: [busy('2026-03-09T09:30:00Z', '2026-03-09T10:30:00Z')] };
  const room2 = { id: 'room2', busy: [busy('2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', session)] };
  const room3 = { id: 'room3', busy: [busy('2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z')] };

  it.each<[string, Array<typeof room1>, string | null, string | undefined]>([
    ['the first free one', [room1, room3], null, 'room3'],
    ['one already used by the same session', [room1, room2, room3], session, 'room2'],
    ['none when all are taken', [room1, room2], null, undefined],
  ])('%s', (_, resources, sessionKey, expected) => {
    expect(freeResource(resources, occupied, sessionKey)).toBe(expected);
  });
});
