import { scriptConfig } from '../script-config.ts';
import type { Translation } from './translation.ts';

export type TableModule = { default: Translation };

/**
 * Every language but English (which is built in), each loaded only when a widget needs it. Run from
 * sources (the component tests), each is the dynamic import of its TypeScript module. The build
 * (widget/rollup.config.js) builds each table to dist/locales/<lang>.<hash>.js and rewrites these
 * imports: widget.js imports `localeUrl(file)`, widget.esm.js imports "./locales/<file>".
 *
 * A new language: its table in `<lang>.ts` (a default export) and one line here, in this form.
 */
export const localeFiles: Record<string, () => Promise<TableModule>> = {
  es: () => import('./es.ts'),
};

/**
 * A built language file's URL: on the API, next to widget.js (GET /locales/<file>). Absolute,
 * because a classic script has no URL of its own to resolve against at import time; tenants' pages
 * are on other origins, so the API answers these with CORS `*`.
 */
export function localeUrl(file: string, apiBase = scriptConfig.apiBase): string {
  return new URL(`/locales/${file}`, apiBase).href;
}
