/**
 * What a call to Intuit can end in, as our own errors: the status and Intuit's short fault code
 * or OAuth error only, never the request (its URL, headers or form carry tokens and codes).
 */
export class QuickBooksError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** Intuit's fault code ("6240" duplicate name, "3200" authentication) or OAuth error, if any. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The access token was refused (401): refresh it and ask again. */
export class QuickBooksUnauthorizedError extends QuickBooksError {}

/** invalid_grant: the refresh token is revoked, expired or superseded; the tenant must connect again. */
export class QuickBooksGrantRevokedError extends QuickBooksError {}

/** No answer, 429 or 5xx: nothing known to be done; ask again later (with the same requestid). */
export class QuickBooksUnavailableError extends QuickBooksError {}

/** Any other 4xx: QuickBooks refused the request as sent. */
export class QuickBooksRefusedError extends QuickBooksError {}

/** The error for an HTTP answer that was not 2xx, from its status and body. */
export function errorOf(what: string, status: number, body: unknown): QuickBooksError {
  const reason = reasonOf(body);
  const message = `QuickBooks ${what}: ${status}${reason ? ` ${reason}` : ''}`;
  if (reason === 'invalid_grant') return new QuickBooksGrantRevokedError(message, status, reason);
  if (status === 401) return new QuickBooksUnauthorizedError(message, status, reason);
  if (status === 429 || status >= 500) return new QuickBooksUnavailableError(message, status, reason);
  return new QuickBooksRefusedError(message, status, reason);
}

/** Intuit's fault code (accounting API) or error (OAuth endpoints), if it looks like one. */
function reasonOf(body: unknown): string | null {
  const data = body as {
    error?: unknown;
    Fault?: { Error?: Array<{ code?: unknown }> };
    fault?: { error?: Array<{ code?: unknown }> };
  } | null;
  const reason: unknown =
    typeof data?.error === 'string'
      ? data.error
      : (data?.Fault?.Error?.[0]?.code ?? data?.fault?.error?.[0]?.code ?? null);
  return typeof reason === 'string' && /^[\w.-]{1,60}$/.test(reason) ? reason : null;
}
