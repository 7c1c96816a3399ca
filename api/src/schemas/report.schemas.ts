import { z } from 'zod';
import {
  MAX_DAILY_REPORT_DAYS,
  MAX_REPORT_DAYS,
  REPORT_INTERVALS,
  REVENUE_BASES,
} from '../domain/reports/revenue-period.ts';
import { REVENUE_FIELDS, type RevenueField } from '../domain/reports/revenue-fields.ts';
import { DateOnly } from './common.ts';
import { CsvExportQuery } from './export.schemas.ts';

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

export const OutstandingSchema = z
  .object({
    currency: z.string(),
    depositBalancesCount: z.number().int().nonnegative().meta({
      description: 'Bookings not cancelled with a deposit paid and a balance still due.',
    }),
    depositBalancesCents: z.number().int().meta({ description: 'The balances those bookings still owe.' }),
    noShowFeesCount: z.number().int().nonnegative().meta({ description: 'No-shows whose fee is still due.' }),
    noShowFeesCents: z
      .number()
      .int()
      .meta({ description: 'The fees still due, less what those clients paid and kept paid.' }),
  })
  .meta({ id: 'RevenueOutstanding' });

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
    outstanding: z.array(OutstandingSchema).meta({
      description:
        'What clients owe at the moment of the request (not limited to the period), per currency that is owed.',
    }),
  })
  .meta({ id: 'RevenueReport' });

/** Days of the tenant's zone, as the services and providers reports take them. */
export const ReportDaysQuery = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({
      description: `Last day (inclusive); at most ${MAX_REPORT_DAYS} days in all.`,
    }),
  })
  .strict();

const Count = z.number().int().nonnegative();

export const ServiceReportSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: z.string().meta({ description: "The tenant's zone, in which days are counted." }),
    services: z
      .array(
        z.object({
          serviceId: z.string(),
          serviceName: z.string(),
          currency: z.string(),
          bookings: Count.meta({
            description:
              'Appointments starting in the period that were confirmed (cancelled later or not), and live ' +
              'holds; lapsed holds are not bookings. A rescheduled booking counts once, at its current start.',
          }),
          completed: Count,
          cancelledByClient: Count.meta({ description: 'Bookings the client cancelled.' }),
          cancelledByAdmin: Count.meta({ description: 'Bookings the business cancelled.' }),
          noShows: Count,
          revenueCents: z.number().int().meta({
            description:
              "Net ledger money of these appointments (service basis: the revenue report's netCents), whenever it moved.",
          }),
          averagePriceCents: z.number().int().nullable().meta({
            description: 'Mean price of the bookings not cancelled, rounded; null when there are none.',
          }),
        }),
      )
      .meta({
        description: 'One per service and currency with appointments or money in the period, by name.',
      }),
  })
  .meta({ id: 'ServiceReport' });

export const ProviderReportSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: z.string().meta({ description: "The tenant's zone, in which days are counted." }),
    providers: z
      .array(
        z.object({
          providerId: z.string(),
          providerName: z.string(),
          bookedHours: z.number().nonnegative().meta({
            description:
              'Length of the bookings not cancelled starting in the period (a class session once, not per seat), to 0.01 h.',
          }),
          availableHours: z.number().nonnegative().meta({
            description:
              'Open hours of their weekly schedule and date overrides in the period (their zone), less busy blocks, to 0.01 h.',
          }),
          utilisationPercent: z
            .number()
            .nullable()
            .meta({ description: 'booked / available × 100, one decimal; null when nothing was available.' }),
          bookings: Count.meta({ description: 'Bookings not cancelled starting in the period.' }),
          noShows: Count,
          noShowPercent: z
            .number()
            .nullable()
            .meta({ description: 'noShows / bookings × 100, one decimal; null without bookings.' }),
          revenue: z.array(z.object({ currency: z.string(), revenueCents: z.number().int() })).meta({
            description:
              'Net ledger money of their appointments in the period (service basis), per currency.',
          }),
        }),
      )
      .meta({ description: 'Active providers, and any with appointments in the period, by name.' }),
  })
  .meta({ id: 'ProviderReport' });

/** The CSV files of the reports (GET /v1/tenant-admin/exports/reports/*.csv): the report's query and the BOM option. */
export const RevenueReportCsvQuery = RevenueReportQuery.extend({ bom: CsvExportQuery.shape.bom }).strict();
export const ReportDaysCsvQuery = ReportDaysQuery.extend({ bom: CsvExportQuery.shape.bom }).strict();
