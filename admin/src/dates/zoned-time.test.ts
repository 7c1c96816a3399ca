import { describe, expect, it } from 'vitest';
import { addDays, minutesIntoDay, offsetMinutes, wallTime, weekStart, zonedToUtc } from './zoned-time.ts';

describe('zoned time', () => {
  it('reads wall times and offsets in a zone', () => {
    const instant = new Date('2027-01-15T08:30:00Z');
    expect(wallTime(instant, 'Europe/Berlin')).toEqual({ date: '2027-01-15', hour: 9, minute: 30 });
    expect(offsetMinutes(instant, 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(new Date('2027-07-15T08:30:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(instant, 'America/St_Johns')).toBe(-210);
    expect(minutesIntoDay(instant, 'Asia/Kolkata')).toBe(14 * 60);
  });

  it('turns a wall time into its instant, across both DST changes', () => {
    expect(zonedToUtc('2027-01-15', 9 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2027-01-15T08:30:00.000Z',
    );
    expect(zonedToUtc('2027-07-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2027-07-15T07:00:00.000Z');
    // 28 March 2027: 02:00 → 03:00 in Berlin. 01:30 is still winter time, 03:30 summer time.
    expect(zonedToUtc('2027-03-28', 90, 'Europe/Berlin').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(zonedToUtc('2027-03-28', 210, 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 02:30 does not exist: read with the winter offset, it lands at 03:30 summer time.
    expect(zonedToUtc('2027-03-28', 150, 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 31 October 2027: 02:30 happens twice; the first (summer time) is taken.
    expect(zonedToUtc('2027-10-31', 150, 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('counts days and finds the Monday of a week', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(weekStart('2027-03-28')).toBe('2027-03-22'); // a Sunday
    expect(weekStart('2027-03-22')).toBe('2027-03-22');
  });
});
