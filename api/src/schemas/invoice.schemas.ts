import { z } from 'zod';
import { MAX_LOGO_BYTES } from '../domain/invoices/logo.ts';
import { MAX_TAX_RATE_BASIS_POINTS } from '../domain/invoices/tax.ts';
import { AppointmentStatusSchema, PaymentStatusSchema } from './appointment.schemas.ts';
import { DateOnly, ListQuery, pageOf, Timestamp, Uuid } from './common.ts';
import { SafeText, text } from './text.ts';

export const InvoiceLineSchema = z.object({
  kind: z.enum(['service', 'no_show_fee']),
  description: z.string(),
  quantity: z.number().int(),
  amountCents: z.number().int().meta({ description: 'As priced: tax included when prices include it.' }),
});

export const InvoiceSchema = z
  .object({
    id: Uuid,
    number: z.number().int().meta({ description: 'Sequential per tenant, without gaps: 1, 2, 3…' }),
    appointmentId: Uuid,
    issuedAt: Timestamp.meta({ description: 'When the booking first received money.' }),
    currency: z.string(),
    subtotalCents: z.number().int(),
    taxCents: z.number().int(),
    totalCents: z.number().int().meta({ description: 'subtotalCents + taxCents: what was sold.' }),
    taxRateBasisPoints: z.number().int(),
    taxInclusive: z.boolean(),
    clientName: z.string(),
    clientEmail: z.string(),
    lines: z.array(InvoiceLineSchema),
    appointmentStatus: AppointmentStatusSchema,
    paymentStatus: PaymentStatusSchema,
  })
  .meta({ id: 'Invoice' });
export type InvoiceDto = z.infer<typeof InvoiceSchema>;

export const InvoicePageSchema = pageOf(InvoiceSchema).meta({ id: 'InvoicePage' });

export const InvoiceListQuery = z
  .object({
    startDate: DateOnly.optional().meta({ description: "First day of issue, in the tenant's time zone." }),
    endDate: DateOnly.optional().meta({ description: 'Last day of issue (inclusive); with startDate.' }),
    ...ListQuery.shape,
  })
  .strict()
  .refine((query) => (query.startDate === undefined) === (query.endDate === undefined), {
    message: 'startDate and endDate go together',
    path: ['endDate'],
  });

/** `…/invoices/:id/pdf` and `…/invoices/:id.pdf` (the router takes the static `.pdf` off the id). */
export const InvoicePdfParams = z.object({ id: Uuid }).strict();

export const ReceiptQuery = z
  .object({
    token: SafeText.min(20).max(200).optional().meta({ description: 'Deprecated: send x-manage-token.' }),
    paymentId: Uuid.optional().meta({ description: 'The receipt of this payment only.' }),
    refundId: Uuid.optional().meta({ description: 'The receipt of this refund only.' }),
  })
  .strict()
  .refine((query) => !(query.paymentId && query.refundId), {
    message: 'paymentId or refundId, not both',
    path: ['refundId'],
  });

const InvoiceSettingsFieldsSchema = z.object({
  legalName: text({ trim: true, min: 1, max: 200 })
    .nullable()
    .meta({ description: "The business's legal name on invoices; null: the tenant's name." }),
  address: text({ trim: true, max: 1000 })
    .refine((value) => value.split('\n').length <= 8, { message: 'must be at most 8 lines' })
    .nullable()
    .meta({ description: 'Postal address, lines separated by "\\n" (at most 8).' }),
  taxId: text({ trim: true, min: 1, max: 50 }).nullable(),
  taxRateBasisPoints: z
    .number()
    .int()
    .min(0)
    .max(MAX_TAX_RATE_BASIS_POINTS)
    .meta({ description: '0–10000: 1900 is 19 %.' }),
  taxInclusive: z
    .boolean()
    .meta({ description: 'true: prices include the tax (taken out of them); false: it is added on top.' }),
});
export type InvoiceSettingsFields = Partial<z.infer<typeof InvoiceSettingsFieldsSchema>>;

// base64 of MAX_LOGO_BYTES, rounded up to whole 4-character groups.
const MAX_LOGO_BASE64 = Math.ceil(MAX_LOGO_BYTES / 3) * 4;

export const UpdateInvoiceSettingsBodySchema = InvoiceSettingsFieldsSchema.extend({
  logo: z
    .object({
      dataBase64: z
        .string()
        .max(MAX_LOGO_BASE64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' })
        .meta({ description: 'A PNG or JPEG of at most 256 KB, base64-encoded; checked by its bytes.' }),
    })
    .strict()
    .nullable()
    .meta({ description: 'null removes the logo. It is stored, never fetched from a URL.' }),
})
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateInvoiceSettingsBody = z.infer<typeof UpdateInvoiceSettingsBodySchema>;

export const InvoiceSettingsSchema = z
  .object({
    legalName: z.string(),
    address: z.string().nullable(),
    taxId: z.string().nullable(),
    taxRateBasisPoints: z.number().int(),
    taxInclusive: z.boolean(),
    logo: z
      .object({ type: z.enum(['image/png', 'image/jpeg']), bytes: z.number().int() })
      .nullable()
      .meta({ description: 'The stored logo (its bytes are not sent back).' }),
    updatedAt: Timestamp.nullable(),
  })
  .meta({ id: 'InvoiceSettings' });
export type InvoiceSettingsDto = z.infer<typeof InvoiceSettingsSchema>;
