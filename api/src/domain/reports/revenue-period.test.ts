import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { MAX_DAILY_REPORT_DAYS, MAX_REPORT_DAYS, reportPeriod } from './revenue-period.ts';

describe('reportPeriod', () => {
  it("runs from the first day's local midnight to the midnight after the last, over a DST change", () => {
    // 28 March 2027: Berlin moves from UTC+1 to UTC+2, so that day is 23 hours long.
    expect(
      reportPeriod({ startDate: '2027-03-27', endDate: '2027-03-29', interval: 'day' }, 'Europe/Berlin'),
    ).toEqual({
      from: new Date('2027-03-26T23:00:00Z'),
      to: new Date('2027-03-29T22:00:00Z'),
      bucketStarts: ['2027-03-27', '2027-03-28', '2027-03-29'],
      // The 28th begins at 23:00 UTC, the 29th 23 hours later, at 22:00 UTC.
      bucketBounds: [
        new Date('2027-03-26T23:00:00Z'),
        new Date('2027-03-27T23:00:00Z'),
        new Date('2027-03-28T22:00:00Z'),
      ],
    });
  });

  it("bounds the first bucket by the period's start, the others by their first day's local midnight", () => {
    const period = reportPeriod(
      { startDate: '2027-03-10', endDate: '2027-04-02', interval: 'month' },
      'Asia/Kolkata',
    );
    expect(period.bucketStarts).toEqual(['2027-03-01', '2027-04-01']);
    // India is UTC+5:30 all year: a zone whose midnights are not on the hour.
    expect(period.bucketBounds).toEqual([new Date('2027-03-09T18:30:00Z'), new Date('2027-03-31T18:30:00Z')]);
  });

  it('names weeks by their ISO Monday, the first one before startDate when the range starts mid-week', () => {
    // Wednesday 10 March 2027 to Monday 22 March 2027.
    expect(
      reportPeriod({ startDate: '2027-03-10', endDate: '2027-03-22', interval: 'week' }, 'Europe/Berlin')
        .bucketStarts,
    ).toEqual(['2027-03-08', '2027-03-15', '2027-03-22']);
    // A week across a year's end is one bucket: Monday 28 December 2026 holds 1 January 2027.
    expect(
      reportPeriod({ startDate: '2027-01-01', endDate: '2027-01-04', interval: 'week' }, 'UTC').bucketStarts,
    ).toEqual(['2026-12-28', '2027-01-04']);
  });

  it('names months by their 1st, every month of the range, February included', () => {
    expect(
      reportPeriod({ startDate: '2027-01-31', endDate: '2027-04-01', interval: 'month' }, 'Pacific/Auckland')
        .bucketStarts,
    ).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01']);
    expect(
      reportPeriod({ startDate: '2028-01-01', endDate: '2028-12-31', interval: 'month' }, 'UTC').bucketStarts,
    ).toHaveLength(12);
  });

  it(`takes 1 to ${MAX_REPORT_DAYS} days, and ${MAX_DAILY_REPORT_DAYS} by day`, () => {
    const period = (startDate: string, endDate: string, interval: 'day' | 'week' | 'month') => () =>
      reportPeriod({ startDate, endDate, interval }, 'Europe/Berlin');
    // 2028 is a leap year: 366 days.
    expect(period('2028-01-01', '2028-12-31', 'month')).not.toThrow();
    expect(period('2028-01-01', '2028-12-31', 'week')).not.toThrow();
    expect(period('2027-01-01', '2028-01-01', 'month')).not.toThrow();
    expect(period('2027-01-01', '2028-01-02', 'month')).toThrow(ValidationError);
    expect(period('2027-01-01', '2027-04-03', 'day')).not.toThrow();
    expect(period('2027-01-01', '2027-04-04', 'day')).toThrow(ValidationError);
    expect(period('2027-03-02', '2027-03-01', 'week')).toThrow(ValidationError);
    expect(period('2027-03-01', '2027-03-01', 'month')).not.toThrow();
  });
});
