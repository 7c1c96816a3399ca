/**
 * Money is an integer number of minor units (cents) with an ISO 4217 code.
 * Never a float.
 */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}
