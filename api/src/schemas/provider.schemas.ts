import { z } from 'zod';
import { Cents, ListQuery, Timestamp, TimeZone, Uuid } from './common.ts';
import { SafeText, storable, text } from './text.ts';

export const ProviderServiceSchema = z.object({
  serviceId: Uuid,
  priceOverrideCents: z
    .number()
    .int()
    .nullable()
    .meta({ description: "This provider's price for the service; null uses the service's base price." }),
});

export const ProviderSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    timezone: z.string().nullable().meta({ description: "null uses the service's or the tenant's zone." }),
    active: z.boolean(),
    services: z.array(ProviderServiceSchema).meta({ description: 'The services this provider offers.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Provider' });
export type ProviderDto = z.infer<typeof ProviderSchema>;

const ProviderFields = {
  name: text({ trim: true, min: 1, max: 200 }),
  email: z
    .email({ message: 'must be an email address' })
    .max(254)
    .refine(...storable),
  phone: SafeText.trim()
    .regex(/^\+?[0-9 ()-]{5,25}$/, { message: 'must be a phone number such as "+49 30 1234567"' })
    .nullable(),
  timezone: TimeZone.nullable(),
  active: z.boolean(),
};

export const CreateProviderBodySchema = z
  .object({
    name: ProviderFields.name,
    email: ProviderFields.email,
    phone: ProviderFields.phone.default(null),
    timezone: ProviderFields.timezone.default(null),
    active: ProviderFields.active.default(true),
  })
  .strict();
export type CreateProviderBody = z.infer<typeof CreateProviderBodySchema>;

export const UpdateProviderBodySchema = z
  .object(ProviderFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateProviderBody = z.infer<typeof UpdateProviderBodySchema>;

export const SetProviderServicesBodySchema = z
  .array(
    z
      .object({
        serviceId: Uuid,
        priceOverrideCents: Cents.nullable().default(null),
      })
      .strict(),
  )
  .max(100)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.serviceId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'serviceId'], message: 'is listed more than once' });
      }
      seen.add(item.serviceId);
    });
  })
  .meta({ description: 'The complete list of services the provider offers; replaces the current one.' });
export type SetProviderServicesBody = z.infer<typeof SetProviderServicesBodySchema>;

export const ProviderListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).optional() }).strict();
