/**
 * Errors in Stripe's shape, `{ error: { type, code, message, param?, decline_code?, … } }`, with the
 * HTTP statuses stripe-node maps to its classes (its `generateV1Error`): 400/404 →
 * StripeInvalidRequestError (or StripeIdempotencyError for type idempotency_error), 401 →
 * StripeAuthenticationError, 402 → StripeCardError, 403 → StripePermissionError, 5xx → StripeAPIError.
 * https://docs.stripe.com/api/errors
 */

export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
}

export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe saves no idempotent answer when a request fails validation before an endpoint starts
     * executing (https://docs.stripe.com/api/idempotent_requests), so a corrected retry with the same
     * key runs. Errors raised once execution began (a declined card) are saved and replayed.
     */
    readonly beforeExecution = false,
  ) {
    super(body.message);
  }
}

export function invalidRequest(message: string, details: { code?: string; param?: string } = {}) {
  return new FakeStripeError(400, { type: 'invalid_request_error', message, ...details });
}

/** A malformed or unknown parameter: refused before execution, so nothing is saved for the key. */
export function invalidParam(message: string, code: string, param: string) {
  return new FakeStripeError(400, { type: 'invalid_request_error', message, code, param }, true);
}

/** `No such payment_intent: 'pi_123'`: 404 for the object in the path, 400 for one named in a parameter. */
export function noSuch(resource: string, id: string, param: string, status: 400 | 404 = 404) {
  return new FakeStripeError(status, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${resource}: '${id}'`,
    param,
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
  });
}

/** A state the object cannot leave that way (confirming a succeeded PaymentIntent, …). */
export function unexpectedState(message: string, code = 'payment_intent_unexpected_state') {
  return new FakeStripeError(400, { type: 'invalid_request_error', code, message });
}

/**
 * A real Stripe parameter or value this fake does not model. Refused loudly rather than ignored, so
 * a test never passes on behaviour the fake only pretends to have.
 */
export function notModelled(what: string) {
  return new FakeStripeError(
    400,
    {
      type: 'invalid_request_error',
      code: 'fake_not_modelled',
      message: `The fake Stripe server does not model ${what}.`,
    },
    true,
  );
}
