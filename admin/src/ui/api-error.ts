import { ApiError } from '@mais/sdk';

/**
 * What to tell the user about a failed call: the API's own message (they are written for people),
 * its field details, and for a 409 that it is the current state that refused, not a fault.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details?.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    return details ? `${error.message} (${details})` : error.message;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'Cancelled.';
  return 'The API could not be reached. Check the connection and try again.';
}

/** The API's error code, when the error is an API answer. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
