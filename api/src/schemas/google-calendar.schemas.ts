import { z } from 'zod';
import { Timestamp } from './common.ts';

export const GoogleAuthorizationSchema = z
  .object({
    authorizationUrl: z.url().meta({
      description:
        "Google's consent page: open it in the provider's browser. Valid for ten minutes, once; Google " +
        'then sends the browser to /v1/oauth/google/callback.',
    }),
  })
  .meta({ id: 'GoogleAuthorization' });

export const GoogleCalendarStatusSchema = z
  .object({
    connected: z.boolean().meta({ description: 'The calendar syncs both ways (status ACTIVE).' }),
    status: z.enum(['ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED']).meta({
      description:
        'NEEDS_REAUTH: Google refused the access (revoked or expired); sync has stopped until the provider ' +
        'connects again. DISCONNECTED: never connected, or disconnected.',
    }),
    calendarId: z.string().nullable(),
    connectedAt: Timestamp.nullable(),
    lastSyncedAt: Timestamp.nullable().meta({
      description: 'The last time busy times were read from Google.',
    }),
    lastError: z
      .string()
      .nullable()
      .meta({ description: 'What went wrong last, if the last attempt failed.' }),
    channelExpiresAt: Timestamp.nullable().meta({
      description:
        "When Google's push channel ends (it is renewed a day before); null: none open, polling only.",
    }),
  })
  .meta({ id: 'GoogleCalendarStatus' });
export type GoogleCalendarStatusDto = z.infer<typeof GoogleCalendarStatusSchema>;

/**
 * What Google sends the browser back with. Not strict: Google adds parameters of its own (scope,
 * authuser, prompt, hd, iss…) and may add more; the unknown ones are dropped.
 */
export const GoogleCallbackQuerySchema = z.object({
  /** Ours: 32 random bytes, base64url. */
  state: z.string().regex(/^[\w-]{1,200}$/, { message: 'is not a state we issue' }),
  /** Google's ("4/0AX4Xf…"). */
  code: z
    .string()
    .regex(/^[\w\-/.~+]{1,2000}$/, { message: 'is not an authorization code' })
    .optional(),
  /** access_denied when the provider said no. */
  error: z
    .string()
    .regex(/^[a-z_]{1,100}$/, { message: 'is not an OAuth error code' })
    .optional(),
  /** The scopes granted, space-separated URLs. */
  scope: z
    .string()
    .regex(/^[\w\-/.: ]{0,2000}$/, { message: 'is not a list of scopes' })
    .optional(),
});

/** The headers of a push notification (https://developers.google.com/calendar/api/guides/push). */
export const GoogleNotificationHeadersSchema = z.object({
  'x-goog-channel-id': z.string().min(1).max(200),
  'x-goog-channel-token': z.string().max(500).optional(),
  'x-goog-resource-state': z.string().min(1).max(50),
});

export const GoogleNotificationAnswerSchema = z
  .object({ received: z.literal(true) })
  .meta({ id: 'GoogleNotificationAnswer' });
