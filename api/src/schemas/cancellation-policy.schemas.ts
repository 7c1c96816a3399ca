import { z } from 'zod';
import { Cents, Timestamp, Uuid } from './common.ts';

const HOURS_PER_YEAR = 365 * 24;

export const CancellationTierSchema = z
  .object({
    hoursBeforeStart: z.number().int(),
    feePercentage: z.number().int().nullable(),
    feeFixedCents: z.number().int().nullable(),
  })
  .meta({ id: 'CancellationTier' });
export type CancellationTierDto = z.infer<typeof CancellationTierSchema>;

export const CancellationPolicySchema = z
  .object({
    id: Uuid,
    serviceId: Uuid.nullable().meta({ description: "null for the tenant's default policy." }),
    tiers: z.array(CancellationTierSchema).meta({ description: 'Ordered by hoursBeforeStart, descending.' }),
    rescheduleAllowedUntilHours: z
      .number()
      .int()
      .nullable()
      .meta({
        description:
          'A client may move a booking until this many hours before its start. null: for as long as ' +
          'cancelling would cost nothing under the tiers.',
      }),
    updatedAt: Timestamp,
  })
  .meta({ id: 'CancellationPolicy' });
export type CancellationPolicyDto = z.infer<typeof CancellationPolicySchema>;

// Exactly one fee kind per tier and distinct hours are checked by domain/policies/cancellation-tiers.ts.
export const CancellationTierInputSchema = z
  .object({
    hoursBeforeStart: z.number().int().min(0).max(HOURS_PER_YEAR).meta({
      description: 'The tier applies when the client cancels less than this many hours before the start.',
    }),
    feePercentage: z.number().int().min(0).max(100).optional(),
    feeFixedCents: Cents.optional(),
  })
  .strict();

export const PutCancellationPolicyBodySchema = z
  .object({
    tiers: z.array(CancellationTierInputSchema).max(20),
    // Omitted: kept as it is, so a client that does not know the field does not erase it.
    rescheduleAllowedUntilHours: z
      .number()
      .int()
      .min(0)
      .max(HOURS_PER_YEAR)
      .nullable()
      .optional()
      .meta({
        description:
          'Clients may move a booking until this many hours before its start (later: 409 ' +
          '`reschedule_too_late`; the business may still move it). null: for as long as cancelling would ' +
          'cost nothing under the tiers. Omitted: unchanged.',
      }),
  })
  .strict()
  .meta({
    description:
      'Of the tiers whose hoursBeforeStart is greater than the time left, the smallest wins. Give exactly one of ' +
      'feePercentage or feeFixedCents per tier.',
  });
export type PutCancellationPolicyBody = z.infer<typeof PutCancellationPolicyBodySchema>;
