/**
 * Every error code the API answers, with its HTTP status and what it means:
 * the one table, shaped like fastify's lib/errors.js. Codes are public API:
 * add codes, never rename or remove one, never change a status.
 *
 * The domain only picks codes from here (errors.ts types `DomainError.code` as
 * a key of this table); http/error-handler.ts is the one place that reads the
 * statuses. schemas/common.ts turns the keys into the `code` enum of the
 * OpenAPI document, and test/error-catalogue.test.ts checks the table in
 * api/README.md against this one.
 */

interface ErrorCodeEntry {
  readonly status: number;
  readonly description: string;
}

export const ERROR_CATALOGUE = {
  // The request itself
  validation_failed: {
    status: 400,
    description: 'The body, query or path breaks the schema or a rule; `details` names each field.',
  },
  invalid_json: {
    status: 400,
    description: 'The body is not valid JSON, or empty with a JSON content type.',
  },
  invalid_body: { status: 400, description: 'The body does not match its Content-Length.' },
  invalid_url: { status: 400, description: 'The path is not a valid URL (a broken %-escape).' },
  bad_request: { status: 400, description: 'Another malformed request the HTTP layer refused.' },
  request_timeout: { status: 408, description: 'The request did not arrive in time.' },
  payload_too_large: { status: 413, description: 'The body is larger than the server accepts.' },
  uri_too_long: { status: 414, description: 'A path segment is longer than 100 characters.' },
  unsupported_media_type: { status: 415, description: 'The API takes JSON only.' },
  headers_too_large: { status: 431, description: 'The request headers are too large.' },

  // Authentication and access
  invalid_api_key: { status: 401, description: 'The key is missing, malformed, unknown or revoked.' },
  wrong_key_kind: {
    status: 403,
    description: 'A publishable key on an admin route, or a secret key on a public one.',
  },
  origin_not_allowed: {
    status: 403,
    description: "The page's Origin is not in the tenant's allowedOrigins.",
  },
  invalid_credentials: {
    status: 401,
    description: 'Sign-in: the email or password is wrong (the same answer for unknown emails).',
  },
  forbidden: { status: 403, description: "The staff account's role may not do this." },
  csrf_failed: {
    status: 403,
    description: "A state-changing request on a session without the session's `x-csrf-token`.",
  },
  invalid_token: {
    status: 404,
    description: 'An invite or password-reset link that is unknown, already used or expired.',
  },

  // Resources and routes
  not_found: { status: 404, description: 'No such resource (also for another tenant’s ids).' },
  route_not_found: { status: 404, description: 'No route for this method and path.' },
  conflict: { status: 409, description: 'The change would duplicate an existing record.' },
  slug_taken: { status: 409, description: 'The slug is already in use.' },
  location_in_use: {
    status: 409,
    description: 'The location cannot be deleted: services are performed there (deactivate it instead).',
  },

  // Booking
  slot_unavailable: {
    status: 409,
    description: 'The time cannot be booked: taken, closed, outside notice or window, no seats.',
  },
  invalid_state: {
    status: 409,
    description: "The appointment's status does not allow this change (cancelling a completed one…).",
  },
  reschedule_too_late: {
    status: 409,
    description:
      "Too close to the start for a client to move the booking (the cancellation policy's limit); the business can.",
  },
  idempotency_in_progress: {
    status: 409,
    description: 'A request with this Idempotency-Key is still being processed.',
  },
  idempotency_key_reused: {
    status: 422,
    description: 'The same Idempotency-Key was sent with a different request.',
  },

  // Payments
  payments_not_configured: {
    status: 409,
    description: 'Card payments are not set up on this platform: STRIPE_SECRET_KEY is unset.',
  },
  no_card_on_file: {
    status: 409,
    description: 'No card is kept for this booking: collect what is due at the venue instead.',
  },
  card_declined: {
    status: 402,
    description: 'The kept card was declined; the amount stays due. `details` carries the bank’s reason.',
  },
  invalid_signature: {
    status: 400,
    description: 'A Stripe webhook whose Stripe-Signature is missing, wrong or too old for its body.',
  },

  // Google Calendar
  calendar_not_configured: {
    status: 409,
    description: 'Google Calendar is not set up on this platform: GOOGLE_CLIENT_ID or PUBLIC_URL is unset.',
  },
  invalid_oauth_state: {
    status: 400,
    description:
      "A Google consent's callback whose state is unknown, expired or already used: connect again.",
  },
  oauth_denied: {
    status: 400,
    description:
      'Google gave no access: the provider declined, or the consent expired on the way; connect again.',
  },
  invalid_channel_token: {
    status: 401,
    description: 'A Google Calendar notification whose X-Goog-Channel-Token does not match its channel.',
  },

  // QuickBooks Online
  quickbooks_not_configured: {
    status: 409,
    description:
      'QuickBooks Online is not set up on this platform: QUICKBOOKS_CLIENT_ID or PUBLIC_URL is unset.',
  },

  // Outgoing webhooks
  webhooks_not_configured: {
    status: 409,
    description: 'Outgoing webhooks are not set up on this platform: ENCRYPTION_KEY is unset.',
  },

  // Limits and failures
  rate_limited: { status: 429, description: 'Too many requests; wait for `Retry-After` seconds.' },
  internal_error: { status: 500, description: 'A fault on our side; the cause is logged, never shown.' },
  service_busy: { status: 503, description: 'Overloaded for a moment; retry after `Retry-After`.' },
  database_unavailable: {
    status: 503,
    description:
      'The database does not answer (a restart or failover); retry after `Retry-After`. Also GET /ready.',
  },
  draining: {
    status: 503,
    description: 'GET /ready: the process is shutting down; a load balancer should send it no new requests.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every code, for enums (`z.enum(ERROR_CODES)`). */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];

/** The HTTP status of a code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
