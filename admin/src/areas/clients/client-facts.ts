import type { ClientHistory } from '@mais/sdk';

/** An amount in one currency (minor units). */
export interface Amount {
  currency: string;
  cents: number;
}

/** What the client page says about a client, from their history (GET …/reports/clients/:email). */
export interface ClientFacts {
  bookings: number;
  /** COMPLETED appointments, as the clients report counts visits. */
  visits: number;
  noShows: number;
  cancellations: number;
  /** Starts of the first and latest COMPLETED appointment (ISO instants). */
  firstVisit: string | null;
  lastVisit: string | null;
  /** The soonest PENDING or CONFIRMED appointment starting after now. */
  next: { id: string; startTimeUtc: string } | null;
  /** Net money received (payments less refunds and fees), per currency with money; the lifetime value. */
  spent: Amount[];
  /** What the client still owes now, per currency with something owed. */
  balanceDue: Amount[];
}

/**
 * Counts and dates come from the listed appointments (the newest 1000: `history.truncated` says when
 * there are more), money from the totals, which cover every appointment.
 */
export function clientFacts(history: ClientHistory, now: Date): ClientFacts {
  const visits = history.appointments.filter((a) => a.status === 'COMPLETED');
  const visitStarts = visits.map((a) => a.startTimeUtc).sort((x, y) => Date.parse(x) - Date.parse(y));
  const upcoming = history.appointments
    .filter(
      (a) =>
        (a.status === 'PENDING' || a.status === 'CONFIRMED') && Date.parse(a.startTimeUtc) > now.getTime(),
    )
    .sort((x, y) => Date.parse(x.startTimeUtc) - Date.parse(y.startTimeUtc));
  return {
    bookings: history.totals.reduce((sum, total) => sum + total.appointments, 0),
    visits: visits.length,
    noShows: history.appointments.filter((a) => a.status === 'NO_SHOW').length,
    cancellations: history.appointments.filter((a) => a.status === 'CANCELLED').length,
    firstVisit: visitStarts[0] ?? null,
    lastVisit: visitStarts.at(-1) ?? null,
    next: upcoming[0] ? { id: upcoming[0].id, startTimeUtc: upcoming[0].startTimeUtc } : null,
    spent: history.totals
      .filter((total) => total.netCents !== 0)
      .map((total) => ({ currency: total.currency, cents: total.netCents })),
    balanceDue: history.totals
      .filter((total) => total.amountDueCents > 0)
      .map((total) => ({ currency: total.currency, cents: total.amountDueCents })),
  };
}
