import { z } from 'zod';
import { LedgerEntryKind } from '../generated/prisma/enums.ts';
import { MAX_PERIOD_DAYS } from '../domain/ledger/period.ts';
import { DateOnly, ListQuery, pageOf, Timestamp, Uuid } from './common.ts';

// The enum is the database's (prisma/migrations → prisma/schema.prisma → the generated client).
export const LedgerEntryKindSchema = z.enum(LedgerEntryKind);

/** Days of the tenant's zone, as the ledger listing and the reconciliation take them. */
export const LedgerPeriodSchema = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({
      description: `Last day (inclusive); the period is at most ${MAX_PERIOD_DAYS} days long.`,
    }),
  })
  .strict();

export const LedgerListQuery = LedgerPeriodSchema.extend(ListQuery.shape).strict();

export const LedgerEntrySchema = z
  .object({
    id: Uuid,
    appointmentId: Uuid,
    paymentId: Uuid.nullable(),
    refundId: Uuid.nullable(),
    kind: LedgerEntryKindSchema,
    amountCents: z.number().int().meta({
      description:
        'Signed minor units: money towards the business positive; refunds, disputes, fees negative.',
    }),
    currency: z.string(),
    stripeObjectId: z
      .string()
      .nullable()
      .meta({ description: 'ch_, re_, dp_…; txn_ for fees; null at the venue.' }),
    stripeBalanceTransactionId: z.string().nullable(),
    occurredAt: Timestamp.meta({ description: 'When the money moved, not when the row was written.' }),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntryDto = z.infer<typeof LedgerEntrySchema>;

const ByKind = z.object(
  Object.fromEntries(Object.values(LedgerEntryKind).map((kind) => [kind, z.number().int()])) as Record<
    LedgerEntryKind,
    z.ZodNumber
  >,
);

export const LedgerTotalsSchema = z
  .object({
    currency: z.string(),
    byKind: ByKind.meta({ description: 'The sum of each kind (0 when none moved).' }),
    netCents: z
      .number()
      .int()
      .meta({ description: 'The sum of all rows: what the period left the business.' }),
  })
  .meta({ id: 'LedgerTotals' });

export const LedgerPageSchema = pageOf(LedgerEntrySchema)
  .extend({
    totals: z
      .array(LedgerTotalsSchema)
      .meta({ description: 'Over the whole period (every page), one per currency that moved.' }),
  })
  .meta({ id: 'LedgerPage' });

const Movement = z.object({
  group: z
    .string()
    .meta({ description: 'payment, refund, dispute, dispute_reversal, stripe_fee or platform_fee.' }),
  stripeObjectId: z.string(),
});

export const ReconciliationDifferenceSchema = z.object({
  type: z.enum(['missing_in_ledger', 'missing_in_stripe', 'amount_mismatch', 'currency_mismatch']),
  key: Movement,
  currency: z.string().optional(),
  ledgerCurrency: z.string().optional(),
  stripeCurrency: z.string().optional(),
  ledgerCents: z.number().int().optional(),
  stripeCents: z.number().int().optional(),
  entryIds: z.array(z.string()).optional(),
  balanceTransactionIds: z.array(z.string()).optional(),
});

export const ReconciliationSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    differences: z.array(ReconciliationDifferenceSchema).meta({ description: 'Empty when the two agree.' }),
    matchedMovements: z.number().int(),
    outOfScopeTransactions: z
      .number()
      .int()
      .meta({ description: 'Stripe transactions that are not appointment money (payouts, transfers…).' }),
    offStripeEntries: z
      .number()
      .int()
      .meta({ description: 'Ledger rows outside Stripe (paid at the venue).' }),
  })
  .meta({ id: 'Reconciliation' });
