import { describe, expect, it } from 'vitest';
import { summaryPeriod } from './summary-period.ts';

const iso = (period: ReturnType<typeof summaryPeriod>) =>
  Object.fromEntries(
    Object.entries(period).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );

describe('summaryPeriod (Europe/Berlin)', () => {
  it('on a Monday morning: the week has just begun, last week runs to last Monday at the same time', () => {
    expect(iso(summaryPeriod(new Date('2027-03-22T08:30:00Z'), 'Europe/Berlin'))).toEqual({
      now: '2027-03-22T08:30:00.000Z',
      today: '2027-03-22',
      todayFrom: '2027-03-21T23:00:00.000Z',
      todayTo: '2027-03-22T23:00:00.000Z',
      weekFrom: '2027-03-21T23:00:00.000Z',
      weekTo: '2027-03-28T22:00:00.000Z',
      weekStart: '2027-03-22',
      lastWeekStart: '2027-03-15',
      lastWeekFrom: '2027-03-14T23:00:00.000Z',
      lastWeekTo: '2027-03-15T08:30:00.000Z',
    });
  });

  it('on the Sunday the clocks go forward: a 23-hour day, last week at the same wall time (an hour more in UTC)', () => {
    // 28 March 2027, 18:00 CEST (+2) = 16:00Z; a week before, 21 March 18:00 CET (+1) = 17:00Z.
    expect(iso(summaryPeriod(new Date('2027-03-28T16:00:00Z'), 'Europe/Berlin'))).toEqual({
      now: '2027-03-28T16:00:00.000Z',
      today: '2027-03-28',
      todayFrom: '2027-03-27T23:00:00.000Z',
      todayTo: '2027-03-28T22:00:00.000Z',
      weekFrom: '2027-03-21T23:00:00.000Z',
      weekTo: '2027-03-28T22:00:00.000Z',
      weekStart: '2027-03-22',
      lastWeekStart: '2027-03-15',
      lastWeekFrom: '2027-03-14T23:00:00.000Z',
      lastWeekTo: '2027-03-21T17:00:00.000Z',
    });
  });

  it('counts weeks across a month and a year end', () => {
    const period = summaryPeriod(new Date('2027-01-01T12:00:00Z'), 'Europe/Berlin');
    expect([period.weekStart, period.lastWeekStart]).toEqual(['2026-12-28', '2026-12-21']);
  });
});
