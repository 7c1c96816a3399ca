/**
 * An amount in minor units as the decimal string schema.org's `price` expects: 5000 EUR → "50.00",
 * 5000 JPY → "5000" (the currency's own number of decimals, from the platform's ICU data).
 */
export function decimalPrice(minorUnits: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const negative = minorUnits < 0;
  const whole = String(Math.abs(minorUnits)).padStart(digits + 1, '0');
  const text = digits === 0 ? whole : `${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
  return negative ? `-${text}` : text;
}
