import { z } from 'zod';
import { PaymentKind, PaymentRecordStatus, RefundStatus } from '../generated/prisma/enums.ts';
import { MAX_REPORT_DAYS } from '../domain/reports/revenue-period.ts';
import { REPEAT_VISITS } from '../domain/reports/client-report.ts';
import { AppointmentStatusSchema } from './appointment.schemas.ts';
import { DateOnly, Timestamp, Uuid } from './common.ts';
import { SafeText, text } from './text.ts';

const PERIOD_NOTE = 'in the period (appointments starting startDate…endDate)';
const LIFETIME_NOTE = 'over all the client’s appointments, any date (not only the period)';

export const ClientReportQuery = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({ description: `Last day (inclusive); at most ${MAX_REPORT_DAYS} days in all.` }),
    q: text({ max: 200, trim: true })
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .meta({
        description:
          'Only clients whose name (the latest one) or email contains this text, case-insensitive; every character is literal (% and _ too). Empty: every client.',
      }),
    cursor: SafeText.max(4_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const ClientReportCsvQuery = ClientReportQuery.omit({ cursor: true, limit: true })
  .extend({
    bom: z.enum(['true', 'false']).default('false').meta({
      description: 'true: start the file with the UTF-8 byte order mark, so Excel reads it as UTF-8.',
    }),
  })
  .strict();

const LifetimeValue = z.array(z.object({ currency: z.string(), netCents: z.number().int() })).meta({
  description: `Lifetime value: the net ledger money (payments less refunds, disputes and fees) of all the client's appointments, ${LIFETIME_NOTE}; one entry per currency, alphabetical, none when no money moved.`,
});

export const ClientRowSchema = z
  .object({
    email: z.string().meta({ description: 'The client: their email, lower-cased.' }),
    name: z.string().meta({ description: 'The name on their latest appointment (by start).' }),
    bookings: z
      .number()
      .int()
      .meta({ description: `Appointments of any status ${PERIOD_NOTE}.` }),
    visits: z
      .number()
      .int()
      .meta({ description: `COMPLETED appointments ${PERIOD_NOTE}.` }),
    noShows: z
      .number()
      .int()
      .meta({ description: `NO_SHOW appointments ${PERIOD_NOTE}.` }),
    cancellations: z
      .number()
      .int()
      .meta({ description: `CANCELLED appointments ${PERIOD_NOTE}.` }),
    lifetimeVisits: z
      .number()
      .int()
      .meta({ description: `COMPLETED appointments ${LIFETIME_NOTE}.` }),
    firstVisit: Timestamp.nullable().meta({
      description: `Start of the first COMPLETED appointment, ${LIFETIME_NOTE}; null before any visit.`,
    }),
    lastVisit: Timestamp.nullable().meta({
      description: `Start of the latest COMPLETED appointment, ${LIFETIME_NOTE}; null before any visit.`,
    }),
    repeat: z.boolean().meta({ description: `lifetimeVisits ≥ ${REPEAT_VISITS}.` }),
    lifetimeValue: LifetimeValue,
  })
  .meta({ id: 'ClientReportRow' });

export const ClientReportSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: z.string().meta({ description: "The tenant's zone, in which the days are counted." }),
    clients: z
      .number()
      .int()
      .meta({ description: 'Clients with an appointment in the period (matching q).' }),
    repeatClients: z
      .number()
      .int()
      .meta({ description: `Of those, clients with ≥ ${REPEAT_VISITS} visits ever.` }),
    repeatRate: z.number().nullable().meta({
      description: 'repeatClients / clients, 0…1 to 4 decimal places; null when the period has no clients.',
    }),
    data: z.array(ClientRowSchema).meta({
      description: 'A page of the clients, by name (lower-cased, then email); nextCursor fetches the next.',
    }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ClientReport' });

export const ClientEmailParams = z
  .object({
    email: text({ min: 1, max: 254 }).meta({
      description: 'The client’s email, URL-encoded (at most 100 characters so), any case.',
    }),
  })
  .strict();

const RefundSchema = z.object({
  id: Uuid,
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(RefundStatus),
  reason: z.string().nullable(),
  createdAt: Timestamp,
});

const PaymentSchema = z.object({
  id: Uuid,
  kind: z.enum(PaymentKind),
  status: z.enum(PaymentRecordStatus),
  amountCents: z.number().int(),
  currency: z.string(),
  createdAt: Timestamp,
  succeededAt: Timestamp.nullable(),
  refunds: z.array(RefundSchema),
});

export const ClientHistorySchema = z
  .object({
    email: z.string(),
    name: z.string().meta({ description: 'The name on their latest appointment.' }),
    appointments: z
      .array(
        z.object({
          id: Uuid,
          startTimeUtc: Timestamp,
          endTimeUtc: Timestamp,
          status: AppointmentStatusSchema,
          service: z.object({ id: Uuid, name: z.string() }),
          provider: z.object({ id: Uuid, name: z.string() }).nullable(),
          currency: z.string(),
          totalAmountCents: z.number().int(),
          paidCents: z.number().int(),
          refundedCents: z.number().int(),
          amountDueCents: z.number().int().meta({ description: 'What the client still owes on it now.' }),
          netCents: z.array(z.object({ currency: z.string(), netCents: z.number().int() })).meta({
            description:
              "The appointment's net ledger money per currency (payments less refunds, disputes, fees).",
          }),
          payments: z.array(PaymentSchema),
        }),
      )
      .meta({ description: 'Newest first, at most 1000 (see truncated).' }),
    truncated: z
      .boolean()
      .meta({ description: 'true: the client has more appointments than listed; totals count all.' }),
    totals: z
      .array(
        z.object({
          currency: z.string(),
          appointments: z.number().int(),
          paidCents: z.number().int(),
          refundedCents: z.number().int(),
          amountDueCents: z.number().int(),
          netCents: z
            .number()
            .int()
            .meta({ description: 'Net ledger money: the lifetime value in this currency.' }),
        }),
      )
      .meta({ description: 'Over all the client’s appointments, per currency, alphabetical.' }),
  })
  .meta({ id: 'ClientHistory' });

const WeekFigures = z.object({ grossCents: z.number().int(), netCents: z.number().int() });

export const DashboardSummarySchema = z
  .object({
    timezone: z.string(),
    now: Timestamp,
    today: z.object({
      date: DateOnly,
      appointments: z.number().int().meta({
        description: 'Appointments starting today (any hour), not cancelled and not an expired hold.',
      }),
      next: z
        .array(
          z.object({
            id: Uuid,
            startTimeUtc: Timestamp,
            endTimeUtc: Timestamp,
            clientName: z.string(),
            serviceName: z.string(),
            providerName: z.string().nullable(),
            status: AppointmentStatusSchema,
          }),
        )
        .meta({ description: 'Up to 10 of them starting from now on, soonest first.' }),
    }),
    week: z.object({
      start: DateOnly.meta({ description: "This ISO week's Monday." }),
      lastWeekStart: DateOnly,
      lastWeekUntil: Timestamp.meta({
        description:
          'Last week is compared up to this instant: the same weekday and wall time as now, a week ago.',
      }),
      noShows: z.number().int().meta({ description: 'NO_SHOW appointments starting this week.' }),
      revenue: z
        .array(z.object({ currency: z.string(), thisWeek: WeekFigures, lastWeek: WeekFigures }))
        .meta({
          description:
            'Cash basis (when the money moved), gross and net as in the revenue report: this week from Monday 00:00 to now, against last week from its Monday 00:00 to lastWeekUntil. One per currency, alphabetical.',
        }),
    }),
    outstanding: z
      .array(
        z.object({
          currency: z.string(),
          appointments: z.number().int(),
          amountDueCents: z.number().int(),
          depositBalancesCents: z.number().int(),
          noShowFeesCents: z.number().int(),
        }),
      )
      .meta({
        description:
          'What clients owe now, of any date, as the revenue report counts it: balances of bookings (not cancelled) ' +
          'whose deposit or part was paid, and no-show fees due; per currency, the appointments with amountDueCents > 0 ' +
          'among those and their sum. Bookings nothing was paid for yet (pay at the venue) are not counted.',
      }),
  })
  .meta({ id: 'DashboardSummary' });
