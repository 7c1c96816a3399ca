import { describe, expect, it } from 'vitest';
import { anyFilter, cleanSearch, filtersFromQuery, filtersProblem, filtersToQuery } from './list-filters.ts';

const PROVIDER = '6f1c2a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';

describe('the list filters in the address', () => {
  it('reads every filter, and writes back only those set', () => {
    const filters = filtersFromQuery(
      new URLSearchParams(
        `startDate=2027-03-01&endDate=2027-03-07&status=CONFIRMED&providerId=${PROVIDER}&paymentStatus=PAID&q=%20ada%20`,
      ),
    );
    expect(filters).toEqual({
      startDate: '2027-03-01',
      endDate: '2027-03-07',
      status: 'CONFIRMED',
      providerId: PROVIDER,
      paymentStatus: 'PAID',
      q: 'ada',
    });
    expect(filtersToQuery(filters)).toEqual(filters);
    expect(filtersToQuery({ status: undefined, q: '' })).toEqual({});
  });

  it('drops what the API would refuse: bad dates, unknown statuses, non-ids, a range the wrong way round', () => {
    expect(
      filtersFromQuery(
        new URLSearchParams('startDate=2027-3-1&status=MAYBE&serviceId=x&paymentStatus=paid&q=%20'),
      ),
    ).toEqual({});
    expect(filtersFromQuery(new URLSearchParams('startDate=2027-03-09&endDate=2027-03-02'))).toEqual({
      startDate: '2027-03-09',
    });
  });

  it('cleans a search: trimmed, no NUL, at most 100 characters', () => {
    expect(cleanSearch('  a\u0000da ')).toBe('ada');
    expect(cleanSearch('x'.repeat(150))).toHaveLength(100);
    expect(cleanSearch('   ')).toBeUndefined();
    expect(cleanSearch(null)).toBeUndefined();
  });

  it('says when the days are the wrong way round, and whether anything is filtered', () => {
    expect(filtersProblem({ startDate: '2027-03-09', endDate: '2027-03-02' })).toBe(
      'The last day is before the first day.',
    );
    expect(filtersProblem({ startDate: '2027-03-02', endDate: '2027-03-02' })).toBeNull();
    expect(anyFilter({})).toBe(false);
    expect(anyFilter({ q: 'ada' })).toBe(true);
  });
});
