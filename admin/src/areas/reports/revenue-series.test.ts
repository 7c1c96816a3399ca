import { describe, expect, it } from 'vitest';
import { bucketLabel, minorDigits, revenueSeries } from './revenue-series.ts';

describe('revenue series', () => {
  it('puts buckets at even positions in major units', () => {
    const series = revenueSeries(
      [
        { start: '2027-03-01', grossCents: 12000, refundsCents: -3500, netCents: 8150 },
        { start: '2027-03-08', grossCents: 0, refundsCents: 0, netCents: 0 },
      ],
      'week',
      2,
      'en-US',
    );
    expect(series).toEqual({
      labels: ['Week of Mar 1', 'Week of Mar 8'],
      x: [0, 1],
      gross: [120, 0],
      refunds: [-35, 0],
      net: [81.5, 0],
    });
  });

  it('labels days, weeks and months without a zone shift', () => {
    expect(bucketLabel('2027-03-01', 'day', 'en-US')).toBe('Mar 1');
    expect(bucketLabel('2027-12-01', 'month', 'en-US')).toBe('Dec 2027');
  });

  it('knows currencies without minor units', () => {
    expect(minorDigits('eur')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });
});
