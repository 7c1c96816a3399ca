import { describe, expect, it } from 'vitest';
import { emptyFigures } from './revenue-fields.ts';
import type { CurrencyRevenue } from './revenue-report.ts';
import { weekAgainstWeek } from './summary-revenue.ts';

const revenue = (currency: string, grossCents: number, netCents: number): CurrencyRevenue => ({
  currency,
  buckets: [],
  totals: { ...emptyFigures(), grossCents, netCents },
});

describe('weekAgainstWeek', () => {
  it('pairs currencies of either week, zeros where one had none', () => {
    expect(
      weekAgainstWeek(
        [revenue('USD', 100, 90), revenue('EUR', 50, 40)],
        [revenue('EUR', 10, -5), revenue('CHF', 7, 7)],
      ),
    ).toEqual([
      { currency: 'CHF', thisWeek: { grossCents: 0, netCents: 0 }, lastWeek: { grossCents: 7, netCents: 7 } },
      {
        currency: 'EUR',
        thisWeek: { grossCents: 50, netCents: 40 },
        lastWeek: { grossCents: 10, netCents: -5 },
      },
      {
        currency: 'USD',
        thisWeek: { grossCents: 100, netCents: 90 },
        lastWeek: { grossCents: 0, netCents: 0 },
      },
    ]);
  });

  it('is empty when nothing moved', () => {
    expect(weekAgainstWeek([], [])).toEqual([]);
  });
});
