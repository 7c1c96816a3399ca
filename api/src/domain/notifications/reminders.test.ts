import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderDecision, reminderPlan, reminderWindowMs } from './reminders.ts';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();
const inBerlin = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Berlin' }).toISO();

describe('reminder instants', () => {
  it('are real minutes before the start: across the spring change "24 h before" is 09:00 the day before', () => {
    // 10:00 CEST on Sunday 28 March 2027, the night the clocks go from 02:00 to 03:00.
    const start = berlin('2027-03-28T10:00');
    expect(start.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    const plan = reminderPlan(start, [1440, 60], new Date('2027-03-01T00:00:00Z'));
    expect(plan.map((r) => [r.offsetMinutes, r.dueAt.toISOString(), inBerlin(r.dueAt)])).toEqual([
      [1440, '2027-03-27T08:00:00.000Z', '2027-03-27T09:00:00.000+01:00'],
      [60, '2027-03-28T07:00:00.000Z', '2027-03-28T09:00:00.000+02:00'],
    ]);
  });

  it('across the autumn change "24 h before" is 11:00 the day before', () => {
    // 10:00 CET on Sunday 31 October 2027, the night the clocks go from 03:00 back to 02:00.
    const start = berlin('2027-10-31T10:00');
    expect(start.toISOString()).toBe('2027-10-31T09:00:00.000Z');
    const plan = reminderPlan(start, [60, 1440], new Date('2027-10-01T00:00:00Z'));
    expect(plan.map((r) => [r.offsetMinutes, inBerlin(r.dueAt)])).toEqual([
      [1440, '2027-10-30T11:00:00.000+02:00'],
      [60, '2027-10-31T09:00:00.000+01:00'],
    ]);
  });

  it('leave out reminders already due when the booking was made, and repeated offsets', () => {
    const start = new Date('2027-05-10T10:00:00Z');
    const bookedAt = new Date('2027-05-10T08:30:00Z'); // 90 minutes ahead
    expect(reminderPlan(start, [1440, 60, 60], bookedAt).map((r) => r.offsetMinutes)).toEqual([60]);
    expect(reminderPlan(start, [], bookedAt)).toEqual([]);
  });

  it('have a window of half the offset, at most 2 hours', () => {
    expect(reminderWindowMs(60)).toBe(30 * 60_000);
    expect(reminderWindowMs(1440)).toBe(2 * 3600_000);
    expect(reminderWindowMs(10)).toBe(5 * 60_000);
    const [reminder] = reminderPlan(new Date('2027-05-10T10:00:00Z'), [60], new Date(0));
    expect(reminder!.sendBy.toISOString()).toBe('2027-05-10T09:30:00.000Z');
  });
});

describe('whether a reminder goes out', () => {
  const plannedStart = new Date('2027-05-10T10:00:00Z');
  const base = {
    status: 'CONFIRMED' as const,
    startTimeUtc: plannedStart,
    plannedStart,
    offsetMinutes: 60,
    now: new Date('2027-05-10T09:00:00Z'),
  };

  it('goes at its time and until the end of its window', () => {
    expect(reminderDecision(base)).toEqual({ send: true });
    expect(reminderDecision({ ...base, now: new Date('2027-05-10T09:30:00Z') })).toEqual({ send: true });
  });

  it('is skipped past its window (the server was down), never sent late', () => {
    expect(reminderDecision({ ...base, now: new Date('2027-05-10T09:30:00.001Z') })).toEqual({
      send: false,
      reason: 'past_window',
    });
  });

  it('is skipped for a booking cancelled, completed or moved since it was planned', () => {
    expect(reminderDecision({ ...base, status: 'CANCELLED' })).toEqual({
      send: false,
      reason: 'not_confirmed',
    });
    expect(reminderDecision({ ...base, startTimeUtc: new Date('2027-05-11T10:00:00Z') })).toEqual({
      send: false,
      reason: 'moved',
    });
  });
});
