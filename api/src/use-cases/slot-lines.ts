/**
 * In-process lines for identical booking requests: the same tenant, service,
 * provider and start. A crowd on one popular time (everyone clicks the slot
 * an email announced) would otherwise open one database transaction per
 * person, each queueing on the provider's lock only to find the time taken.
 * Here they queue in memory, holding no connection, and once the request at
 * the head has committed a booking of a one-seat service, everyone who was
 * already in line when it committed is answered "taken" without touching the
 * database.
 *
 * Why that is correct: such a waiter's request was in flight when the winning
 * booking committed, so running it right after that commit is an order the
 * requests could have had; a cancel of the winner that came later is then
 * ordered after it too. Requests that join after the commit are not told
 * anything: they check the database as usual. Correctness never depends on
 * this file (other processes have their own lines; the locks and constraints
 * decide), it only spares the database work whose outcome is known.
 */

interface Line {
  tail: Promise<void>;
  waiting: number;
  /** Tickets below this joined before a one-seat booking of this slot committed here. */
  takenBeforeTicket: number;
  nextTicket: number;
}

const lines = new Map<string, Line>();

export interface PlaceInLine {
  /** True when a booking of this exact one-seat slot committed here after this request joined. */
  readonly takenAhead: boolean;
  /** Tells the line that this request committed a booking that fills the slot. */
  markTaken(): void;
}

export async function inSlotLine<T>(key: string, work: (place: PlaceInLine) => Promise<T>): Promise<T> {
  let line = lines.get(key);
  if (!line) {
    line = { tail: Promise.resolve(), waiting: 0, takenBeforeTicket: 0, nextTicket: 0 };
    lines.set(key, line);
  }
  const current = line;
  const ticket = current.nextTicket++;
  current.waiting++;
  const ahead = current.tail;
  let leave!: () => void;
  current.tail = new Promise<void>((resolve) => (leave = resolve));
  try {
    await ahead;
    return await work({
      get takenAhead() {
        return ticket < current.takenBeforeTicket;
      },
      markTaken() {
        current.takenBeforeTicket = current.nextTicket;
      },
    });
  } finally {
    current.waiting--;
    if (current.waiting === 0 && lines.get(key) === current) lines.delete(key);
    leave();
  }
}
