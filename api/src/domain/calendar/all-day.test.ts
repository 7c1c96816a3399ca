import { describe, expect, it } from 'vitest';
import { isAllDay } from './all-day.ts';

describe('isAllDay', () => {
  it('is whole local days, including a 23-hour day of a clock change', () => {
    expect(
      isAllDay(new Date('2027-01-04T23:00:00Z'), new Date('2027-01-05T23:00:00Z'), 'Europe/Berlin'),
    ).toBe(true);
    // 28 March 2027: Berlin springs forward, the day has 23 hours.
    expect(
      isAllDay(new Date('2027-03-27T23:00:00Z'), new Date('2027-03-28T22:00:00Z'), 'Europe/Berlin'),
    ).toBe(true);
  });

  it('is not a timed block, nor midnight in another zone', () => {
    expect(
      isAllDay(new Date('2027-01-05T09:00:00Z'), new Date('2027-01-05T10:00:00Z'), 'Europe/Berlin'),
    ).toBe(false);
    expect(
      isAllDay(new Date('2027-01-05T00:00:00Z'), new Date('2027-01-06T00:00:00Z'), 'Europe/Berlin'),
    ).toBe(false);
    expect(isAllDay(new Date('2027-01-05T00:00:00Z'), new Date('2027-01-06T00:00:00Z'), 'UTC')).toBe(true);
  });
});
