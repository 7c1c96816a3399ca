import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { MAX_PERIOD_DAYS, periodOfDays } from './period.ts';

describe('periodOfDays', () => {
  it("runs from the first day's local midnight to the midnight after the last", () => {
    expect(periodOfDays({ startDate: '2027-03-10', endDate: '2027-03-12' }, 'Europe/Berlin')).toEqual({
      from: new Date('2027-03-09T23:00:00Z'),
      to: new Date('2027-03-12T23:00:00Z'),
    });
  });

  it('ends at the local midnight of a day that lost an hour to daylight saving', () => {
    // 28 March 2027: Berlin moves from UTC+1 to UTC+2, so that day is 23 hours long.
    expect(periodOfDays({ startDate: '2027-03-28', endDate: '2027-03-28' }, 'Europe/Berlin')).toEqual({
      from: new Date('2027-03-27T23:00:00Z'),
      to: new Date('2027-03-28T22:00:00Z'),
    });
  });

  it(`takes 1 to ${MAX_PERIOD_DAYS} days, counted on the calendar`, () => {
    expect(() =>
      periodOfDays({ startDate: '2027-01-01', endDate: '2027-04-03' }, 'Pacific/Auckland'),
    ).not.toThrow();
    for (const [startDate, endDate] of [
      ['2027-01-01', '2027-04-04'],
      ['2027-03-02', '2027-03-01'],
    ] as const) {
      expect(() => periodOfDays({ startDate, endDate }, 'Europe/Berlin')).toThrow(ValidationError);
    }
  });
});
