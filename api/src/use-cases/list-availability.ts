import { DateTime } from 'luxon';
import type {
  BookingDataRepository,
  SlotService,
} from '../adapters/db/repositories/booking-data.repository.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  MAX_AVAILABILITY_DAYS,
  type AvailabilityDto,
  type AvailabilityQuery,
  type AvailableDatesQuery,
  type AvailableSlotDto,
} from '../schemas/availability-query.schemas.ts';
import { findSlots } from './find-slots.ts';
import type { Slot } from '../domain/availability/slots.ts';
import { localIsoString } from '../domain/availability/zone-offset.ts';

/** Slots for the days startDate…endDate (inclusive) of the client's zone. */
export async function listAvailability(
  data: BookingDataRepository,
  serviceId: string,
  query: AvailabilityQuery,
  now: Date,
): Promise<AvailabilityDto> {
  const first = DateTime.fromISO(query.startDate, { zone: query.timezone });
  const last = DateTime.fromISO(query.endDate, { zone: query.timezone });
  if (last < first) {
    throw new ValidationError('endDate is before startDate.', [
      { path: 'endDate', message: 'must not be before startDate' },
    ]);
  }
  const days = last.diff(first, 'days').days + 1;
  if (days > MAX_AVAILABILITY_DAYS) {
    throw new ValidationError(`Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time.`, [
      { path: 'endDate', message: `must be at most ${MAX_AVAILABILITY_DAYS} days after startDate` },
    ]);
  }
  const service = await data.serviceForSlots(serviceId);
  const providerIds = await chosenProvider(service.providers, query.providerId);
  const slots = await findSlots(data, service, {
    from: first.startOf('day').toMillis(),
    to: last.plus({ days: 1 }).startOf('day').toMillis(),
    now,
    ...(providerIds ? { providerIds } : {}),
  });
  return { timezone: query.timezone, slots: slots.map((slot) => slotDto(slot, query.timezone)) };
}

export function slotDto(slot: Slot, zone: string): AvailableSlotDto {
  return {
    startTimeUtc: new Date(slot.start).toISOString(),
    endTimeUtc: new Date(slot.end).toISOString(),
    localStart: localIsoString(slot.start, zone),
    providerIds: slot.providerIds,
    seatsLeft: slot.seatsLeft,
  };
}

/** The days of `month` in the client's zone with at least one slot, for a month calendar. */
export async function listAvailableDates(
  data: BookingDataRepository,
  serviceId: string,
  query: AvailableDatesQuery,
  now: Date,
): Promise<{ timezone: string; month: string; dates: string[] }> {
  const service = await data.serviceForSlots(serviceId);
  const providerIds = await chosenProvider(service.providers, query.providerId);
  const slots = await slotsOfMonth(data, service, query.month, query.timezone, now, providerIds);
  return { timezone: query.timezone, month: query.month, dates: openDates(slots, query.timezone) };
}

/** The slots starting in `month` ("YYYY-MM") of `zone`. */
export function slotsOfMonth(
  data: BookingDataRepository,
  service: SlotService,
  month: string,
  zone: string,
  now: Date,
  providerIds?: string[],
): Promise<Slot[]> {
  const first = DateTime.fromISO(`${month}-01`, { zone });
  return findSlots(data, service, {
    from: first.toMillis(),
    to: first.plus({ months: 1 }).toMillis(),
    now,
    ...(providerIds ? { providerIds } : {}),
  });
}

/** The days ("YYYY-MM-DD" in `zone`) on which at least one of `slots` starts, in order. */
export function openDates(slots: readonly Slot[], zone: string): string[] {
  const dates = new Set(slots.map((slot) => localIsoString(slot.start, zone).slice(0, 10)));
  return [...dates].sort();
}

async function chosenProvider(
  providers: ReadonlyArray<{ id: string }>,
  providerId: string | undefined,
): Promise<string[] | undefined> {
  if (providerId === undefined) return undefined;
  if (!providers.some((provider) => provider.id === providerId))
    throw new NotFoundError('Provider', providerId);
  return [providerId];
}
