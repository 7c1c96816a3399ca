import type { LedgerEntryKind } from '../../generated/prisma/enums.ts';
import { addKind, emptyFigures, sumFigures, type RevenueFigures } from './revenue-fields.ts';

/** One row of the report's GROUP BY: a currency's sum of one kind in one bucket. */
export interface BucketKindSum {
  currency: string;
  /** The bucket's first day, "YYYY-MM-DD" (date_trunc of the local time). */
  bucket: string;
  kind: LedgerEntryKind;
  cents: number;
}

export interface RevenueBucket extends RevenueFigures {
  start: string;
}

export interface CurrencyRevenue {
  currency: string;
  buckets: RevenueBucket[];
  totals: RevenueFigures;
}

/**
 * The GROUP BY's sums as a report: one entry per currency that moved (alphabetical; currencies
 * are never added together), each with every bucket of the period in order, zeros where nothing
 * moved, so a chart needs no gap filling. Throws RangeError for a sum outside `bucketStarts`:
 * the SQL and the domain would disagree on buckets, and a silently dropped sum is wrong money.
 */
export function revenueByCurrency(
  sums: readonly BucketKindSum[],
  bucketStarts: readonly string[],
): CurrencyRevenue[] {
  const currencies = [...new Set(sums.map((sum) => sum.currency))].sort();
  return currencies.map((currency) => {
    const byStart = new Map(bucketStarts.map((start) => [start, emptyFigures()]));
    for (const sum of sums) {
      if (sum.currency !== currency) continue;
      const figures = byStart.get(sum.bucket);
      if (!figures) throw new RangeError(`A sum in bucket ${sum.bucket}, which is not in the period`);
      addKind(figures, sum.kind, sum.cents);
    }
    const buckets = bucketStarts.map((start) => ({ start, ...byStart.get(start)! }));
    return { currency, buckets, totals: sumFigures([...byStart.values()]) };
  });
}
