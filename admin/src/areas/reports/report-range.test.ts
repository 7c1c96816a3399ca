import { describe, expect, it } from 'vitest';
import {
  daysIn,
  defaultInterval,
  exportsAllowed,
  intervalsFor,
  presetOf,
  presetRange,
  rangeProblem,
  readReportQuery,
} from './report-range.ts';

describe('report range presets', () => {
  it('gives whole months, the last 30 days and the whole year', () => {
    expect(presetRange('this-month', '2027-02-10')).toEqual({
      startDate: '2027-02-01',
      endDate: '2027-02-28',
    });
    expect(presetRange('this-month', '2028-02-10')).toEqual({
      startDate: '2028-02-01',
      endDate: '2028-02-29',
    });
    expect(presetRange('last-month', '2027-03-31')).toEqual({
      startDate: '2027-02-01',
      endDate: '2027-02-28',
    });
    expect(presetRange('last-30-days', '2027-03-05')).toEqual({
      startDate: '2027-02-04',
      endDate: '2027-03-05',
    });
    expect(presetRange('this-year', '2027-07-01')).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
  });

  it('crosses the year back to December for last month in January', () => {
    expect(presetRange('last-month', '2027-01-15')).toEqual({
      startDate: '2026-12-01',
      endDate: '2026-12-31',
    });
  });

  it('recognises a preset and nothing else', () => {
    expect(presetOf({ startDate: '2027-02-01', endDate: '2027-02-28' }, '2027-02-10')).toBe('this-month');
    expect(presetOf({ startDate: '2027-02-01', endDate: '2027-02-27' }, '2027-02-10')).toBeUndefined();
  });
});

describe('report range limits', () => {
  it('counts both ends', () => {
    expect(daysIn({ startDate: '2027-03-01', endDate: '2027-03-01' })).toBe(1);
    // Across Berlin's spring change (28 March): still whole days.
    expect(daysIn({ startDate: '2027-03-01', endDate: '2027-03-31' })).toBe(31);
  });

  it('explains what the API would refuse', () => {
    expect(rangeProblem({ startDate: '2027-03-02', endDate: '2027-03-01' })).toMatch(/before the start/);
    expect(rangeProblem({ startDate: '2027-01-01', endDate: '2028-01-02' })).toMatch(/at most 366/);
    expect(rangeProblem({ startDate: '2027-02-30', endDate: '2027-03-01' })).toBe('Enter both dates.');
    expect(rangeProblem({ startDate: '', endDate: '2027-03-01' })).toBe('Enter both dates.');
    expect(rangeProblem({ startDate: '2028-01-01', endDate: '2028-12-31' })).toBeNull();
  });

  it('offers daily buckets and period exports for a quarter at most', () => {
    const quarter = { startDate: '2027-01-01', endDate: '2027-04-03' };
    expect(daysIn(quarter)).toBe(93);
    expect(intervalsFor(quarter)).toContain('day');
    expect(exportsAllowed(quarter)).toBe(true);
    const longer = { startDate: '2027-01-01', endDate: '2027-04-04' };
    expect(intervalsFor(longer)).toEqual(['week', 'month']);
    expect(exportsAllowed(longer)).toBe(false);
  });

  it('picks days for a month, weeks for a quarter, months beyond', () => {
    expect(defaultInterval({ startDate: '2027-03-01', endDate: '2027-03-31' })).toBe('day');
    expect(defaultInterval({ startDate: '2027-03-01', endDate: '2027-05-31' })).toBe('week');
    expect(defaultInterval({ startDate: '2027-01-01', endDate: '2027-12-31' })).toBe('month');
  });
});

describe('the report query of the address', () => {
  it('reads the dates, interval and basis', () => {
    const params = new URLSearchParams('startDate=2027-03-01&endDate=2027-03-31&interval=week&basis=service');
    expect(readReportQuery(params, '2027-06-01')).toEqual({
      startDate: '2027-03-01',
      endDate: '2027-03-31',
      interval: 'week',
      basis: 'service',
    });
  });

  it('falls back to this month, a fitting interval and cash basis', () => {
    expect(readReportQuery(new URLSearchParams('startDate=nonsense'), '2027-06-10')).toEqual({
      startDate: '2027-06-01',
      endDate: '2027-06-30',
      interval: 'day',
      basis: 'cash',
    });
    const year = new URLSearchParams('startDate=2027-01-01&endDate=2027-12-31&interval=day');
    expect(readReportQuery(year, '2027-06-10').interval).toBe('month');
  });
});
