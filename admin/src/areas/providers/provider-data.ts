import type {
  AvailabilityOverride,
  AvailabilityRule,
  CalendarFeedLink,
  GoogleCalendarStatus,
  Provider,
  Service,
} from '@mais/sdk';
import type { ConsoleContext } from '../../app/console-context.ts';
import { today } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import { monthOf, monthRange } from './month-grid.ts';

/** A part of the page that may fail on its own (Google, the feed) without failing the page. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export interface ProviderPageData {
  provider: Provider;
  rules: AvailabilityRule[];
  /** Every service, for "services offered"; null for a provider account (the list is managers'). */
  services: Service[] | null;
  google: Settled<GoogleCalendarStatus>;
  feed: Settled<CalendarFeedLink>;
  month: string;
  overrides: AvailabilityOverride[];
}

/** Everything the page shows, in one round of parallel requests (no request waits on another). */
export async function loadProviderPage(
  ctx: ConsoleContext,
  providerId: string,
  signal: AbortSignal,
): Promise<ProviderPageData> {
  const { admin } = ctx;
  const month = monthOf(today(ctx.zone));
  const isManager = ctx.account.role !== 'provider';
  const [provider, rules, services, google, feed, overrides] = await Promise.all([
    admin.providers.retrieve(providerId, { signal }),
    admin.availability.listForProvider(providerId, { signal }),
    isManager ? admin.services.list({ limit: 100 }, { signal }).toArray() : Promise.resolve(null),
    settle(admin.calendars.googleStatus(providerId, { signal })),
    settle(admin.calendars.feed(providerId, { signal })),
    loadOverrides(ctx, providerId, month, signal),
  ]);
  return { provider, rules: rules.data, services, google, feed, month, overrides };
}

/**
 * A month's overrides that close or change this provider's hours: their own, and for managers
 * the whole business's (holidays, providerId null) too. A provider account's list is its own
 * only (the API forces it), so it asks by providerId; a manager asks for the month once and keeps
 * this provider's and the business's.
 */
export async function loadOverrides(
  ctx: ConsoleContext,
  providerId: string,
  month: string,
  signal?: AbortSignal,
): Promise<AvailabilityOverride[]> {
  const range = monthRange(month);
  const isManager = ctx.account.role !== 'provider';
  const all = await ctx.admin.availabilityOverrides
    .list({ ...range, limit: 100, ...(isManager ? {} : { providerId }) }, { signal })
    .toArray();
  return all
    .filter((override) => override.providerId === providerId || override.providerId === null)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
}

/** The words of a failed part. */
export function errorOf(settled: { ok: false; error: unknown }): string {
  return errorText(settled.error);
}
