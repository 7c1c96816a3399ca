import { scriptConfig } from '../script-config.ts';
// A type-only import (erased): the one import() below is the one the build rewrites.
import type * as ZoneSearch from './zone-search.ts';

export type ZoneSearchModule = typeof ZoneSearch;

let loaded: Promise<ZoneSearchModule> | undefined;
/** Failed loads so far: each retry asks for another URL (see chunkUrl). */
let failures = 0;

/**
 * The time zone search (zone-search.ts, with its tables of countries and abbreviations: 1.5 KB
 * gzipped), loaded when a client opens "Change time zone", which few do. Built and imported as the
 * payment step is (payment-chunk.ts): dist/chunks/zone-search.<hash>.js, which widget.js imports
 * from `chunkUrl(file)` and widget.esm.js from "./chunks/<file>"; from sources (the component
 * tests), the TypeScript module. Loaded once per page; a failed load is tried again on the next call.
 */
export function loadZoneSearch(): Promise<ZoneSearchModule> {
  loaded ??= import('./zone-search.ts').catch((error: unknown) => {
    loaded = undefined;
    failures += 1;
    throw error;
  });
  return loaded;
}

/** The built chunk's URL on the API, `?retry=N` after a failed load: as payment-chunk.ts's. */
export function chunkUrl(file: string, apiBase = scriptConfig.apiBase): string {
  return new URL(`/chunks/${file}${failures ? `?retry=${failures}` : ''}`, apiBase).href;
}
