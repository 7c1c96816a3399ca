import { describe, expect, it } from 'vitest';
import { HOUR } from '../time-units.ts';
import type { Schedule } from '../availability/schedule.ts';
import { availableMilliseconds } from './provider-hours.ts';

const at = (iso: string) => Date.parse(iso);
const SUNDAYS_9_TO_17: Schedule = {
  zone: 'Europe/Berlin',
  rules: [{ dayOfWeek: 0, startTime: '09:00', endTime: '17:00', effectiveFrom: null, effectiveTo: null }],
  overrides: [],
};

describe('availableMilliseconds', () => {
  it('counts 9:00–17:00 as 8 hours on the 23-hour and the 25-hour Berlin days', () => {
    // 28 March 2027 00:00 Berlin is 27 March 23:00Z; 29 March 00:00 is 28 March 22:00Z.
    expect(
      availableMilliseconds([SUNDAYS_9_TO_17], [], at('2027-03-27T23:00:00Z'), at('2027-03-28T22:00:00Z')),
    ).toBe(8 * HOUR);
    expect(
      availableMilliseconds([SUNDAYS_9_TO_17], [], at('2027-10-30T22:00:00Z'), at('2027-10-31T23:00:00Z')),
    ).toBe(8 * HOUR);
  });

  it('takes an override instead of the weekly hours, and a closed day as none', () => {
    const schedule: Schedule = {
      ...SUNDAYS_9_TO_17,
      overrides: [
        { date: '2027-03-28', closed: false, startTime: '10:00', endTime: '12:30' },
        { date: '2027-04-04', closed: true, startTime: null, endTime: null },
      ],
    };
    // Three Sundays: 21 March (8 h), 28 March (2.5 h), 4 April (closed).
    expect(
      availableMilliseconds([schedule], [], at('2027-03-20T23:00:00Z'), at('2027-04-04T22:00:00Z')),
    ).toBe(10.5 * HOUR);
  });

  it('takes busy blocks off, once where they overlap, and only inside open hours', () => {
    const busy = [
      { start: at('2027-03-28T06:00:00Z'), end: at('2027-03-28T08:00:00Z') }, // 08:00–10:00 local: 1 h open
      { start: at('2027-03-28T09:00:00Z'), end: at('2027-03-28T10:00:00Z') },
      { start: at('2027-03-28T09:30:00Z'), end: at('2027-03-28T10:30:00Z') }, // overlaps: 1.5 h together
    ];
    expect(
      availableMilliseconds([SUNDAYS_9_TO_17], busy, at('2027-03-27T23:00:00Z'), at('2027-03-28T22:00:00Z')),
    ).toBe(5.5 * HOUR);
  });

  it('cuts hours to the period and counts hours of two schedules once', () => {
    const other: Schedule = {
      zone: 'UTC',
      rules: [{ dayOfWeek: 0, startTime: '06:00', endTime: '10:00', effectiveFrom: null, effectiveTo: null }],
      overrides: [],
    };
    // Berlin 09:00–17:00 is 07:00Z–15:00Z; UTC 06:00–10:00 adds 06:00Z–07:00Z.
    const day = [at('2027-03-27T23:00:00Z'), at('2027-03-28T22:00:00Z')] as const;
    expect(availableMilliseconds([SUNDAYS_9_TO_17, other], [], ...day)).toBe(9 * HOUR);
    expect(availableMilliseconds([SUNDAYS_9_TO_17], [], at('2027-03-28T12:00:00Z'), day[1])).toBe(3 * HOUR);
    expect(availableMilliseconds([], [], ...day)).toBe(0);
  });
});
