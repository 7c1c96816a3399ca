/**
 * Google's error shapes. The Calendar API answers
 * `{ error: { code, message, errors: [{ domain, reason, message }], status } }`; the OAuth endpoints
 * answer `{ error: "invalid_grant", error_description }`.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly statusName = STATUS_NAMES[status] ?? 'UNKNOWN',
  ) {
    super(message);
  }

  body(): object {
    return {
      error: {
        code: this.status,
        message: this.message,
        errors: [{ domain: 'global', reason: this.reason, message: this.message }],
        status: this.statusName,
      },
    };
  }
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }

  body(): object {
    return { error: this.code, error_description: this.description };
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'GONE',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export const notFound = () => new ApiError(404, 'notFound', 'Not Found');
export const invalid = (message: string) => new ApiError(400, 'invalid', message);
