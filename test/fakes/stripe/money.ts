/** Amounts are integers in the currency's smallest unit (https://docs.stripe.com/currencies). */

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'vnd',
  'xaf',
  'xof',
  'xpf',
]);

/** `2500, 'usd'` → `$25.00`, as Stripe writes amounts in its error messages. */
export function formatAmount(amount: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? amount : amount / 100;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(
    major,
  );
}

/**
 * The smallest charge Stripe accepts, roughly 50 US cents in each currency
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts); a few common ones.
 */
const MINIMUM: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, jpy: 50 };

export function minimumAmount(currency: string): number {
  return MINIMUM[currency] ?? 50;
}
