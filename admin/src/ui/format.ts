/** How the console writes money and times: Intl, in the business's zone and currency. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 1250, 'EUR' → '€12.50'. Minor units by the currency's own digits (JPY has none). */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    moneyFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** '12.50' in a currency's major units → 1250; null when it is not an amount. */
export function parseMoney(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(trimmed)) return null;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** An amount in major units for an input's value: 1250, 'EUR' → '12.50'. */
export function moneyInputValue(cents: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (cents / 10 ** digits).toFixed(digits);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  zone: string,
  options: Intl.DateTimeFormatOptions,
  locale?: string,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${zone}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** 'Mon, Mar 1, 9:30 AM' in the zone. */
export function formatDateTime(iso: string | Date, zone: string, locale?: string): string {
  return dateTimeFormat(
    zone,
    { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
    locale,
  ).format(new Date(iso));
}

/** The day of an instant in the zone, with the year: 'Mar 1, 2027'. */
export function formatDate(iso: string | Date, zone: string, locale?: string): string {
  return dateTimeFormat(zone, { month: 'short', day: 'numeric', year: 'numeric' }, locale).format(
    new Date(iso),
  );
}

/** '9:30 AM' in the zone. */
export function formatTime(iso: string | Date, zone: string, locale?: string): string {
  return dateTimeFormat(zone, { hour: 'numeric', minute: '2-digit' }, locale).format(new Date(iso));
}

/** A YYYY-MM-DD date as 'Monday, March 1, 2027' (no zone: a date is a date). */
export function formatLongDate(date: string, locale?: string): string {
  return dateTimeFormat(
    'UTC',
    { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
    locale,
  ).format(new Date(`${date}T12:00:00Z`));
}

/** A YYYY-MM-DD date as 'Mon 1' for a calendar column. */
export function formatShortDay(date: string, locale?: string): string {
  return dateTimeFormat('UTC', { weekday: 'short', day: 'numeric' }, locale).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** 'CONFIRMED' → 'Confirmed', 'NO_SHOW' → 'No show'. */
export function humanize(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
