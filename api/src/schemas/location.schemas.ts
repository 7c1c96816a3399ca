import { z } from 'zod';
import { ListQuery, Timestamp, TimeZone, Uuid } from './common.ts';
import { SafeText, text } from './text.ts';

/** Where a tenant's services are performed: a studio, a branch, a clinic. */

export const LocationSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    addressLines: z.array(z.string()).meta({ description: 'Street lines, at most 3.' }),
    city: z.string(),
    postalCode: z.string(),
    country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2, e.g. "DE".' }),
    phone: z.string().nullable(),
    timezone: z.string().nullable(),
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Location' });
export type LocationDto = z.infer<typeof LocationSchema>;

const LocationFields = {
  name: text({ trim: true, min: 1, max: 200 }),
  addressLines: z.array(text({ trim: true, min: 1, max: 200 })).max(3),
  city: text({ trim: true, max: 100 }),
  postalCode: text({ trim: true, max: 20 }),
  country: SafeText.trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as "DE"' })
    .nullable(),
  phone: SafeText.trim()
    .regex(/^\+?[0-9 ()-]{5,25}$/, { message: 'must be a phone number such as "+49 30 1234567"' })
    .nullable(),
  timezone: TimeZone.nullable(),
  active: z.boolean(),
};

export const CreateLocationBodySchema = z
  .object({
    name: LocationFields.name,
    addressLines: LocationFields.addressLines.default([]),
    city: LocationFields.city.default(''),
    postalCode: LocationFields.postalCode.default(''),
    country: LocationFields.country.default(null),
    phone: LocationFields.phone.default(null),
    timezone: LocationFields.timezone.default(null),
    active: LocationFields.active.default(true),
  })
  .strict();
export type CreateLocationBody = z.infer<typeof CreateLocationBodySchema>;

export const UpdateLocationBodySchema = z
  .object(LocationFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateLocationBody = z.infer<typeof UpdateLocationBodySchema>;

export const LocationListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).optional() }).strict();

/** What clients see of a service's place (GET /v1/public/services). */
export const PublicLocationSchema = LocationSchema.pick({
  name: true,
  addressLines: true,
  city: true,
  postalCode: true,
  country: true,
  phone: true,
}).meta({ id: 'PublicLocation' });
export type PublicLocationDto = z.infer<typeof PublicLocationSchema>;
