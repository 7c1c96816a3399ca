import type { Appointment, BusyBlock, MaisAdmin, Provider, Service } from '@mais/sdk';

/** The staff, services and what may be done: loaded once per visit of the calendar. */
export interface CalendarReference {
  providers: Provider[];
  services: Service[];
}

export interface CalendarData {
  appointments: Appointment[];
  blocks: BusyBlock[];
}

/**
 * The appointments and busy blocks of the visible days, all at once: one appointments request per
 * day (a busy week is 7 requests in parallel, not 5 pages one after another) beside the busy blocks.
 * `providerId` undefined: everyone's.
 */
export async function loadCalendar(
  admin: MaisAdmin,
  days: readonly string[],
  providerId: string | undefined,
  signal: AbortSignal,
): Promise<CalendarData> {
  const byProvider = providerId ? { providerId } : {};
  const [perDay, blocks] = await Promise.all([
    Promise.all(
      days.map((day) =>
        admin.appointments
          .list({ startDate: day, endDate: day, limit: 100, ...byProvider }, { signal })
          .toArray(),
      ),
    ),
    admin.busyBlocks.list(
      { startDate: days[0]!, endDate: days[days.length - 1]!, ...byProvider },
      { signal },
    ),
  ]);
  return { appointments: perDay.flat(), blocks: blocks.data };
}

/** Providers and services (managers and owners; a provider account sees only its own calendar). */
export async function loadReference(admin: MaisAdmin, signal: AbortSignal): Promise<CalendarReference> {
  const [providers, services] = await Promise.all([
    admin.providers.list({ limit: 100 }, { signal }).toArray(),
    admin.services.list({ limit: 100 }, { signal }).toArray(),
  ]);
  return { providers, services };
}
