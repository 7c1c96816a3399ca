import { z } from 'zod';
import { DEFAULT_REMINDER_OFFSETS_MINUTES } from '../domain/notifications/reminders.ts';
import { SERVICE_SLUG_PATTERN } from '../domain/catalog/service-slug.ts';
import { PaymentMode } from '../generated/prisma/enums.ts';
import { Cents, CurrencyCode, Timestamp, TimeZone, Uuid } from './common.ts';
import { SafeText, text } from './text.ts';

export const PaymentModeSchema = z.enum(PaymentMode);

const MINUTES_PER_DAY = 24 * 60;

export const ServiceSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    slug: z.string().meta({
      description: "The service's page: /book/<tenant slug>/<slug>. Made from the name; unique per tenant.",
    }),
    description: z.string(),
    durationMinutes: z.number().int(),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    slotIntervalMinutes: z.number().int(),
    minimumNoticeMinutes: z.number().int(),
    bookingWindowDays: z.number().int(),
    capacity: z.number().int(),
    priceBaseCents: z.number().int(),
    currency: z.string(),
    paymentMode: PaymentModeSchema,
    depositCents: z.number().int().nullable(),
    depositPercent: z.number().int().nullable(),
    noShowFeeCents: z.number().int().nullable().meta({
      description:
        'No-show protection: a fee per seat charged to the kept card when the client does not come.',
    }),
    noShowFeePercent: z.number().int().nullable().meta({
      description: "No-show protection: the fee as a share of the booking's price (at most one of the two).",
    }),
    reminderOffsetsMinutes: z.array(z.number().int()).meta({
      description: 'When reminders go, in minutes before the start (real minutes: 1440 is 24 hours).',
    }),
    timezone: z.string().nullable(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    resourceIds: z.array(Uuid).meta({ description: 'Resources (rooms, equipment) a booking needs one of.' }),
    locationId: Uuid.nullable().meta({
      description: 'Where the service is performed (a location); null: not said.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Service' });
export type ServiceDto = z.infer<typeof ServiceSchema>;

const ServiceFields = {
  name: text({ trim: true, min: 1, max: 200 }),
  slug: SafeText.regex(SERVICE_SLUG_PATTERN, {
    message: 'must be lower-case letters, digits and hyphens (at most 40)',
  }).meta({ description: 'For /book/<tenant slug>/<slug>; 409 slug_taken when another service has it.' }),
  description: text({ max: 5000 }),
  durationMinutes: z.number().int().min(1).max(MINUTES_PER_DAY),
  bufferBeforeMinutes: z.number().int().min(0).max(MINUTES_PER_DAY),
  bufferAfterMinutes: z.number().int().min(0).max(MINUTES_PER_DAY),
  slotIntervalMinutes: z.number().int().min(1).max(MINUTES_PER_DAY),
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(365 * MINUTES_PER_DAY),
  bookingWindowDays: z.number().int().min(1).max(730),
  capacity: z.number().int().min(1).max(1000),
  priceBaseCents: Cents,
  currency: CurrencyCode,
  paymentMode: PaymentModeSchema,
  depositCents: Cents.nullable(),
  depositPercent: z.number().int().min(1).max(100).nullable(),
  noShowFeeCents: Cents.min(1).nullable(),
  noShowFeePercent: z.number().int().min(1).max(100).nullable(),
  reminderOffsetsMinutes: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(30 * MINUTES_PER_DAY),
    )
    .max(5)
    .refine((offsets) => new Set(offsets).size === offsets.length, { message: 'must not repeat an offset' }),
  timezone: TimeZone.nullable(),
  active: z.boolean(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
  resourceIds: z
    .array(Uuid)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a resource' }),
  locationId: Uuid.nullable(),
};

export const CreateServiceBodySchema = z
  .object({
    name: ServiceFields.name,
    slug: ServiceFields.slug
      .optional()
      .meta({ description: 'Default: made from the name ("-2"… when taken).' }),
    durationMinutes: ServiceFields.durationMinutes,
    priceBaseCents: ServiceFields.priceBaseCents,
    description: ServiceFields.description.default(''),
    bufferBeforeMinutes: ServiceFields.bufferBeforeMinutes.default(0),
    bufferAfterMinutes: ServiceFields.bufferAfterMinutes.default(0),
    slotIntervalMinutes: ServiceFields.slotIntervalMinutes
      .optional()
      .meta({ description: 'Defaults to durationMinutes.' }),
    minimumNoticeMinutes: ServiceFields.minimumNoticeMinutes.default(0),
    bookingWindowDays: ServiceFields.bookingWindowDays.default(60),
    capacity: ServiceFields.capacity.default(1),
    currency: ServiceFields.currency.optional().meta({ description: "Defaults to the tenant's currency." }),
    paymentMode: ServiceFields.paymentMode.default('NONE'),
    depositCents: ServiceFields.depositCents.default(null),
    depositPercent: ServiceFields.depositPercent.default(null),
    noShowFeeCents: ServiceFields.noShowFeeCents.default(null),
    noShowFeePercent: ServiceFields.noShowFeePercent.default(null),
    reminderOffsetsMinutes: ServiceFields.reminderOffsetsMinutes
      .default([...DEFAULT_REMINDER_OFFSETS_MINUTES])
      .meta({ description: 'Default [1440, 60]: 24 hours and 1 hour before. [] sends none.' }),
    timezone: ServiceFields.timezone.default(null),
    active: ServiceFields.active.default(true),
    sortOrder: ServiceFields.sortOrder.default(0),
    resourceIds: ServiceFields.resourceIds.default([]),
  })
  .strict();
export type CreateServiceBody = z.infer<typeof CreateServiceBodySchema>;

export const UpdateServiceBodySchema = z
  .object(ServiceFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateServiceBody = z.infer<typeof UpdateServiceBodySchema>;

export const ServiceListQuery = z
  .object({
    cursor: SafeText.max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    active: z.enum(['true', 'false']).optional(),
  })
  .strict();
