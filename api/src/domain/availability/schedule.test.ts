import { Settings } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { openIntervals, type DateOverride, type WeeklyRule } from './schedule.ts';

const DAY = 24 * 60 * 60_000;
const SUN = 0;
const MON = 1;
const TUE = 2;
const FRI = 5;
const SAT = 6;

function rule(
  dayOfWeek: number,
  startTime: string,
  endTime: string,
  range: Partial<WeeklyRule> = {},
): WeeklyRule {
  return { dayOfWeek, startTime, endTime, effectiveFrom: null, effectiveTo: null, ...range };
}

const closed = (date: string): DateOverride => ({ date, closed: true, startTime: null, endTime: null });
const hours = (date: string, startTime: string, endTime: string): DateOverride => ({
  date,
  closed: false,
  startTime,
  endTime,
});

interface Case {
  name: string;
  zone: string;
  rules: WeeklyRule[];
  overrides?: DateOverride[];
  /** Query [from, to) as UTC instants; `to` defaults to one day after `from`. */
  from: string;
  to?: string;
  /** Expected intervals as "startZ/endZ". */
  expected: string[];
}

const cases: Case[] = [
  // America/New_York: EST −5, EDT −4; 2026-03-08 02:00 → 03:00, 2026-11-01 02:00 → 01:00.
  {
    name: 'New York, ordinary Monday',
    zone: 'America/New_York',
    rules: [rule(MON, '09:00', '17:00')],
    from: '2026-03-09T00:00:00Z',
    expected: ['2026-03-09T13:00:00.000Z/2026-03-09T21:00:00.000Z'],
  },
  {
    name: 'New York spring forward: 01:00–04:00 is two real hours',
    zone: 'America/New_York',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-03-08T00:00:00Z',
    expected: ['2026-03-08T06:00:00.000Z/2026-03-08T08:00:00.000Z'],
  },
  {
    name: 'New York fall back: 01:00–04:00 is four real hours, from the first 01:00',
    zone: 'America/New_York',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-11-01T00:00:00Z',
    expected: ['2026-11-01T05:00:00.000Z/2026-11-01T09:00:00.000Z'],
  },
  {
    name: 'New York: a start inside the gap moves forward (02:30 → 03:30 EDT)',
    zone: 'America/New_York',
    rules: [rule(SUN, '02:30', '04:00')],
    from: '2026-03-08T00:00:00Z',
    expected: ['2026-03-08T07:30:00.000Z/2026-03-08T08:00:00.000Z'],
  },
  {
    name: 'New York: "24:00" ends at the next midnight, on both sides of spring forward',
    zone: 'America/New_York',
    rules: [rule(SAT, '22:00', '24:00'), rule(SUN, '20:00', '24:00')],
    from: '2026-03-07T12:00:00Z',
    to: '2026-03-09T12:00:00Z',
    expected: [
      '2026-03-08T03:00:00.000Z/2026-03-08T05:00:00.000Z',
      '2026-03-09T00:00:00.000Z/2026-03-09T04:00:00.000Z',
    ],
  },
  {
    name: 'New York: Monday 22:00–24:00 and Tuesday 00:00–02:00 merge into one window',
    zone: 'America/New_York',
    rules: [rule(MON, '22:00', '24:00'), rule(TUE, '00:00', '02:00')],
    from: '2026-03-10T00:00:00Z',
    expected: ['2026-03-10T02:00:00.000Z/2026-03-10T06:00:00.000Z'],
  },
  {
    name: 'New York: a window across the fall-back midnight merges and lasts 6 real hours',
    zone: 'America/New_York',
    rules: [rule(SAT, '22:00', '24:00'), rule(SUN, '00:00', '03:00')],
    from: '2026-11-01T00:00:00Z',
    expected: ['2026-11-01T02:00:00.000Z/2026-11-01T08:00:00.000Z'],
  },

  // Europe/London: GMT 0, BST +1; 2026-03-29 01:00 → 02:00, 2026-10-25 02:00 → 01:00.
  {
    name: 'London spring forward: 01:00 is in the gap, 01:00–04:00 is two real hours',
    zone: 'Europe/London',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-03-29T00:00:00Z',
    expected: ['2026-03-29T01:00:00.000Z/2026-03-29T03:00:00.000Z'],
  },
  {
    name: 'London fall back: 01:00–04:00 is four real hours',
    zone: 'Europe/London',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-10-25T00:00:00Z',
    expected: ['2026-10-25T00:00:00.000Z/2026-10-25T04:00:00.000Z'],
  },

  // Australia/Sydney: AEST +10, AEDT +11; 2026-04-05 03:00 → 02:00, 2026-10-04 02:00 → 03:00.
  {
    name: 'Sydney fall back: 01:00–04:00 is four real hours',
    zone: 'Australia/Sydney',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-04-04T00:00:00Z',
    expected: ['2026-04-04T14:00:00.000Z/2026-04-04T18:00:00.000Z'],
  },
  {
    name: 'Sydney fall back: 02:30–03:30 starts at the first 02:30 and is two real hours',
    zone: 'Australia/Sydney',
    rules: [rule(SUN, '02:30', '03:30')],
    from: '2026-04-04T00:00:00Z',
    expected: ['2026-04-04T15:30:00.000Z/2026-04-04T17:30:00.000Z'],
  },
  {
    name: 'Sydney spring forward: 01:00–04:00 is two real hours',
    zone: 'Australia/Sydney',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-10-03T00:00:00Z',
    expected: ['2026-10-03T15:00:00.000Z/2026-10-03T17:00:00.000Z'],
  },
  {
    name: 'Sydney spring forward: 02:15 in the gap moves to 03:15 AEDT',
    zone: 'Australia/Sydney',
    rules: [rule(SUN, '02:15', '05:00')],
    from: '2026-10-03T00:00:00Z',
    expected: ['2026-10-03T16:15:00.000Z/2026-10-03T18:00:00.000Z'],
  },

  // Australia/Lord_Howe: +10:30, DST +11 (a 30-minute shift); 2026-04-05 02:00 → 01:30, 2026-10-04 02:00 → 02:30.
  {
    name: 'Lord Howe fall back: 01:00–04:00 is three and a half real hours',
    zone: 'Australia/Lord_Howe',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-04-04T00:00:00Z',
    expected: ['2026-04-04T14:00:00.000Z/2026-04-04T17:30:00.000Z'],
  },
  {
    name: 'Lord Howe fall back: 01:45 happens twice; the window starts at the first',
    zone: 'Australia/Lord_Howe',
    rules: [rule(SUN, '01:45', '03:00')],
    from: '2026-04-04T00:00:00Z',
    expected: ['2026-04-04T14:45:00.000Z/2026-04-04T16:30:00.000Z'],
  },
  {
    name: 'Lord Howe spring forward: 01:00–04:00 is two and a half real hours',
    zone: 'Australia/Lord_Howe',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-10-03T00:00:00Z',
    expected: ['2026-10-03T14:30:00.000Z/2026-10-03T17:00:00.000Z'],
  },
  {
    name: 'Lord Howe spring forward: 02:10 in the 30-minute gap moves to 02:40',
    zone: 'Australia/Lord_Howe',
    rules: [rule(SUN, '02:10', '03:00')],
    from: '2026-10-03T00:00:00Z',
    expected: ['2026-10-03T15:40:00.000Z/2026-10-03T16:00:00.000Z'],
  },

  // Asia/Kathmandu: +05:45 all year.
  {
    name: 'Kathmandu: +05:45, no DST on the Australian transition day',
    zone: 'Asia/Kathmandu',
    rules: [rule(SUN, '01:00', '04:00')],
    from: '2026-04-04T12:00:00Z',
    expected: ['2026-04-04T19:15:00.000Z/2026-04-04T22:15:00.000Z'],
  },
  {
    name: 'Kathmandu: 18:00–24:00 and 00:00–06:00 merge across midnight',
    zone: 'Asia/Kathmandu',
    rules: [rule(SAT, '18:00', '24:00'), rule(SUN, '00:00', '06:00')],
    from: '2026-03-07T12:00:00Z',
    expected: ['2026-03-07T12:15:00.000Z/2026-03-08T00:15:00.000Z'],
  },

  // Which windows come back, and overrides.
  {
    name: 'a window only partly inside [from, to) comes back whole',
    zone: 'UTC',
    rules: [rule(MON, '09:00', '17:00')],
    from: '2026-03-09T16:00:00Z',
    to: '2026-03-09T16:30:00Z',
    expected: ['2026-03-09T09:00:00.000Z/2026-03-09T17:00:00.000Z'],
  },
  {
    name: 'a window ending exactly at `from` does not come back',
    zone: 'UTC',
    rules: [rule(MON, '09:00', '17:00')],
    from: '2026-03-09T17:00:00Z',
    expected: [],
  },
  {
    name: 'a closed override removes that day only',
    zone: 'America/New_York',
    rules: [rule(MON, '09:00', '17:00')],
    overrides: [closed('2026-03-09')],
    from: '2026-03-09T00:00:00Z',
    to: '2026-03-17T00:00:00Z',
    expected: ['2026-03-16T13:00:00.000Z/2026-03-16T21:00:00.000Z'],
  },
  {
    name: 'special hours replace the weekly hours of that day',
    zone: 'America/New_York',
    rules: [rule(MON, '09:00', '12:00'), rule(MON, '13:00', '17:00')],
    overrides: [hours('2026-03-09', '12:00', '14:00')],
    from: '2026-03-09T00:00:00Z',
    expected: ['2026-03-09T16:00:00.000Z/2026-03-09T18:00:00.000Z'],
  },
  {
    name: 'special hours open a day without weekly hours, up to "24:00"',
    zone: 'Europe/London',
    rules: [rule(MON, '09:00', '17:00')],
    overrides: [hours('2026-10-25', '20:00', '24:00')],
    from: '2026-10-25T00:00:00Z',
    expected: ['2026-10-25T20:00:00.000Z/2026-10-26T00:00:00.000Z'],
  },
  {
    name: 'overrides are local dates: Sydney Monday 09:00 is Sunday in UTC',
    zone: 'Australia/Sydney',
    rules: [rule(MON, '09:00', '17:00')],
    overrides: [closed('2026-03-08')],
    from: '2026-03-08T00:00:00Z',
    expected: ['2026-03-08T22:00:00.000Z/2026-03-09T06:00:00.000Z'],
  },
  {
    name: 'effectiveFrom and effectiveTo are inclusive local dates',
    zone: 'UTC',
    rules: [rule(MON, '09:00', '10:00', { effectiveFrom: '2026-03-16', effectiveTo: '2026-03-23' })],
    from: '2026-03-02T00:00:00Z',
    to: '2026-04-06T00:00:00Z',
    expected: [
      '2026-03-16T09:00:00.000Z/2026-03-16T10:00:00.000Z',
      '2026-03-23T09:00:00.000Z/2026-03-23T10:00:00.000Z',
    ],
  },
  {
    name: 'effective dates are compared with the local date (Sydney Monday = UTC Sunday)',
    zone: 'Australia/Sydney',
    rules: [rule(MON, '09:00', '10:00', { effectiveFrom: '2026-03-09', effectiveTo: '2026-03-09' })],
    from: '2026-03-01T00:00:00Z',
    to: '2026-03-20T00:00:00Z',
    expected: ['2026-03-08T22:00:00.000Z/2026-03-08T23:00:00.000Z'],
  },
  {
    name: 'a window open for days comes back from where it really began',
    zone: 'America/New_York',
    rules: [rule(FRI, '00:00', '24:00'), rule(SAT, '00:00', '24:00'), rule(SUN, '00:00', '12:00')],
    from: '2026-03-08T14:00:00Z',
    to: '2026-03-08T15:00:00Z',
    expected: ['2026-03-06T05:00:00.000Z/2026-03-08T16:00:00.000Z'],
  },
];

function run(testCase: Case): string[] {
  const from = Date.parse(testCase.from);
  const to = testCase.to ? Date.parse(testCase.to) : from + DAY;
  const schedule = { zone: testCase.zone, rules: testCase.rules, overrides: testCase.overrides ?? [] };
  return openIntervals(schedule, from, to).map(
    (i) => `${new Date(i.start).toISOString()}/${new Date(i.end).toISOString()}`,
  );
}

describe('openIntervals', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    expect(run(testCase)).toEqual(testCase.expected);
  });

  // luxon resolves a repeated wall time with the offset in force at the current date unless told otherwise;
  // the answer must not depend on the season the server runs in.
  describe.each(['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'])('with the clock at %s', (clock) => {
    const originalNow = Settings.now;
    afterAll(() => {
      Settings.now = originalNow;
    });
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
      Settings.now = () => Date.parse(clock);
      try {
        expect(run(testCase)).toEqual(testCase.expected);
      } finally {
        Settings.now = originalNow;
      }
    });
  });
});
