import { z } from 'zod';
import { DateOnly, Timestamp, Uuid, WallTime } from './common.ts';
import { SafeText, text } from './text.ts';

/** Weekly opening hours and the per-date exceptions to them. */

export const AvailabilityRuleSchema = z
  .object({
    id: Uuid,
    serviceId: Uuid.nullable(),
    providerId: Uuid.nullable(),
    dayOfWeek: z.number().int().meta({ description: '0 = Sunday … 6 = Saturday.' }),
    startTime: WallTime,
    endTime: WallTime,
    effectiveFrom: DateOnly.nullable(),
    effectiveTo: DateOnly.nullable(),
  })
  .meta({ id: 'AvailabilityRule' });
export type AvailabilityRuleDto = z.infer<typeof AvailabilityRuleSchema>;

export const AvailabilityRuleInputSchema = z
  .object({
    dayOfWeek: z.number().int().min(0).max(6).meta({ description: '0 = Sunday … 6 = Saturday.' }),
    startTime: WallTime,
    endTime: WallTime.meta({ description: 'After startTime; "24:00" is the end of the day.' }),
    serviceId: Uuid.optional(),
    providerId: Uuid.optional(),
    effectiveFrom: DateOnly.optional(),
    effectiveTo: DateOnly.optional(),
  })
  .strict();
export type AvailabilityRuleInput = z.infer<typeof AvailabilityRuleInputSchema>;

export const PutAvailabilityBodySchema = z.array(AvailabilityRuleInputSchema).max(200);
export type PutAvailabilityBody = z.infer<typeof PutAvailabilityBodySchema>;

export const AvailabilityRulesResponseSchema = z.object({ data: z.array(AvailabilityRuleSchema) });

export const AvailabilityOverrideSchema = z
  .object({
    id: Uuid,
    providerId: Uuid.nullable(),
    date: DateOnly,
    closed: z.boolean(),
    startTime: WallTime.nullable(),
    endTime: WallTime.nullable(),
    reason: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'AvailabilityOverride' });
export type AvailabilityOverrideDto = z.infer<typeof AvailabilityOverrideSchema>;

export const CreateAvailabilityOverrideBodySchema = z
  .object({
    providerId: Uuid.optional().meta({ description: 'Omit for the whole business (a holiday).' }),
    date: DateOnly,
    closed: z.boolean().optional().meta({ description: 'true: closed all day, without times.' }),
    startTime: WallTime.optional().meta({
      description: 'Special hours that replace the weekly hours that day.',
    }),
    endTime: WallTime.optional(),
    reason: text({ trim: true, max: 500 }).nullable().optional(),
  })
  .strict();
export type CreateAvailabilityOverrideBody = z.infer<typeof CreateAvailabilityOverrideBodySchema>;

export const AvailabilityOverrideListQuery = z
  .object({
    cursor: SafeText.max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    providerId: Uuid.optional().meta({ description: "Only this provider's overrides." }),
  })
  .strict();
export type AvailabilityOverrideListQuery = z.infer<typeof AvailabilityOverrideListQuery>;
