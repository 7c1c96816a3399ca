import { DateTime } from 'luxon';

/**
 * What a spreadsheet would run as a formula when a CSV cell starts with it (OWASP, "CSV
 * Injection"): =, +, - and @, and a tab or carriage return ahead of one of them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text someone else typed (a client's name, email or phone, a service's or provider's name), made
 * safe to open in Excel, LibreOffice or Google Sheets: a cell that would start a formula gets a
 * leading apostrophe, which spreadsheets read as "this is text". So "=HYPERLINK(…)" arrives as
 * "'=HYPERLINK(…)" and "+49 30 1234567" as "'+49 30 1234567". Numbers we write ourselves (a
 * negative amount) are left alone: they are numbers, not formulas.
 */
export function spreadsheetText(text: string | null): string | null {
  return text !== null && FORMULA_START.test(text) ? `'${text}` : text;
}

const minorDigits = new Map<string, number>();

/** The digits after the decimal point in `currency`'s major unit, as Intl (CLDR) knows them: JPY 0, EUR 2, BHD 3. */
export function minorUnitDigits(currency: string): number {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!;
    minorDigits.set(currency, digits);
  }
  return digits;
}

/**
 * Minor units as a decimal of major units, with a point and no grouping, by integer arithmetic
 * (never a float): -150 EUR → "-1.50", 1500 JPY → "1500", 1005 BHD → "1.005".
 */
export function majorUnits(cents: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(cents);
  const scale = 10 ** digits;
  const magnitude = Math.abs(cents);
  const fraction = String(magnitude % scale).padStart(digits, '0');
  return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / scale)}.${fraction}`;
}

/**
 * An instant as the wall clock of `zone` shows it, to the minute: "2027-03-28 03:30". On a
 * fall-back night two instants show the same minute, which is why exports carry the UTC instant too.
 */
export function localMinute(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
