import { Faults } from '../request-faults.ts';

export type { RequestPattern } from '../request-faults.ts';

/**
 * Failures a test asks of the fake QuickBooks: a status (the request answers it with a Fault and
 * does nothing), or 'lose-answer' (the request is carried out, then the connection is closed
 * without an answer: the client cannot know the receipt was made). Patterns as in
 * ../request-faults.ts, e.g. `'POST /v3/company/*\/salesreceipt'` or `'/token'`.
 */
export type QuickBooksFault = number | 'lose-answer';

export class QuickBooksFaults extends Faults<QuickBooksFault> {}
