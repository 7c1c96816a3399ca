import { Faults } from '../request-faults.ts';

export type { RequestPattern } from '../request-faults.ts';

/**
 * Failures a test asks of the fake Stripe. `500`: Stripe answers 500 api_error without doing
 * anything (stripe-node retries it when maxNetworkRetries allows). `'timeout'`: the request is never
 * processed and never answered; the client gives up after its own `timeout`.
 * `'timeout_after_processing'`: Stripe did the work (and saved the idempotent answer) but the answer
 * never arrives: the case that makes a retry with the same Idempotency-Key necessary.
 */
export type FaultKind = 500 | 'timeout' | 'timeout_after_processing';

export class StripeFaults extends Faults<FaultKind> {}
