import type { ErrorCode } from './error-catalogue.ts';

/**
 * The errors domain and use-case code throws. Each carries a stable snake_case
 * `code` from the catalogue (error-catalogue.ts: a code not listed there is a
 * type error) and no HTTP status: http/error-handler.ts takes the status from
 * the catalogue. Codes are part of the public API: never rename.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

// Input

/** Input that passed the schema but breaks a rule the schema cannot see. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
}

// Authentication and access

export class InvalidApiKeyError extends DomainError {
  readonly code = 'invalid_api_key';
}

/** A valid key of the wrong kind: a publishable key on an admin route, or the reverse. */
export class WrongKeyKindError extends DomainError {
  readonly code = 'wrong_key_kind';
}

export class OriginNotAllowedError extends DomainError {
  readonly code = 'origin_not_allowed';
}

/** A wrong email or password (the same answer for an address without an account). */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';

  constructor() {
    super('The email or password is wrong.');
  }
}

/** The caller's role may not do this (a provider session on a manager route…). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** A state-changing request on a session without its x-csrf-token. */
export class CsrfFailedError extends DomainError {
  readonly code = 'csrf_failed';

  constructor() {
    super("Send the session's CSRF token (from sign-in) in the x-csrf-token header.");
  }
}

/** An invite or reset link that is unknown, used or expired. */
export class InvalidTokenError extends DomainError {
  readonly code = 'invalid_token';

  constructor() {
    super('This link is unknown, already used or expired: ask for a new one.');
  }
}

// Resources

/** Missing, or belonging to another tenant: the two are indistinguishable on purpose. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';

  constructor(resource: string, id?: string) {
    super(id === undefined ? `${resource} not found.` : `${resource} ${id} not found.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class SlugTakenError extends DomainError {
  readonly code = 'slug_taken';
}

/** A location that services name cannot be deleted. */
export class LocationInUseError extends DomainError {
  readonly code = 'location_in_use';
}

// Limits

export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
}

// Booking

/** The requested time cannot be booked (taken, closed, outside notice or window, no seats). */
export class SlotUnavailableError extends DomainError {
  readonly code = 'slot_unavailable';
}

/** The appointment's status does not allow this change (cancelling a completed one…). */
export class InvalidStateError extends DomainError {
  readonly code = 'invalid_state';
}

/** The same Idempotency-Key was sent with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
}

/** A request with this Idempotency-Key is still being processed. */
export class IdempotencyInProgressError extends DomainError {
  readonly code = 'idempotency_in_progress';
}

// Payments

/** A card-payment operation on a platform without STRIPE_SECRET_KEY (payment at the appointment only). */
export class PaymentsNotConfiguredError extends DomainError {
  readonly code = 'payments_not_configured';

  constructor() {
    super('Card payments are not set up on this platform: STRIPE_SECRET_KEY is unset.');
  }
}

/** A charge of the kept card asked for a booking that keeps none. */
export class NoCardOnFileError extends DomainError {
  readonly code = 'no_card_on_file';
}

/** The kept card was declined (or its bank wants the client, who is not there): still due. */
export class CardDeclinedError extends DomainError {
  readonly code = 'card_declined';

  constructor(amountCents: number, currency: string, reason: string | null) {
    super(
      `The card was declined; ${amountCents} ${currency} (minor units) stays due.`,
      reason ? [{ path: 'card', message: reason }] : undefined,
    );
  }
}

/** A Stripe webhook whose signature does not verify: not from Stripe, altered, or replayed late. */
export class InvalidSignatureError extends DomainError {
  readonly code = 'invalid_signature';
}

// Google Calendar

/** Connecting a calendar on a platform without Google's OAuth client (GOOGLE_CLIENT_ID) or PUBLIC_URL. */
export class CalendarNotConfiguredError extends DomainError {
  readonly code = 'calendar_not_configured';

  constructor() {
    super('Google Calendar is not set up on this platform: GOOGLE_CLIENT_ID or PUBLIC_URL is unset.');
  }
}

/** A consent's callback whose state matches no consent under way (forged, expired, or used). */
export class InvalidOAuthStateError extends DomainError {
  readonly code = 'invalid_oauth_state';
}

/** Google gave no access: the provider said no, or the code could not be exchanged. */
export class OAuthDeniedError extends DomainError {
  readonly code = 'oauth_denied';
}

/** A push notification naming one of our channels without its token: not from Google. */
export class InvalidChannelTokenError extends DomainError {
  readonly code = 'invalid_channel_token';
}

// QuickBooks Online

/** Connecting QuickBooks on a platform without an Intuit app (QUICKBOOKS_CLIENT_ID) or PUBLIC_URL. */
export class QuickBooksNotConfiguredError extends DomainError {
  readonly code = 'quickbooks_not_configured';

  constructor() {
    super('QuickBooks Online is not set up on this platform: QUICKBOOKS_CLIENT_ID or PUBLIC_URL is unset.');
  }
}

// Outside services

/**
 * A service we depend on (Stripe) did not answer or failed: nothing was done and the client may
 * retry; the answer carries `Retry-After: retryAfterSeconds`.
 */
export class ServiceBusyError extends DomainError {
  readonly code = 'service_busy';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** What failed, for the log; never sent to the client. */
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

// Outgoing webhooks

/** Webhook secrets are kept sealed: without ENCRYPTION_KEY no endpoint can be made. */
export class WebhooksNotConfiguredError extends DomainError {
  readonly code = 'webhooks_not_configured';

  constructor() {
    super('Outgoing webhooks need ENCRYPTION_KEY on this platform: their signing secrets are kept sealed.');
  }
}
