import { z } from 'zod';
import {
  MAX_DAILY_REPORT_DAYS,
  MAX_REPORT_DAYS,
  REPORT_INTERVALS,
  REVENUE_BASES,
} from '../domain/reports/revenue-period.ts';
import { REVENUE_FIELDS, type RevenueField } from '../domain/reports/revenue-fields.ts';
import { DateOnly } from './common.ts';

export const RevenueBasisSchema = z.enum(REVENUE_BASES).meta({
  description:
    "cash: each ledger row in the bucket of when its money moved (occurredAt, the tenant's zone): what " +
    "reached or left the business that day. service: each row in the bucket of its appointment's start " +
    "(the tenant's zone), whenever the money moved: what the appointments of that day earned, refunds " +
    'and disputes included even when they came later.',
});

export const RevenueReportQuery = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({
      description:
        `Last day (inclusive); at most ${MAX_REPORT_DAYS} days in all, ` +
        `${MAX_DAILY_REPORT_DAYS} with interval=day.`,
    }),
    interval: z.enum(REPORT_INTERVALS).default('month').meta({
      description: 'Bucket size: a local day, an ISO week (Monday first) or a calendar month.',
    }),
    basis: RevenueBasisSchema.default('cash'),
  })
  .strict();

const DESCRIPTIONS: Record<RevenueField, string> = {
  grossCents:
    'All money in from clients: whole prices, deposits, balances (card and venue) and no-show fees.',
  depositsCents: 'Deposits paid by card (part of gross).',
  balancesCardCents: 'Balances after a deposit, paid by card (part of gross).',
  balancesVenueCents: 'Balances paid at the venue (part of gross).',
  noShowFeesCents: 'No-show and late-cancellation fees, by card or at the venue (part of gross).',
  refundsCents: 'Refunds, negative.',
  disputesCents: 'Disputed money withdrawn (negative) and reinstated when a dispute is won (positive).',
  stripeFeesCents: "Stripe's fees, negative (positive when returned).",
  platformFeesCents: 'Our application fees, negative (positive when returned).',
  netCents: 'The sum of every row: gross + refunds + disputes + Stripe fees + platform fees.',
};

const Figures = z.object(
  Object.fromEntries(
    REVENUE_FIELDS.map((field) => [field, z.number().int().meta({ description: DESCRIPTIONS[field] })]),
  ) as Record<RevenueField, z.ZodNumber>,
);

export const RevenueBucketSchema = Figures.extend({
  start: DateOnly.meta({
    description:
      "The bucket's first day: the day, its ISO week's Monday or its month's 1st. The first and last " +
      'buckets may begin before startDate or end after endDate; they hold the period’s days only.',
  }),
}).meta({ id: 'RevenueBucket' });

export const RevenueReportSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    interval: z.enum(REPORT_INTERVALS),
    basis: RevenueBasisSchema,
    timezone: z
      .string()
      .meta({ description: "The tenant's zone, in which days, weeks and months are counted." }),
    currencies: z
      .array(
        z.object({
          currency: z.string(),
          buckets: z
            .array(RevenueBucketSchema)
            .meta({ description: 'Every bucket of the period in order, zeros where nothing moved.' }),
          totals: Figures.meta({ description: "The sum of the buckets: the whole period's figures." }),
        }),
      )
      .meta({
        description:
          'One per currency that moved, alphabetical; amounts are signed minor units and never added across currencies.',
      }),
  })
  .meta({ id: 'RevenueReport' });
