import { errorOf, QuickBooksUnavailableError } from './quickbooks-errors.ts';

/** How long a call to Intuit may take before it fails (and its job is retried). */
export const TIMEOUT_MS = 15_000;

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One request to Intuit with fetch: JSON answers parsed, failures turned into our errors (see
 * quickbooks-errors.ts). `what` names the call in messages; the URL never appears in one, since
 * a query string or form may hold a code or a token.
 */
export async function send<T>(what: string, request: HttpRequest): Promise<T> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: { accept: 'application/json', ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new QuickBooksUnavailableError(`QuickBooks ${what}: no answer`, null);
  }
  const text = await response.text().catch(() => '');
  const body = parse(text);
  if (!response.ok) throw errorOf(what, response.status, body);
  return body as T;
}

function parse(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
