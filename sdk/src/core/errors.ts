import type { components } from '../generated/openapi.ts';

/**
 * Every error the SDK throws is a MaisError. Answers from the API are ApiErrors, one subclass per
 * kind of status (as openai-node's `APIError.generate`), carrying the API's snake_case `code`
 * (`slot_unavailable`, `invalid_api_key`, …), field `details` and the `x-request-id` to quote to support.
 */

/**
 * The API's error codes, as its OpenAPI document lists them (generated from the API's error
 * catalogue), and `unexpected_response` for an answer that is not in the API's error shape (a proxy
 * or load balancer answered). Codes are never renamed or removed; an API newer than this SDK may
 * answer a code added since, which arrives unchanged.
 */
export type ApiErrorCode = components['schemas']['Error']['error']['code'] | 'unexpected_response';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class MaisError extends Error {
  override readonly name: string = 'MaisError';
}

export class ApiError extends MaisError {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly requestId: string | undefined;
  readonly headers: Headers;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    details: ErrorDetail[] | undefined,
    headers: Headers,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.requestId = headers.get('x-request-id') ?? undefined;
  }

  /** The error for an answer with `status`, from its parsed body (`{ error: { code, message, details? } }`). */
  static generate(status: number, body: unknown, headers: Headers): ApiError {
    const { code, message, details } = errorFields(status, body);
    const ErrorClass = classFor(status);
    return new ErrorClass(status, code, message, details, headers);
  }
}

/** 400 (validation_failed, invalid_json…) and 422 (idempotency_key_reused). */
export class ValidationError extends ApiError {
  override readonly name: string = 'ValidationError';
}

/** 402 card_declined: the card kept at booking was declined; what was asked stays due. */
export class PaymentRequiredError extends ApiError {
  override readonly name: string = 'PaymentRequiredError';
}

/** 401 invalid_api_key, 403 wrong_key_kind or origin_not_allowed. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}

/** 404 not_found (also for another tenant's ids) or route_not_found. */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}

/** 409 slot_unavailable, invalid_state, conflict, idempotency_in_progress… */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}

/** 429 rate_limited; `retryAfter` is the server's Retry-After in seconds, when it sent one. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    details: ErrorDetail[] | undefined,
    headers: Headers,
  ) {
    super(status, code, message, details, headers);
    const seconds = retryAfterMs(headers);
    this.retryAfter = seconds === undefined ? undefined : Math.ceil(seconds / 1000);
  }
}

/** 5xx: the API failed (after the SDK's retries). */
export class InternalServerError extends ApiError {
  override readonly name: string = 'InternalServerError';
}

/** No answer: the network failed, or (TimeoutError) the API did not answer in `timeoutMs`. */
export class ApiConnectionError extends MaisError {
  override readonly name: string = 'ApiConnectionError';
}

export class TimeoutError extends ApiConnectionError {
  override readonly name: string = 'TimeoutError';
}

function classFor(status: number): typeof ApiError {
  if (status === 400 || status === 422) return ValidationError;
  if (status === 401 || status === 403) return AuthenticationError;
  if (status === 402) return PaymentRequiredError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return InternalServerError;
  return ApiError;
}

function errorFields(
  status: number,
  body: unknown,
): { code: ApiErrorCode; message: string; details?: ErrorDetail[] } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string') {
    return {
      code: error.code as ApiErrorCode,
      message: typeof error.message === 'string' ? error.message : `HTTP ${status}`,
      ...(Array.isArray(error.details) ? { details: error.details as ErrorDetail[] } : {}),
    };
  }
  // Not the API's error shape: a proxy or load balancer answered.
  return {
    code: 'unexpected_response',
    message: `HTTP ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The server's wait hint in milliseconds: `retry-after-ms`, else `Retry-After` as seconds or an
 * HTTP date (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
