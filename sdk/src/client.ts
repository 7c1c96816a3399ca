import { ApiConnectionError, ApiError, MaisError, retryAfterMs, TimeoutError } from './core/errors.ts';
import { PagePromise, type Page } from './core/pagination.ts';
import { requestHeaders } from './internal/headers.ts';
import { queryString } from './internal/query.ts';
import { sleep } from './internal/sleep.ts';
import { randomUuid } from './internal/uuid.ts';

export interface ClientOptions {
  /** The API's origin, e.g. 'https://api.example' or 'http://127.0.0.1:3000'. */
  baseUrl: string;
  /** Defaults to the global fetch (Node >= 20, browsers). */
  fetch?: typeof fetch;
  /** Per attempt, body included. Default 30 000. */
  timeoutMs?: number;
  /** Retries after network errors, timeouts, 408, 409 idempotency_in_progress, 429 and 5xx. Default 2. */
  maxRetries?: number;
}

/** Per-call settings; each overrides the client's. */
export interface RequestOptions {
  timeoutMs?: number;
  maxRetries?: number;
  /** Aborting rejects the call with the signal's reason, without retrying. */
  signal?: AbortSignal;
  /** POST only: your own key instead of a random one (e.g. one kept across page reloads). */
  idempotencyKey?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  path: string;
  query?: object | undefined;
  body?: unknown;
  /** Headers of this call only (e.g. a booking's manage token). */
  headers?: Record<string, string> | undefined;
  options?: RequestOptions | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;
/** A longer Retry-After than this is not waited for: the error is thrown at once. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Transport shared by MaisClient and MaisAdmin: URL, headers, timeout, retries, errors. */
export abstract class BaseClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly #fetch: typeof fetch;

  constructor(options: ClientOptions) {
    if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
      throw new MaisError('baseUrl must be the API origin, e.g. "https://api.example.com".');
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = positiveOption('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.maxRetries = countOption('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES);
    // Wrapped so that the browser's fetch is never called with another `this` ("Illegal invocation").
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The authentication headers of every request. */
  protected abstract authHeaders(): Record<string, string>;

  /**
   * Whether fetch sends cookies: 'include' for a staff session (the console, which may run on
   * another origin than the API in development), the fetch default otherwise.
   */
  protected credentials(): RequestCredentials | undefined {
    return undefined;
  }

  /** Sends one API call, retrying as configured, and returns its parsed JSON (undefined for 204). */
  async request<Result>({ method, path, query, body, headers, options = {} }: ApiRequest): Promise<Result> {
    // Every POST carries an idempotency key, made once here and resent unchanged on every retry
    // (stripe-node RequestSender): a request whose answer was lost (timeout, dropped connection,
    // 5xx) may have reached the API and booked, and only the same key lets the API recognise the
    // retry and replay the first answer instead of booking twice. A key per attempt would not.
    const idempotencyKey = method === 'POST' ? (options.idempotencyKey ?? randomUuid()) : undefined;
    const url = `${this.baseUrl}${path}${queryString(query)}`;
    const init: RequestInit = {
      method,
      headers: {
        ...requestHeaders({ auth: this.authHeaders(), hasBody: body !== undefined, idempotencyKey }),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(this.credentials() ? { credentials: this.credentials() } : {}),
    };
    const timeoutMs = positiveOption('timeoutMs', options.timeoutMs, this.timeoutMs);
    const maxRetries = countOption('maxRetries', options.maxRetries, this.maxRetries);

    for (let retry = 0; ; retry++) {
      let answer: { response: Response; text: string };
      try {
        answer = await this.#attempt(url, init, timeoutMs, options.signal);
      } catch (error) {
        if (!(error instanceof ApiConnectionError) || retry >= maxRetries) throw error;
        await sleep(backoffMs(retry), options.signal);
        continue;
      }
      const { response, text } = answer;
      if (response.ok) return parseSuccess<Result>(response, text);

      const error = ApiError.generate(response.status, parseJson(text) ?? text, response.headers);
      const delay =
        retry < maxRetries && shouldRetry(error) ? retryDelayMs(retry, response.headers) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay, options.signal);
    }
  }

  /** A list call: awaitable as its first page, async-iterable over every item of every page. */
  requestPage<Item>(path: string, query: object | undefined, options?: RequestOptions): PagePromise<Item> {
    return new PagePromise<Item>((cursor) =>
      this.request<Page<Item>>({
        method: 'GET',
        path,
        query: { ...query, ...(cursor === undefined ? {} : { cursor }) },
        options,
      }),
    );
  }

  /** One attempt: the answer with its whole body, or an ApiConnectionError (TimeoutError). */
  async #attempt(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined) {
    if (signal?.aborted) throw signal.reason;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await this.#fetch(url, { ...init, signal: controller.signal });
      // Read the body inside the timeout: a connection can also die half-way through it.
      const text = await response.text();
      return { response, text };
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) {
        throw new TimeoutError(`${init.method} ${url}: no answer within ${timeoutMs} ms.`, { cause });
      }
      throw new ApiConnectionError(`${init.method} ${url}: ${describe(cause)}`, { cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * Worth another attempt: the request may succeed later. 409 only while another request with the
 * same idempotency key is in flight; other conflicts (slot taken) would fail the same way again.
 */
function shouldRetry(error: ApiError): boolean {
  const { status } = error;
  return (
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    (status === 409 && error.code === 'idempotency_in_progress')
  );
}

/** The server's Retry-After when it sent one (undefined: too long to wait), else the backoff. */
function retryDelayMs(retry: number, headers: Headers): number | undefined {
  const hinted = retryAfterMs(headers);
  if (hinted === undefined) return backoffMs(retry);
  return hinted <= MAX_RETRY_AFTER_MS ? hinted : undefined;
}

/** 0.5 s, 1 s, 2 s, … up to 8 s, each shortened by up to 25 % at random so clients spread out. */
export function backoffMs(retry: number): number {
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  return delay * (1 - Math.random() * 0.25);
}

function parseSuccess<Result>(response: Response, text: string): Result {
  if (response.status === 204 || text === '') return undefined as Result;
  const parsed = parseJson(text);
  if (parsed === undefined) {
    throw new MaisError(`The API answered ${response.status} with a body that is not JSON.`);
  }
  return parsed as Result;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Node's fetch hides the reason in `cause` ("fetch failed" ← ECONNREFUSED). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message} (${String(detail)})` : error.message;
}

function positiveOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new MaisError(`${name} must be a positive number.`);
  return value;
}

function countOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new MaisError(`${name} must be a whole number >= 0.`);
  return value;
}
