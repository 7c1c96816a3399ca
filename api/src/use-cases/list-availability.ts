import { DateTime } from 'luxon';
import type { BookingDataRepository } from '../adapters/db/repositories/booking-data.repository.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  MAX_AVAILABILITY_DAYS,
  type AvailabilityDto,
  type AvailabilityQuery,
  type AvailableDatesQuery,
} from '../schemas/availability-query.schemas.ts';
import { findSlots } from './find-slots.ts';
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
  return {
    timezone: query.timezone,
    slots: slots.map((slot) => ({
      startTimeUtc: new Date(slot.start).toISOString(),
      endTimeUtc: new Date(slot.end).toISOString(),
      localStart: localIsoString(slot.start, query.timezone),
      providerIds: slot.providerIds,
      seatsLeft: slot.seatsLeft,
    })),
  };
}

/** The days of `month` in the client's zone with at least one slot, for a month calendar. */
export async function listAvailableDates(
  data: BookingDataRepository,
  serviceId: string,
  query: AvailableDatesQuery,
  now: Date,
): Promise<{ timezone: string; month: string; dates: string[] }> {
  const first = DateTime.fromISO(`${query.month}-01`, { zone: query.timezone });
  const service = await data.serviceForSlots(serviceId);
  const providerIds = await chosenProvider(service.providers, query.providerId);
  const slots = await findSlots(data, service, {
    from: first.toMillis(),
    to: first.plus({ months: 1 }).toMillis(),
    now,
    ...(providerIds ? { providerIds } : {}),
  });
  const dates = new Set(slots.map((slot) => localIsoString(slot.start, query.timezone).slice(0, 10)));
  return { timezone: query.timezone, month: query.month, dates: [...dates].sort() };
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
