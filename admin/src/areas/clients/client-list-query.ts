import { addDays } from '../../dates/zoned-time.ts';

/**
 * The clients list's address: `#/clients?q=ada&from=2026-01-01&to=2026-12-31`. The period is days
 * in the business's zone; without from/to it is the last 12 months (366 days ending today, the
 * longest period the clients report takes), and the address then leaves them out.
 */
export interface ClientListQuery {
  q: string;
  /** YYYY-MM-DD, first day. */
  from: string;
  /** YYYY-MM-DD, last day (inclusive). */
  to: string;
}

/** The clients report's longest period, in days (api/src/domain/reports/revenue-period.ts). */
export const MAX_RANGE_DAYS = 366;

export function defaultRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -(MAX_RANGE_DAYS - 1)), to: today };
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not). */
export function isDate(text: string | null): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** The query an address asks for; a missing or malformed date is the default's. */
export function readListQuery(params: URLSearchParams, today: string): ClientListQuery {
  const defaults = defaultRange(today);
  const from = params.get('from');
  const to = params.get('to');
  return {
    q: params.get('q') ?? '',
    from: isDate(from) ? from : defaults.from,
    to: isDate(to) ? to : defaults.to,
  };
}

/** The address's query for hrefFor: the search trimmed, dates only when not the default. */
export function listQueryParams(query: ClientListQuery, today: string): Record<string, string | undefined> {
  const defaults = defaultRange(today);
  const q = query.q.trim();
  const isDefault = query.from === defaults.from && query.to === defaults.to;
  return {
    q: q === '' ? undefined : q,
    from: isDefault ? undefined : query.from,
    to: isDefault ? undefined : query.to,
  };
}

/** Days from `from` to `to`, both counted (2027-01-01…2027-01-01 is 1). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Why a period cannot be asked for, in words for the user; null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDate(from) || !isDate(to)) return 'Enter both dates.';
  if (from > to) return 'The first day is after the last day.';
  if (daysInRange(from, to) > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}
