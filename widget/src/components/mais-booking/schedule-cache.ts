import type { AvailableSlot, BookingSchedule, MaisClient } from '@mais/sdk';

/** Which calendar: a service, with one provider or anyone (null), in the client's zone. */
export interface ScheduleKey {
  serviceId: string;
  providerId: string | null;
  timezone: string;
}

/** Answers are reused for a minute: long enough for prefetching to pay, short enough to stay fresh. */
const FRESH_MS = 60_000;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * The calendar answers of one widget: a month's open days (with its first open day's times) and a
 * day's times, each fetched once and shared by what the client is looking at and what is prefetched
 * while they read (the next month, a hovered service). A failed fetch is forgotten, so a retry asks
 * again; `clear()` after a time was taken under the client, so nothing stale is shown again.
 */
export class ScheduleCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(private readonly api: () => MaisClient) {}

  /** `month` ("YYYY-MM"), or without it the month of the first open day from today. */
  schedule(key: ScheduleKey, month?: string): Promise<BookingSchedule> {
    return this.remember(`m|${id(key)}|${month ?? ''}`, async () => {
      const { schedule } = await this.api().bookingPage.retrieve({
        timezone: key.timezone,
        serviceId: key.serviceId,
        ...(key.providerId ? { providerId: key.providerId } : {}),
        ...(month ? { month } : {}),
        only: 'schedule',
      });
      this.keep(key, schedule!);
      return schedule!;
    });
  }

  /** The times of one day ("YYYY-MM-DD"). */
  daySlots(key: ScheduleKey, day: string): Promise<AvailableSlot[]> {
    return this.remember(`d|${id(key)}|${day}`, async () => {
      const query = { startDate: day, endDate: day, timezone: key.timezone };
      const { slots } = await this.api().availability.list(key.serviceId, {
        ...query,
        ...(key.providerId ? { providerId: key.providerId } : {}),
      });
      return slots;
    });
  }

  /** Stores an answer that came another way (the first screen's booking page), month and first day. */
  keep(key: ScheduleKey, schedule: BookingSchedule): void {
    const at = Date.now();
    this.entries.set(`m|${id(key)}|${schedule.month}`, { at, value: Promise.resolve(schedule) });
    const first = schedule.firstOpenDate;
    if (first?.startsWith(schedule.month)) {
      this.entries.set(`d|${id(key)}|${first}`, { at, value: Promise.resolve(schedule.slots) });
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private remember<T>(name: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(name) as Entry<T> | undefined;
    if (entry && Date.now() - entry.at < FRESH_MS) return entry.value;
    const value = load();
    this.entries.set(name, { at: Date.now(), value });
    value.catch(() => {
      if (this.entries.get(name)?.value === value) this.entries.delete(name);
    });
    return value;
  }
}

function id(key: ScheduleKey): string {
  return `${key.serviceId}|${key.providerId ?? ''}|${key.timezone}`;
}
