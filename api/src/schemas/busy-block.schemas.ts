import { z } from 'zod';
import { BusyBlockSource } from '../generated/prisma/enums.ts';
import { DateOnly, Timestamp, Uuid } from './common.ts';

/** The longest range one busy-blocks request may ask for: two months and a bit, a calendar's reach. */
export const BUSY_BLOCK_MAX_DAYS = 62;

export const BusyBlockListQuery = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({
      description: `Last day (inclusive), in the tenant's time zone; at most ${BUSY_BLOCK_MAX_DAYS} days in all.`,
    }),
    providerId: Uuid.optional().meta({
      description: "One provider's blocks; a provider session always gets its own.",
    }),
  })
  .strict();
export type BusyBlockListQueryInput = z.infer<typeof BusyBlockListQuery>;

/**
 * Time a provider is busy outside MAIS (their Google Calendar, or a block kept by hand): when only.
 * Event titles are not part of it: what a provider does in their own time is not the console's.
 */
export const BusyBlockSchema = z
  .object({
    id: Uuid,
    providerId: Uuid,
    startTimeUtc: Timestamp,
    endTimeUtc: Timestamp,
    source: z.enum(BusyBlockSource),
    allDay: z.boolean().meta({
      description: "Whole days in the provider's zone (an all-day event), from midnight to midnight.",
    }),
  })
  .meta({ id: 'BusyBlock' });
export type BusyBlockDto = z.infer<typeof BusyBlockSchema>;

export const BusyBlockListSchema = z
  .object({
    data: z.array(BusyBlockSchema).meta({ description: 'Blocks overlapping the days, by start time.' }),
  })
  .meta({ id: 'BusyBlockList' });
