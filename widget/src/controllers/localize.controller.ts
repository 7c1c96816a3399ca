import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dateAtNoon } from '../dates/calendar-dates.ts';
import { en } from '../i18n/en.ts';
import type { Translation } from '../i18n/translation.ts';
import { languageOf, loadedTranslation, loadTranslation } from '../i18n/translations.ts';

type Host = ReactiveControllerHost & { locale?: string };

const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/**
 * Strings and Intl formatting in the host's `locale` (default: the browser's language). Times follow
 * the locale's own 12/24-hour habit because no hourCycle is forced.
 *
 * English is built in; another language's table is loaded when a host first needs it (on connect,
 * and before each update, as `locale` may change), and the host updates again when it arrives.
 * Until then `loaded` is false and `t` is English: a host that must not flash English waits
 * (<mais-booking> shows its skeleton).
 */
export class LocalizeController implements ReactiveController {
  /** The language whose table this controller is waiting for, so the host is updated once for it. */
  private awaiting = '';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  hostUpdate(): void {
    void this.load();
  }

  /** A valid BCP 47 locale: the host's, else the browser's, else English. */
  get lang(): string {
    for (const candidate of [this.host.locale, navigator.language]) {
      try {
        if (candidate) return Intl.getCanonicalLocales(candidate)[0]!;
      } catch {
        // not a locale: try the next
      }
    }
    return 'en';
  }

  /** The language of the texts: `lang`'s, when the widget has a table for it, else "en". */
  get language(): string {
    return languageOf(this.lang);
  }

  /** Whether `t` is in `language` yet (always, for English and languages without a table). */
  get loaded(): boolean {
    return loadedTranslation(this.language) !== undefined;
  }

  /** Resolves when `t` is in `language` (or English, when its file could not be loaded). */
  get ready(): Promise<void> {
    return this.load();
  }

  /** The texts: English until `language`'s table is here. */
  get t(): Translation {
    return loadedTranslation(this.language) ?? en;
  }

  private load(): Promise<void> {
    const language = this.language;
    const load = loadTranslation(language).then(() => {});
    if (!loadedTranslation(language) && this.awaiting !== language) {
      this.awaiting = language;
      void load.then(() => {
        if (this.awaiting === language) this.awaiting = '';
        this.host.requestUpdate();
      });
    }
    return load;
  }

  private dates(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const lang = this.lang;
    return cached(`d${lang}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options));
  }

  /** Minor units in the currency's own number of decimals (cents for EUR, none for JPY). */
  price(cents: number, currency: string): string {
    const lang = this.lang;
    const format = cached(
      `p${lang}${currency}`,
      () => new Intl.NumberFormat(lang, { style: 'currency', currency }),
    ) as Intl.NumberFormat;
    return format.format(cents / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  }

  /** "50%" (en), "50 %" (es), for a number of percent. */
  percent(percent: number): string {
    return (percent / 100).toLocaleString(this.lang, { style: 'percent', maximumFractionDigits: 2 });
  }

  duration(minutes: number): string {
    return this.unit('minute', 'short').format(minutes);
  }

  /** "24 hours", "1 hora". */
  hours(hours: number): string {
    return this.unit('hour', 'long').format(hours);
  }

  private unit(unit: string, unitDisplay: 'short' | 'long'): Intl.NumberFormat {
    const lang = this.lang;
    return cached(`u${lang}${unit}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay }));
  }

  /** A calendar date "YYYY-MM-DD": "Tuesday, 1 December 2026". */
  date(date: string, style: 'full' | 'long' = 'full'): string {
    return this.dates({ dateStyle: style, timeZone: 'UTC' }).format(dateAtNoon(date));
  }

  /** "December 2026" for "2026-12". */
  month(month: string): string {
    return this.dates({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dateAtNoon(`${month}-01`));
  }

  /** "9:30 AM" (en-US), "9:30" (en-GB, es): the slot grid's times. */
  time(instant: string, zone: string): string {
    return this.dates({ ...TIME, timeZone: zone }).format(new Date(instant));
  }

  /**
   * "Tuesday, December 1, 2026 at 9:30 AM": the summary's, with the time written as `time` writes
   * it. Not dateStyle/timeStyle: timeStyle 'short' pads the hour in some locales ("09:30" in en-GB,
   * de, fr) where the slot grid shows "9:30".
   */
  dateTime(instant: string, zone: string): string {
    return this.dates({ ...DATE, ...TIME, timeZone: zone }).format(new Date(instant));
  }

  /** "Europe/Madrid (GMT+1)": the zone with its offset at `instant`. */
  zone(zone: string, instant = new Date().toISOString()): string {
    const offset = this.dates({ timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value;
    return `${zone.replaceAll('_', ' ')}${offset ? ` (${offset})` : ''}`;
  }

  /** Weekday names from `firstDay` (0 = Sunday), short and long. */
  weekdays(firstDay: number): { short: string; long: string }[] {
    const short = this.dates({ weekday: 'short', timeZone: 'UTC' });
    const long = this.dates({ weekday: 'long', timeZone: 'UTC' });
    // 2023-01-01 was a Sunday.
    return Array.from({ length: 7 }, (_, i) => {
      const day = dateAtNoon(`2023-01-0${1 + ((firstDay + i) % 7)}`);
      return { short: short.format(day), long: long.format(day) };
    });
  }

  /** The locale's first day of the week (0 = Sunday, 1 = Monday). */
  get firstDayOfWeek(): number {
    const locale = new Intl.Locale(this.lang) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1;
    return firstDay % 7;
  }
}
