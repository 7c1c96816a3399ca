import { encodeClientCursor } from './client-cursor.ts';

/**
 * One client's figures as the report's SQL returns them. A client is a lower-cased email within
 * one tenant; `name` is the one on their latest appointment (by start) of any date.
 */
export interface ClientFigures {
  email: string;
  name: string;
  /** lower(name): the sort key, with the email as tie-break. */
  nameKey: string;
  /** In the period: appointments of any status, COMPLETED ones, NO_SHOW ones, CANCELLED ones. */
  bookings: number;
  visits: number;
  noShows: number;
  cancellations: number;
  /** Over all of the client's appointments, any date. */
  lifetimeVisits: number;
  firstVisit: Date | null;
  lastVisit: Date | null;
}

/** The net ledger money of all of one client's appointments in one currency. */
export interface ClientMoney {
  email: string;
  currency: string;
  netCents: number;
}

export interface ClientRow extends Omit<ClientFigures, 'nameKey'> {
  repeat: boolean;
  lifetimeValue: Array<{ currency: string; netCents: number }>;
}

/** A client with this many completed visits, ever, is a repeat client. */
export const REPEAT_VISITS = 2;

export function isRepeat(lifetimeVisits: number): boolean {
  return lifetimeVisits >= REPEAT_VISITS;
}

/**
 * A page of the report: `figures` (in order, one more than `limit` when more follow) with each
 * client's money joined on, currencies alphabetical (never added together), and the cursor of the
 * last row kept.
 */
export function clientPage(
  figures: readonly ClientFigures[],
  money: readonly ClientMoney[],
  limit: number,
): { data: ClientRow[]; nextCursor: string | null } {
  const kept = figures.slice(0, limit);
  const last = kept.at(-1);
  return {
    data: kept.map((client) => clientRow(client, money)),
    nextCursor: figures.length > limit && last ? encodeClientCursor(last) : null,
  };
}

export function clientRow(client: ClientFigures, money: readonly ClientMoney[]): ClientRow {
  const { nameKey: _, ...figures } = client;
  return {
    ...figures,
    repeat: isRepeat(client.lifetimeVisits),
    lifetimeValue: money
      .filter((row) => row.email === client.email)
      .map(({ currency, netCents }) => ({ currency, netCents }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
  };
}

/** repeatClients / clients to 4 decimal places (0.3333), null for a period without clients. */
export function repeatRate(clients: number, repeatClients: number): number | null {
  return clients === 0 ? null : Math.round((repeatClients / clients) * 10_000) / 10_000;
}
