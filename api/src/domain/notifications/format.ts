import { DateTime } from 'luxon';
import type { Locale } from './message-kinds.ts';

/**
 * Dates, times and money as a reader of `locale` writes them (Intl through luxon). Times are
 * shown in the reader's zone with its UTC offset, so the hour that a fall-back night repeats
 * (02:30 twice in Berlin on 31 October 2027) still names one instant.
 */

export interface FormattedWhen {
  /** "Sunday, March 28, 2027" / "domingo, 28 de marzo de 2027" */
  date: string;
  /** "10:00 AM (Europe/Berlin, UTC+02:00)" / "10:00 (Europe/Berlin, UTC+02:00)" */
  time: string;
}

export function formatWhen(instant: Date, zone: string, locale: Locale): FormattedWhen {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  const time = local.toLocaleString({ hour: 'numeric', minute: '2-digit' });
  return {
    date: local.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    // Newer ICU puts a narrow no-break space before "AM"; plain-text mail readers show it oddly.
    time: `${time.replace(/\u202f/g, ' ')} (${zone}, UTC${local.toFormat('ZZ')})`,
  };
}

/** Minor units in their currency's own number of decimals (EUR 2, JPY 0): "€45.00", "45,00 €". */
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** decimals);
}
