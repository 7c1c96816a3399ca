import { describe, expect, it } from 'vitest';
import { monthRange, monthWeeks, overrideLabel, overrideProblems, shiftMonth } from './month-grid.ts';

describe('month grid', () => {
  it('covers a month with whole weeks, Monday first', () => {
    // February 2027 starts on a Monday and has 28 days: exactly four rows.
    const february = monthWeeks('2027-02');
    expect(february).toHaveLength(4);
    expect(february[0]![0]).toEqual({ date: '2027-02-01', inMonth: true });
    expect(february[3]![6]).toEqual({ date: '2027-02-28', inMonth: true });
    // March 2027 starts on a Monday too, May 2027 on a Saturday: days of April fill its first row.
    const may = monthWeeks('2027-05');
    expect(may[0]![0]).toEqual({ date: '2027-04-26', inMonth: false });
    expect(may[0]![5]).toEqual({ date: '2027-05-01', inMonth: true });
    expect(may.at(-1)!.at(-1)).toEqual({ date: '2027-06-06', inMonth: false });
    expect(may.every((week) => week.length === 7)).toBe(true);
  });

  it('knows month ends, leap years and year changes', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2027-12')).toEqual({ from: '2027-12-01', to: '2027-12-31' });
    expect(shiftMonth('2027-12', 1)).toBe('2028-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });
});

describe('overrides', () => {
  it('labels a closed day and special hours', () => {
    expect(overrideLabel({ closed: true, startTime: null, endTime: null })).toBe('Closed');
    expect(overrideLabel({ closed: false, startTime: '10:00', endTime: '14:00' })).toBe('10:00–14:00');
  });

  it('checks a draft before it is sent', () => {
    expect(overrideProblems({ date: '2027-02-01', closed: true, startTime: '', endTime: '' })).toEqual({});
    expect(overrideProblems({ date: '', closed: false, startTime: '', endTime: '' })).toEqual({
      date: 'Choose a date.',
      startTime: 'Give the opening time.',
      endTime: 'Give the closing time.',
    });
    expect(
      overrideProblems({ date: '2027-02-01', closed: false, startTime: '14:00', endTime: '10:00' }),
    ).toEqual({ endTime: 'The closing time must be after the opening time.' });
  });
});
