import { z } from 'zod';
import { DateOnly, Month, TimeZone, Timestamp, Uuid } from './common.ts';

export const MAX_AVAILABILITY_DAYS = 62;

export const ServiceIdParams = z.object({ serviceId: Uuid }).strict();

export const AvailabilityQuerySchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: TimeZone,
    providerId: Uuid.optional(),
  })
  .strict();
export type AvailabilityQuery = z.infer<typeof AvailabilityQuerySchema>;

export const AvailableSlotSchema = z.object({
  startTimeUtc: Timestamp,
  endTimeUtc: Timestamp,
  localStart: z.string().meta({ description: 'The start in the requested zone, ISO 8601 with offset.' }),
  providerIds: z.array(Uuid),
  seatsLeft: z.number().int(),
});
export type AvailableSlotDto = z.infer<typeof AvailableSlotSchema>;

export const AvailabilitySchema = z
  .object({ timezone: z.string(), slots: z.array(AvailableSlotSchema) })
  .meta({ id: 'Availability' });
export type AvailabilityDto = z.infer<typeof AvailabilitySchema>;

export const AvailableDatesQuerySchema = z
  .object({
    month: Month,
    timezone: TimeZone,
    providerId: Uuid.optional(),
  })
  .strict();
export type AvailableDatesQuery = z.infer<typeof AvailableDatesQuerySchema>;

export const AvailableDatesSchema = z
  .object({ timezone: z.string(), month: z.string(), dates: z.array(DateOnly) })
  .meta({ id: 'AvailableDates' });
