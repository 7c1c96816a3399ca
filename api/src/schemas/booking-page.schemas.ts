import { z } from 'zod';
import { AvailableSlotSchema } from './availability-query.schemas.ts';
import { DateOnly, Month, TimeZone, Uuid } from './common.ts';
import { PublicServiceSchema } from './public-catalog.schemas.ts';
import { PublicTenantSchema } from './tenant.schemas.ts';

export const BookingPageQuerySchema = z
  .object({
    timezone: TimeZone.meta({ description: "The client's zone: days and months are read in it." }),
    serviceId: Uuid.optional().meta({
      description:
        'The service to open the calendar of. Without it, the calendar opens when there is one service.',
    }),
    providerId: Uuid.optional().meta({
      description: 'Preselect this provider when it performs the service; otherwise "anyone" (no error).',
    }),
    month: Month.optional().meta({
      description: 'The month shown ("YYYY-MM"). Default: the month of the first open day from today.',
    }),
    only: z.literal('schedule').optional().meta({
      description: 'Leave out tenant and services: for prefetching another service or month.',
    }),
  })
  .strict();
export type BookingPageQuery = z.infer<typeof BookingPageQuerySchema>;

export const BookingScheduleSchema = z
  .object({
    serviceId: Uuid,
    providerId: Uuid.nullable().meta({ description: 'null: any available provider.' }),
    timezone: z.string(),
    month: Month,
    dates: z.array(DateOnly).meta({ description: "The month's days with at least one bookable time." }),
    firstOpenDate: DateOnly.nullable().meta({
      description:
        'The first day with times from the start of `month`, looking up to 6 months ahead within the ' +
        'booking window; null when there is none.',
    }),
    slots: z.array(AvailableSlotSchema).meta({
      description: 'The times of firstOpenDate when it lies in `month`; otherwise empty.',
    }),
    lastBookableDate: DateOnly.meta({ description: 'The booking window’s last day, in the client’s zone.' }),
  })
  .meta({ id: 'BookingSchedule' });
export type BookingScheduleDto = z.infer<typeof BookingScheduleSchema>;

export const BookingPageSchema = z
  .object({
    tenant: PublicTenantSchema.nullable().meta({ description: 'null with only=schedule.' }),
    services: z.array(PublicServiceSchema).nullable().meta({ description: 'null with only=schedule.' }),
    cardPayments: z.boolean().meta({
      description:
        'Whether paid services are paid by card when booking; false: at the appointment (no hold, no payment step).',
    }),
    schedule: BookingScheduleSchema.nullable().meta({
      description:
        'The calendar of the chosen service (serviceId, or the only service); null when none is chosen.',
    }),
  })
  .meta({ id: 'BookingPage' });
export type BookingPageDto = z.infer<typeof BookingPageSchema>;
