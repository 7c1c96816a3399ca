import { en } from './en.ts';
import { es } from './es.ts';
import type { Translation } from './translation.ts';

const TABLES: Record<string, Translation> = { en, es };

/** The table for a BCP 47 locale ("es-MX" → es); English when the language has none. */
export function translationFor(locale: string): Translation {
  return TABLES[locale.toLowerCase().split('-')[0] ?? ''] ?? en;
}
