import { z } from 'zod';
import { SLUG_PATTERN } from '../domain/tenancy/slug.ts';
import { CurrencyCode, Timestamp, TimeZone, Uuid } from './common.ts';
import { SafeText, storable, text } from './text.ts';

/** An origin as browsers send it: scheme, host and optional port, no path. */
export const Origin = SafeText.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, {
  message: 'must be an origin such as "https://studio.example"',
}).transform((origin) => origin.toLowerCase());

export const BrandingSchema = z
  .object({
    primaryColor: SafeText.regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour "#RRGGBB"' }).optional(),
    logoUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .refine(...storable)
      .optional(),
    fontFamily: text({ max: 200 }).optional(),
    theme: z.enum(['light', 'dark', 'auto']).optional(),
  })
  .strict();

export const TenantSchema = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    currency: z.string(),
    allowedOrigins: z.array(z.string()),
    branding: BrandingSchema,
    calendarInviteClients: z.boolean().meta({
      description:
        "Providers' Google Calendar events for bookings invite the client (Google e-mails them). Off by default.",
    }),
    icsFeedClientDetails: z.boolean(),
    smsReminders: z.boolean().meta({
      description: 'Reminders by SMS too, to clients who gave a phone number.',
    }),
    bookingPageUrl: z
      .string()
      .nullable()
      .meta({
        description:
          "The page of the tenant's site with the booking widget: links in emails open the booking there. " +
          'null: emails carry no link to manage the booking.',
      }),
    bookingPage: z
      .object({
        enabled: z.boolean().meta({ description: 'Whether /book/<slug> answers; on by default.' }),
        description: z.string().meta({ description: 'Shown on the page and in its meta description.' }),
      })
      .meta({
        description:
          'The hosted booking page, /book/<slug> on the API. Email manage links go there when bookingPageUrl is null.',
      }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Tenant' });
export type TenantDto = z.infer<typeof TenantSchema>;

export const PublicTenantSchema = TenantSchema.pick({
  name: true,
  timezone: true,
  currency: true,
  branding: true,
}).meta({ id: 'PublicTenant' });

const TenantFields = {
  name: text({ trim: true, min: 1, max: 200 }),
  timezone: TimeZone,
  currency: CurrencyCode,
  allowedOrigins: z.array(Origin).max(50),
  branding: BrandingSchema,
};

export const CreateTenantBodySchema = z
  .object({
    ...TenantFields,
    slug: SafeText.regex(SLUG_PATTERN, {
      message: 'must be lower-case letters, digits and hyphens (at most 40)',
    }).optional(),
    currency: CurrencyCode.default('USD'),
    allowedOrigins: TenantFields.allowedOrigins.default([]),
    branding: BrandingSchema.default({}),
  })
  .strict();
export type CreateTenantBody = z.infer<typeof CreateTenantBodySchema>;

export const UpdateTenantBodySchema = z
  .object({
    ...TenantFields,
    calendarInviteClients: z.boolean(),
    icsFeedClientDetails: z.boolean().meta({
      description:
        "ICS feeds show clients' full names, emails and phones; off (the default): first names only.",
    }),
    smsReminders: z.boolean(),
    bookingPageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .refine(...storable)
      .nullable(),
    bookingPage: z
      .object({ enabled: z.boolean(), description: text({ trim: true, max: 2000 }) })
      .partial()
      .strict(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateTenantBody = z.infer<typeof UpdateTenantBodySchema>;
