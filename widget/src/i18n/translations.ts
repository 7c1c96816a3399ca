import { en } from './en.ts';
import { localeFiles } from './locale-files.ts';
import type { Translation } from './translation.ts';

/** The tables this page has, by language; English is built in. Shared by every widget on the page. */
const tables = new Map<string, Translation>([['en', en]]);
/** Loads under way or done, so a language is fetched once however many widgets speak it. */
const loads = new Map<string, Promise<Translation>>();

/** The language whose table a BCP 47 locale uses ("es-MX" → "es"); "en" when there is none. */
export function languageOf(locale: string): string {
  const language = locale.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(localeFiles, language) ? language : 'en';
}

/** The table of `language` (from `languageOf`) if this page has it already. */
export function loadedTranslation(language: string): Translation | undefined {
  return tables.get(language);
}

/**
 * The table of `language` (from `languageOf`), loading its file the first time. Never rejects: a
 * file that fails to load (offline, a stale hash, a broken file) gives English, said once in the
 * console, and English stays that language's table on this page.
 */
export function loadTranslation(language: string): Promise<Translation> {
  const table = tables.get(language);
  if (table) return Promise.resolve(table);
  let load = loads.get(language);
  if (!load) {
    const importTable = Object.hasOwn(localeFiles, language) ? localeFiles[language] : undefined;
    // In a .then, so that even a synchronous throw (a bad URL) becomes the English fallback.
    load = Promise.resolve()
      .then(() => (importTable ? importTable() : Promise.reject(new Error('no such language'))))
      .then(({ default: loaded }) => {
        if (typeof loaded?.$code !== 'string') throw new Error('not a translation table');
        return loaded;
      })
      .catch((error: unknown) => {
        console.warn(
          `[mais] The "${language}" texts could not be loaded, so the widget shows English.`,
          error,
        );
        return en;
      })
      .then((loaded) => {
        tables.set(language, loaded);
        return loaded;
      });
    loads.set(language, load);
  }
  return load;
}
