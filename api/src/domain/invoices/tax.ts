/**
 * Tax on an invoice, in integer minor units of its currency (cents for EUR, yen for JPY: the
 * rounding is to the currency's smallest unit either way, so zero-decimal currencies need no case
 * of their own). One rate per invoice, applied to its total once, so the lines' sum and the total
 * never disagree by a rounded cent.
 */

/** 100 % in basis points: 1900 is 19 %. */
export const MAX_TAX_RATE_BASIS_POINTS = 10_000;

export interface TaxRule {
  rateBasisPoints: number;
  /** true: prices include the tax (it is taken out of them); false: it is added on top. */
  inclusive: boolean;
}

export interface TaxedAmount {
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
}

/**
 * The subtotal, tax and total of `amountCents` of prices under `rule`. Halves round up (amounts
 * are never negative here). Worked examples at 19 %: inclusive 5000 → tax round(5000·1900/11900)
 * = round(798.32) = 798, subtotal 4202; exclusive 5000 → tax 950, total 5950.
 */
export function taxOf(amountCents: number, rule: TaxRule): TaxedAmount {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError(`An amount to tax must be whole minor units, not ${amountCents}`);
  }
  const rate = rule.rateBasisPoints;
  if (!Number.isInteger(rate) || rate < 0 || rate > MAX_TAX_RATE_BASIS_POINTS) {
    throw new RangeError(`A tax rate is 0–${MAX_TAX_RATE_BASIS_POINTS} basis points, not ${rate}`);
  }
  if (rule.inclusive) {
    const taxCents = roundedQuotient(amountCents * rate, MAX_TAX_RATE_BASIS_POINTS + rate);
    return { subtotalCents: amountCents - taxCents, taxCents, totalCents: amountCents };
  }
  const taxCents = roundedQuotient(amountCents * rate, MAX_TAX_RATE_BASIS_POINTS);
  return { subtotalCents: amountCents, taxCents, totalCents: amountCents + taxCents };
}

/** round(numerator / denominator), halves up, in integers (2e9 cents × 1e4 stays below 2^53). */
function roundedQuotient(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** "19 %", "7.5 %": a rate for people. */
export function ratePercent(rateBasisPoints: number): string {
  return `${rateBasisPoints / 100} %`;
}
