import { z } from 'zod';
import { ERROR_CODES } from '../domain/error-catalogue.ts';
import { isCurrencyCode } from '../domain/money.ts';
import { canonicalTimeZone, isIanaTimeZone } from '../domain/time-zone.ts';
import { WALL_TIME_PATTERN } from '../domain/wall-time.ts';
import { SafeText } from './text.ts';

/** Building blocks shared by the route schemas. */

export const Uuid = z.uuid({ message: 'must be a UUID' });

/** Stored in its canonical spelling: "europe/berlin" becomes "Europe/Berlin". */
export const TimeZone = SafeText.refine(isIanaTimeZone, {
  message: 'must be an IANA time zone such as "Europe/Berlin"',
})
  .transform((name) => canonicalTimeZone(name) ?? name)
  .meta({ example: 'Europe/Berlin' });

export const CurrencyCode = SafeText.refine(isCurrencyCode, {
  message: 'must be an ISO 4217 currency code such as "EUR"',
}).meta({ example: 'EUR' });

export const WallTime = z
  .string()
  .regex(WALL_TIME_PATTERN, { message: 'must be a time "HH:MM" between 00:00 and 24:00' })
  .meta({ example: '09:00' });

/**
 * Years a date may have. PostgreSQL refuses years before 1 (22008), and far
 * years are typos or probes: instants run 1970–9999, calendar dates and months
 * (opening hours, holidays, list ranges) 2000–2200.
 */
const INSTANT_YEARS = [1970, 9999] as const;
const CALENDAR_YEARS = [2000, 2200] as const;

/** A refinement on the leading "YYYY"; a value without one is left to the format's own message. */
function inYears([first, last]: readonly [number, number]) {
  return [
    (value: string) => {
      const year = /^\d{4}/.exec(value)?.[0];
      return year === undefined || (Number(year) >= first && Number(year) <= last);
    },
    { message: `must be in the years ${first}–${last}` },
  ] as const;
}

export const DateOnly = z.iso
  .date({ message: 'must be a date "YYYY-MM-DD"' })
  .refine(...inYears(CALENDAR_YEARS));

export const Month = SafeText.regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  message: 'must be a month "YYYY-MM"',
}).refine(...inYears(CALENDAR_YEARS));

/** An ISO 8601 instant; `params` as for z.iso.datetime (default: any offset). */
export function timestamp(params: Parameters<typeof z.iso.datetime>[0] = { offset: true }) {
  return z.iso.datetime(params).refine(...inYears(INSTANT_YEARS));
}

export const Timestamp = timestamp();

/** Minor units (cents), stored as a 32-bit integer. */
export const Cents = z.number().int().min(0).max(2_000_000_000);

export const IdParams = z.object({ id: Uuid }).strict();

export const ListQuery = z
  .object({
    cursor: SafeText.max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** The error shape; `code` is one of the catalogue's (domain/error-catalogue.ts). */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ example: 'validation_failed' }),
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
