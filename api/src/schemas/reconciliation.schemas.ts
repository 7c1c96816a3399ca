import { z } from 'zod';
import { DateOnly } from './common.ts';

export const ReconciliationQuerySchema = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({ description: 'Last day (inclusive); at most 93 days after startDate.' }),
  })
  .strict();

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
