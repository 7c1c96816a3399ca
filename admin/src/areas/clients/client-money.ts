import { formatMoney } from '../../ui/format.ts';

/** Amounts in several currencies as one text: '€35.00, $12.00'; `none` when there are none. */
export function formatAmounts(
  amounts: ReadonlyArray<{ currency: string; cents: number }>,
  none: string,
): string {
  if (amounts.length === 0) return none;
  return amounts.map((amount) => formatMoney(amount.cents, amount.currency)).join(', ');
}
