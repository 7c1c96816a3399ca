import { describe, expect, it } from 'vitest';
import { parseDate, parseView, stepAnchor, visibleDays } from './calendar-range.ts';

describe('calendar range', () => {
  it('shows the Monday-to-Sunday week of a date, or the day', () => {
    expect(visibleDays('2027-01-06', 'week')).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
      '2027-01-10',
    ]);
    expect(visibleDays('2027-01-10', 'week')[0]).toBe('2027-01-04');
    expect(visibleDays('2027-01-06', 'day')).toEqual(['2027-01-06']);
  });

  it('steps by a day or a week, across months and years', () => {
    expect(stepAnchor('2026-12-31', 'day', 1)).toBe('2027-01-01');
    expect(stepAnchor('2027-01-03', 'week', -1)).toBe('2026-12-27');
  });

  it('reads only real dates and known views from the address', () => {
    expect(parseDate('2027-02-29')).toBeUndefined();
    expect(parseDate('2028-02-29')).toBe('2028-02-29');
    expect(parseDate('soon')).toBeUndefined();
    expect(parseView('week')).toBe('week');
    expect(parseView('month')).toBeUndefined();
  });
});
