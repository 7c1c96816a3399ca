/**
 * The appointment list's filters as the address carries them (`#/appointments?status=CONFIRMED&q=ada`),
 * so a filtered list survives a reload and can be linked. Values the API would refuse (a malformed
 * date, an unknown status) are dropped when read, so a hand-edited address still shows a list.
 */

export const APPOINTMENT_STATUSES = ['PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export const PAYMENT_STATUSES = [
  'NOT_REQUIRED',
  'AWAITING_PAYMENT',
  'DEPOSIT_PAID',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'FAILED',
] as const;

export type AppointmentStatusFilter = (typeof APPOINTMENT_STATUSES)[number];
export type PaymentStatusFilter = (typeof PAYMENT_STATUSES)[number];

export interface ListFilters {
  startDate?: string;
  endDate?: string;
  status?: AppointmentStatusFilter;
  providerId?: string;
  serviceId?: string;
  paymentStatus?: PaymentStatusFilter;
  /** Client name or email contains this (the API's `q`, at most 100 characters). */
  q?: string;
}

export const SEARCH_MAX = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function matching(pattern: RegExp, value: string | null): string | undefined {
  return value !== null && pattern.test(value) ? value : undefined;
}

/** The search as the API takes it: trimmed, without NUL, at most SEARCH_MAX; undefined when empty. */
export function cleanSearch(text: string | null | undefined): string | undefined {
  const cleaned = (text ?? '').replaceAll('\u0000', '').trim().slice(0, SEARCH_MAX).trim();
  return cleaned === '' ? undefined : cleaned;
}

/** The filters an address's query names (anything the API would refuse is left out). */
export function filtersFromQuery(query: URLSearchParams): ListFilters {
  const filters: ListFilters = {
    startDate: matching(DATE, query.get('startDate')),
    endDate: matching(DATE, query.get('endDate')),
    status: oneOf(APPOINTMENT_STATUSES, query.get('status')),
    providerId: matching(UUID, query.get('providerId')),
    serviceId: matching(UUID, query.get('serviceId')),
    paymentStatus: oneOf(PAYMENT_STATUSES, query.get('paymentStatus')),
    q: cleanSearch(query.get('q')),
  };
  // A range the wrong way round would be refused: keep its start only.
  if (filters.startDate && filters.endDate && filters.endDate < filters.startDate) delete filters.endDate;
  return withoutEmpty(filters);
}

/** The query for hrefFor('appointments', [], …): only the filters that are set. */
export function filtersToQuery(filters: ListFilters): Record<string, string | undefined> {
  return { ...withoutEmpty(filters) };
}

/** What is wrong with filters a user entered, or null. */
export function filtersProblem(filters: ListFilters): string | null {
  if (filters.startDate && filters.endDate && filters.endDate < filters.startDate) {
    return 'The last day is before the first day.';
  }
  return null;
}

/** Whether any filter is set (the list then says "No appointments match" rather than "none yet"). */
export function anyFilter(filters: ListFilters): boolean {
  return Object.keys(withoutEmpty(filters)).length > 0;
}

function withoutEmpty(filters: ListFilters): ListFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  ) as ListFilters;
}
