import { scriptConfig } from '../script-config.ts';
// A type-only import (erased): the one import() below is the one the build rewrites.
import type * as PaymentForm from './payment-form.ts';

export type PaymentModule = typeof PaymentForm;

let loaded: Promise<PaymentModule> | undefined;
/** Failed loads so far: each retry asks for another URL (see chunkUrl). */
let failures = 0;

/**
 * The payment step's code (payment-form.ts, with Stripe.js's loader), loaded only when a booking
 * is to be paid by card, so pages that never take a payment never download it. Run from sources
 * (the component tests), it is the dynamic import of the TypeScript module; the build
 * (widget/rollup.config.js) builds it to dist/chunks/payment-form.<hash>.js and rewrites this
 * import as it does the language files': widget.js imports `chunkUrl(file)`, widget.esm.js
 * "./chunks/<file>". Loaded once per page; a failed load is tried again on the next call.
 */
export function loadPaymentModule(): Promise<PaymentModule> {
  loaded ??= import('./payment-form.ts').catch((error: unknown) => {
    loaded = undefined;
    failures += 1;
    throw error;
  });
  return loaded;
}

/**
 * A built chunk's URL: on the API, next to widget.js (GET /chunks/<file>), absolute for the reason
 * localeUrl gives. A page keeps a module that failed to load as failed for good (the module map
 * holds the failure under its URL, and Chromium does not fetch it again), so a retry after a
 * failure asks for `?retry=N`, which the API ignores.
 */
export function chunkUrl(file: string, apiBase = scriptConfig.apiBase): string {
  return new URL(`/chunks/${file}${failures ? `?retry=${failures}` : ''}`, apiBase).href;
}
