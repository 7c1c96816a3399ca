import { ApiConnectionError, ApiError, ConflictError } from '@mais/sdk';
import type { Translation } from '../i18n/translation.ts';

/**
 * What the widget does about an error:
 * - setup: the key or the page's origin is refused; nothing the client can do (no retry).
 * - network: unreachable, timed out, rate limited or a 5xx after the SDK's retries; offer a retry.
 * - taken: 409 at booking or rescheduling; refresh the slots and let the client pick another.
 * - missing: the service or the booking does not exist (404).
 * - state: the booking can no longer change (409 invalid_state).
 * - invalid: 400 with field details (shown beside the fields).
 */
export type FailureKind = 'setup' | 'network' | 'taken' | 'missing' | 'state' | 'invalid' | 'unknown';

export interface Failure {
  kind: FailureKind;
  /** The API's code, or network_error. */
  code: string;
  /** The API's message (English, for developers: console and mais:error). */
  message: string;
  details: { path: string; message: string }[];
}

const SETUP_CODES = new Set(['invalid_api_key', 'wrong_key_kind', 'origin_not_allowed']);

export function toFailure(error: unknown): Failure {
  if (error instanceof ApiError) {
    const failure = { code: error.code, message: error.message, details: error.details ?? [] };
    if (SETUP_CODES.has(error.code)) return { kind: 'setup', ...failure };
    if (error instanceof ConflictError) {
      return { kind: error.code === 'slot_unavailable' ? 'taken' : 'state', ...failure };
    }
    if (error.status === 404) return { kind: 'missing', ...failure };
    if (error.status === 400) return { kind: 'invalid', ...failure };
    if (error.status === 429 || error.status >= 500) return { kind: 'network', ...failure };
    return { kind: 'unknown', ...failure };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiConnectionError)
    return { kind: 'network', code: 'network_error', message, details: [] };
  return { kind: 'unknown', code: 'unknown_error', message, details: [] };
}

/** The sentence shown to the client. */
export function failureText(failure: Failure, t: Translation): string {
  switch (failure.kind) {
    case 'setup':
      return t.errorSetup;
    case 'network':
      return failure.code === 'rate_limited' ? t.errorBusy : t.errorNetwork;
    case 'taken':
      return t.errorTaken;
    case 'state':
      // The policy's limit for moving a booking online (a cancel may still be possible).
      return failure.code === 'reschedule_too_late' ? t.errorTooLateToMove : t.errorCannotChange;
    default:
      return t.errorUnknown;
  }
}
