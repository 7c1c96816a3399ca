import type { CurrencyRevenue } from './revenue-report.ts';

export interface WeekFigures {
  grossCents: number;
  netCents: number;
}

export interface CurrencyWeeks {
  currency: string;
  thisWeek: WeekFigures;
  lastWeek: WeekFigures;
}

/**
 * This week's and last week's same span side by side, one entry per currency that moved in
 * either (alphabetical), zeros where one of them had none.
 */
export function weekAgainstWeek(
  thisWeek: readonly CurrencyRevenue[],
  lastWeek: readonly CurrencyRevenue[],
): CurrencyWeeks[] {
  const figuresOf = (report: readonly CurrencyRevenue[], currency: string): WeekFigures => {
    const totals = report.find((entry) => entry.currency === currency)?.totals;
    return { grossCents: totals?.grossCents ?? 0, netCents: totals?.netCents ?? 0 };
  };
  const currencies = [...new Set([...thisWeek, ...lastWeek].map((entry) => entry.currency))].sort();
  return currencies.map((currency) => ({
    currency,
    thisWeek: figuresOf(thisWeek, currency),
    lastWeek: figuresOf(lastWeek, currency),
  }));
}
