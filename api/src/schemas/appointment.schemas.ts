import { z } from 'zod';
import { Actor, AppointmentEventType, AppointmentStatus, PaymentStatus } from '../generated/prisma/enums.ts';
import { Cents, DateOnly, timestamp, Timestamp, TimeZone, Uuid } from './common.ts';
import { LedgerEntrySchema } from './ledger.schemas.ts';
import { SafeText, storable, text } from './text.ts';

// The enums are the database's (prisma/migrations → prisma/schema.prisma → the generated client).
export const AppointmentStatusSchema = z.enum(AppointmentStatus);
export const PaymentStatusSchema = z.enum(PaymentStatus);

const ClientSchema = z
  .object({
    name: text({ trim: true, min: 1, max: 200 }),
    email: z
      .email()
      .max(254)
      .refine(...storable),
    phone: SafeText.trim()
      .regex(/^\+?[0-9 ()-]{5,25}$/, { message: 'must be a phone number' })
      .optional(),
  })
  .strict();

/** Instants must be UTC ("Z") on a whole minute: slots never start between minutes. */
const StartTimeUtc = timestamp({
  message: 'must be an ISO 8601 instant in UTC, e.g. 2026-12-01T09:00:00Z',
});

/** The languages the widget and the emails speak. */
export const BookingLocale = z.enum(['en', 'es']);

export const IntakeAnswersSchema = z
  .record(Uuid, z.union([SafeText.max(5000), z.boolean(), z.null()]))
  .meta({ description: 'Answers by intake field id.' });

export const CreateAppointmentBodySchema = z
  .object({
    serviceId: Uuid,
    providerId: Uuid.optional().meta({ description: 'Omit for "any available".' }),
    startTimeUtc: StartTimeUtc,
    seats: z.number().int().min(1).max(1000).default(1),
    client: ClientSchema,
    clientTimezone: TimeZone,
    intake: IntakeAnswersSchema.default({}),
    locale: BookingLocale.default('en').meta({
      description: 'The language of the emails about this booking: the widget sends its own.',
    }),
  })
  .strict();
export type CreateAppointmentBody = z.infer<typeof CreateAppointmentBodySchema>;

export const AdminCreateAppointmentBodySchema = CreateAppointmentBodySchema.extend({
  notes: text({ max: 5000 }).optional(),
  overrideRules: z.boolean().default(false).meta({
    description:
      'Book outside opening hours, the slot grid, notice and booking window. Never allows double booking.',
  }),
}).strict();
export type AdminCreateAppointmentBody = z.infer<typeof AdminCreateAppointmentBodySchema>;

export const AppointmentSchema = z
  .object({
    id: Uuid,
    serviceId: Uuid,
    providerId: Uuid.nullable(),
    resourceId: Uuid.nullable(),
    status: AppointmentStatusSchema,
    startTimeUtc: Timestamp,
    endTimeUtc: Timestamp,
    clientTimezone: z.string(),
    locale: BookingLocale,
    seats: z.number().int(),
    client: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
    holdExpiresAt: Timestamp.nullable(),
    paymentStatus: PaymentStatusSchema,
    currency: z.string(),
    totalAmountCents: z.number().int(),
    depositAmountCents: z.number().int(),
    noShowFeeCents: z.number().int().meta({
      description: 'The fee agreed at booking for not coming (0: none); what was paid counts toward it.',
    }),
    amountDueCents: z
      .number()
      .int()
      .meta({
        description:
          'What the client still owes now: the balance of a booking, the no-show fee of a no-show (less what ' +
          'was paid), 0 when cancelled.',
      }),
    cardOnFile: z.boolean().meta({
      description:
        "A card is kept on the business's Stripe account to charge the balance or the no-show fee.",
    }),
    rescheduledFromId: Uuid.nullable(),
    intake: z.array(
      z.object({ fieldId: Uuid, label: z.string(), value: z.union([z.string(), z.boolean()]) }),
    ),
    createdAt: Timestamp,
    confirmedAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
    completedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Appointment' });
export type AppointmentDto = z.infer<typeof AppointmentSchema>;

export const PaymentRequestSchema = z
  .object({
    clientSecret: z.string().meta({ description: "The PaymentIntent's client secret, for Stripe.js." }),
    publishableKey: z.string().meta({ description: "The platform's Stripe publishable key." }),
    stripeAccount: z
      .string()
      .meta({ description: "The tenant's connected account: Stripe.js's `stripeAccount`." }),
    amountCents: z
      .number()
      .int()
      .meta({ description: 'What is charged now: the deposit or the full price; 0 for a card only saved.' }),
    currency: z.string(),
    kind: z.enum(['payment', 'setup']).meta({
      description:
        'payment: a PaymentIntent (stripe.confirmPayment). setup: a SetupIntent that saves the card for a ' +
        'no-show fee, nothing charged now (stripe.confirmSetup). Either way, POST …/confirm-payment after.',
    }),
  })
  .meta({ id: 'PaymentRequest' });

export const BookedAppointmentSchema = z
  .object({
    appointment: AppointmentSchema,
    manageToken: z.string().meta({
      description:
        'Lets the client view, cancel and reschedule this booking. Shown once; keep it in the manage link.',
    }),
    payment: PaymentRequestSchema.nullable().meta({
      description:
        'For a held booking of a paid service (or one that keeps a card for a no-show fee) when the tenant ' +
        'takes cards: pay or save the card with Stripe.js, then POST …/confirm-payment. null when nothing is ' +
        'asked of the card now.',
    }),
  })
  .meta({ id: 'BookedAppointment' });
export type BookedAppointmentDto = z.infer<typeof BookedAppointmentSchema>;

export const AppointmentEventSchema = z
  .object({
    seq: z
      .number()
      .int()
      .meta({ description: 'Increases by one per event within the tenant, in commit order.' }),
    type: z.enum(AppointmentEventType),
    actor: z.enum(Actor),
    data: z.record(z.string(), z.unknown()),
    occurredAt: Timestamp,
  })
  .meta({ id: 'AppointmentEvent' });
export type AppointmentEventDto = z.infer<typeof AppointmentEventSchema>;

/** What a staff list shows beside the ids: the names of the service, provider and resource. */
const AdminNames = {
  serviceName: z.string(),
  providerName: z.string().nullable(),
  resourceName: z.string().nullable(),
};

export const AdminAppointmentListItemSchema = AppointmentSchema.extend(AdminNames).meta({
  id: 'AdminAppointmentListItem',
});
export type AdminAppointmentListItemDto = z.infer<typeof AdminAppointmentListItemSchema>;

export const AdminAppointmentSchema = AppointmentSchema.extend({
  ...AdminNames,
  history: z.array(AppointmentEventSchema).meta({ description: "The appointment's history, oldest first." }),
  ledger: z.array(LedgerEntrySchema).meta({
    description:
      "The appointment's money movements (payments, refunds, disputes, fees), oldest first: what " +
      'GET /v1/tenant-admin/ledger lists for a period, for this appointment alone.',
  }),
}).meta({ id: 'AdminAppointment' });

/** Admin: move an appointment to another time (same id, same provider). */
export const AdminRescheduleBodySchema = z.object({ startTimeUtc: StartTimeUtc }).strict();

export const AppointmentIdParams = z.object({ id: Uuid }).strict();
const ManageToken = SafeText.min(20).max(200);
/**
 * The manage token travels in the `x-manage-token` header (or a POST's body).
 * `?token=` still works for links made before, and is redacted from logs.
 */
export const ManageTokenHeaders = z.object({
  'x-manage-token': ManageToken.optional().meta({ description: "The booking's manage token." }),
});
export const ManageTokenQuery = z
  .object({ token: ManageToken.optional().meta({ description: 'Deprecated: send x-manage-token.' }) })
  .strict();
/** A POST that needs nothing but the manage token (sent as x-manage-token, or here). */
export const ManageTokenBodySchema = z.object({ token: ManageToken.optional() }).strict().nullish();
const CancelReason = text({ trim: true, min: 1, max: 500 }).meta({
  description: 'Why, in a few words (kept in the history).',
});
export const CancelBodySchema = z
  .object({ token: ManageToken.optional(), reason: CancelReason.optional() })
  .strict()
  .nullish();
export const RescheduleBodySchema = z
  .object({ token: ManageToken.optional(), startTimeUtc: StartTimeUtc })
  .strict();
/** Optional: POST …/cancel may come without a body. */
export const AdminCancelBodySchema = z
  .object({
    reason: CancelReason.optional(),
    refundCents: Cents.optional().meta({
      description:
        'Refund this much by card instead of everything paid (0: cancel without a refund); at most what ' +
        'was paid by card and not refunded yet.',
    }),
  })
  .strict()
  .nullish();
/** A refund of any booking, for any reason (a goodwill gesture, a service that went wrong). */
export const AdminRefundBodySchema = z
  .object({
    amountCents: Cents.min(1).meta({
      description: 'At most what was paid by card and not refunded yet (money paid at the venue is not).',
    }),
    reason: text({ trim: true, min: 1, max: 200 }).meta({
      description: "Why, in a few words (kept in the history and the refund's Stripe metadata).",
    }),
  })
  .strict();
export type AdminRefundBody = z.infer<typeof AdminRefundBodySchema>;

export const AdminAppointmentListQuery = z
  .object({
    startDate: DateOnly.optional().meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.optional().meta({ description: "Last day (inclusive), in the tenant's time zone." }),
    status: AppointmentStatusSchema.optional(),
    providerId: Uuid.optional(),
    serviceId: Uuid.optional(),
    paymentStatus: PaymentStatusSchema.optional(),
    q: text({ trim: true, min: 1, max: 100 })
      .optional()
      .meta({
        description:
          "Client search: the client's name or email contains this (case-insensitive; % and _ are " +
          'plain characters).',
      }),
    cursor: SafeText.max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type AdminAppointmentListQueryInput = z.infer<typeof AdminAppointmentListQuery>;

export const CancellationPreviewSchema = z
  .object({
    appointmentId: Uuid,
    currency: z.string(),
    hoursBeforeStart: z.number(),
    tier: z
      .object({
        hoursBeforeStart: z.number().int(),
        feePercentage: z.number().int().nullable(),
        feeFixedCents: z.number().int().nullable(),
      })
      .nullable()
      .meta({ description: 'The policy tier that applies now; null when cancelling is free.' }),
    feeCents: z.number().int().meta({ description: 'The cancellation fee, a share of the booking price.' }),
    paidCents: z.number().int().meta({ description: 'What the client has paid so far.' }),
    refundCents: z.number().int().meta({ description: 'What would be refunded: paid beyond the fee.' }),
    amountDueCents: z
      .number()
      .int()
      .meta({ description: 'What would be owed: the fee beyond what was paid.' }),
    rescheduleAllowedUntil: Timestamp.nullable().meta({
      description:
        'Until when the client may move the booking (POST …/reschedule; later: 409 reschedule_too_late). ' +
        'null: until the start.',
    }),
  })
  .meta({ id: 'CancellationPreview' });
export type CancellationPreviewDto = z.infer<typeof CancellationPreviewSchema>;

/** The preview as staff see it: also what can still go back by card (the most a cancel may refund). */
export const AdminCancellationPreviewSchema = CancellationPreviewSchema.extend({
  refundableByCardCents: z
    .number()
    .int()
    .meta({
      description:
        'Paid by card and not refunded (refunds on their way count as refunded): what POST …/cancel gives ' +
        'back by default, and the most its `refundCents` may be. Money paid at the venue is not in it.',
    }),
}).meta({ id: 'AdminCancellationPreview' });
