import { Faults } from '../request-faults.ts';

export type { RequestPattern } from '../request-faults.ts';

/**
 * Failures a test asks of the fake Google: the next matching requests answer this HTTP status (500
 * by default) with Google's error shape, or never answer ('hang'), doing nothing either way.
 * Patterns as in ../request-faults.ts, e.g. `'POST /calendar/v3/calendars/*\/events'` or `'/token'`.
 */
export class GoogleFaults extends Faults<number | 'hang'> {}
