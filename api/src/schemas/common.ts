import { z } from 'zod';
import { isCurrencyCode } from '../domain/money.ts';
import { isIanaTimeZone } from '../domain/time-zone.ts';
import { WALL_TIME_PATTERN } from '../domain/wall-time.ts';

/** Building blocks shared by the route schemas. */

export const Uuid = z.uuid({ message: 'must be a UUID' });

export const TimeZone = z
  .string()
  .refine(isIanaTimeZone, { message: 'must be an IANA time zone such as "Europe/Berlin"' })
  .meta({ example: 'Europe/Berlin' });

export const CurrencyCode = z
  .string()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as "EUR"' })
  .meta({ example: 'EUR' });

export const WallTime = z
  .string()
  .regex(WALL_TIME_PATTERN, { message: 'must be a time "HH:MM" between 00:00 and 24:00' })
  .meta({ example: '09:00' });

export const DateOnly = z.iso.date({ message: 'must be a date "YYYY-MM-DD"' });

export const Timestamp = z.iso.datetime({ offset: true });

/** Minor units (cents), stored as a 32-bit integer. */
export const Cents = z.number().int().min(0).max(2_000_000_000);

export const IdParams = z.object({ id: Uuid }).strict();

export const ListQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error statuses every authenticated route can answer, for the OpenAPI document. */
export const authenticatedErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  429: ErrorResponse,
} as const;
