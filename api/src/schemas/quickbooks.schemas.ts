import { z } from 'zod';
import { MAX_REPORT_DAYS } from '../domain/reports/revenue-period.ts';
import { DateOnly, Timestamp } from './common.ts';

export const QuickBooksAuthorizationSchema = z
  .object({
    authorizationUrl: z.url().meta({
      description:
        "Intuit's authorize page: open it in the browser of someone who administers the QuickBooks company. " +
        'Valid for ten minutes, once; Intuit then sends the browser to /v1/oauth/quickbooks/callback.',
    }),
  })
  .meta({ id: 'QuickBooksAuthorization' });

export const QuickBooksStatusSchema = z
  .object({
    connected: z.boolean().meta({ description: 'Payments and refunds are pushed (status ACTIVE).' }),
    status: z.enum(['ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED']).meta({
      description:
        'NEEDS_REAUTH: Intuit refused the access (revoked or expired); pushing has stopped until QuickBooks ' +
        'is connected again. DISCONNECTED: never connected, or disconnected.',
    }),
    realmId: z.string().nullable().meta({ description: "The QuickBooks company's id (Intuit's realmId)." }),
    connectedAt: Timestamp.nullable(),
    lastSyncedAt: Timestamp.nullable().meta({ description: 'The last time a push to QuickBooks succeeded.' }),
    lastError: z.string().nullable().meta({ description: 'What went wrong last, if the last push failed.' }),
    failures: z.number().int().min(0).meta({ description: 'Failed pushes since the last one that worked.' }),
    receiptsPushed: z.number().int().min(0).meta({
      description: 'Sales receipts and refund receipts made in QuickBooks so far.',
    }),
    pushesWaiting: z.number().int().min(0).meta({
      description: 'Payments and refunds whose push failed or is under way, waiting for a retry.',
    }),
    backfillWaiting: z.boolean().meta({ description: 'A backfill was asked for and has not started yet.' }),
  })
  .meta({ id: 'QuickBooksStatus' });
export type QuickBooksStatusDto = z.infer<typeof QuickBooksStatusSchema>;

export const QuickBooksBackfillBody = z
  .object({
    startDate: DateOnly.meta({ description: "First day, in the tenant's time zone." }),
    endDate: DateOnly.meta({
      description: `Last day (inclusive); at most ${MAX_REPORT_DAYS} days in all.`,
    }),
  })
  .strict();

export const QuickBooksBackfillSchema = z
  .object({
    startDate: DateOnly,
    endDate: DateOnly,
    queued: z.literal(true),
  })
  .meta({ id: 'QuickBooksBackfill' });
export type QuickBooksBackfillDto = z.infer<typeof QuickBooksBackfillSchema>;

/**
 * What Intuit sends the browser back with. Not strict: Intuit may add parameters of its own; the
 * unknown ones are dropped.
 */
export const QuickBooksCallbackQuerySchema = z.object({
  /** Ours: 32 random bytes, base64url. */
  state: z.string().regex(/^[\w-]{1,200}$/, { message: 'is not a state we issue' }),
  code: z
    .string()
    .regex(/^[\w\-/.~+]{1,2000}$/, { message: 'is not an authorization code' })
    .optional(),
  /** The company chosen: digits. */
  realmId: z
    .string()
    .regex(/^\d{1,32}$/, { message: 'is not a QuickBooks company id' })
    .optional(),
  /** access_denied when the tenant said no. */
  error: z
    .string()
    .regex(/^[a-z_]{1,100}$/, { message: 'is not an OAuth error code' })
    .optional(),
});
