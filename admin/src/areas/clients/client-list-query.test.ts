import { describe, expect, it } from 'vitest';
import {
  daysInRange,
  defaultRange,
  isDate,
  listQueryParams,
  rangeProblem,
  readListQuery,
} from './client-list-query.ts';

describe('the clients list query', () => {
  it('defaults to the 366 days ending today', () => {
    expect(defaultRange('2027-03-01')).toEqual({ from: '2026-03-01', to: '2027-03-01' });
    expect(daysInRange('2026-03-01', '2027-03-01')).toBe(366);
    // A leap year's 366 days start on the same date a year before, plus one.
    expect(defaultRange('2028-12-31')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('reads q and the dates from the address, falling back on malformed dates', () => {
    const today = '2027-03-01';
    expect(readListQuery(new URLSearchParams('q=ada&from=2027-01-01&to=2027-02-01'), today)).toEqual({
      q: 'ada',
      from: '2027-01-01',
      to: '2027-02-01',
    });
    expect(readListQuery(new URLSearchParams('from=2027-02-30&to=soon'), today)).toEqual({
      q: '',
      ...defaultRange(today),
    });
  });

  it('writes only what differs from the default, the search trimmed', () => {
    const today = '2027-03-01';
    expect(listQueryParams({ q: '  ada ', ...defaultRange(today) }, today)).toEqual({
      q: 'ada',
      from: undefined,
      to: undefined,
    });
    expect(listQueryParams({ q: '', from: '2027-01-01', to: today }, today)).toEqual({
      q: undefined,
      from: '2027-01-01',
      to: today,
    });
  });

  it('says what is wrong with a period', () => {
    expect(rangeProblem('2027-01-01', '2027-01-01')).toBeNull();
    expect(rangeProblem('2027-01-02', '2027-01-01')).toBe('The first day is after the last day.');
    expect(rangeProblem('2026-01-01', '2027-01-02')).toBe('Choose at most 366 days.');
    expect(rangeProblem('', '2027-01-01')).toBe('Enter both dates.');
    expect(isDate('2027-02-28')).toBe(true);
    expect(isDate('2027-2-28')).toBe(false);
  });
});
