import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FakeStripeError, type StripeErrorBody } from './errors.ts';
import { expand } from './expand.ts';
import { StripeFaults } from './faults.ts';
import { canonical, parseForm, type Params } from './form.ts';
import { expandPaths } from './params.ts';
import { randomString, type Account, type FakeStripeState, type Route } from './state.ts';

/**
 * The HTTP side: Stripe's authentication, the Stripe-Account header, Idempotency-Key replay,
 * injected failures and the request log, around the resource routes.
 */

export interface RequestRecord {
  method: string;
  path: string;
  /** The Stripe-Account header, or null for the platform. */
  account: Account;
  idempotencyKey: string | null;
  params: Params;
  /** The HTTP status answered, or 'timeout' when the fake held the request without answering. */
  status: number | 'timeout';
  /** True when the answer was a replay of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

interface Answer {
  status: number;
  body: string;
  replayed: boolean;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: string;
}

export interface ServerOptions {
  state: FakeStripeState;
  routes: Route[];
  /** Accept only this secret key; by default any `sk_test_…` key. */
  apiKey?: string;
  /** How long a 'timeout' fault holds the request before dropping the connection. */
  hangMs: number;
}

export class FakeStripeServer {
  readonly requests: RequestRecord[] = [];
  readonly faults = new StripeFaults();
  /** Saved answers by account and Idempotency-Key, as Stripe keys them. */
  private readonly idempotency = new Map<string, StoredAnswer>();
  private readonly hangs = new Set<NodeJS.Timeout>();
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ error: { type: 'api_error', message: `fake Stripe crashed: ${String(error)}` } }),
      );
    });
  });

  constructor(private readonly options: ServerOptions) {}

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  reset(): void {
    this.requests.length = 0;
    this.idempotency.clear();
    this.faults.clear();
  }

  /** Closes every connection, held ones included, so nothing keeps the test process alive. */
  async close(): Promise<void> {
    for (const timer of this.hangs) clearTimeout(timer);
    this.hangs.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake-stripe');
    const method = req.method ?? 'GET';
    const params = method === 'POST' ? parseForm(body) : parseForm(url.search.slice(1));
    const record: RequestRecord = {
      method,
      path: url.pathname,
      account: header(req, 'stripe-account'),
      idempotencyKey: header(req, 'idempotency-key'),
      params,
      status: 0,
      replayed: false,
    };
    this.requests.push(record);

    const fault = this.faults.take(method, url.pathname);
    if (fault === 'timeout') return this.hang(record, res);
    const requestId = `req_${randomString(14)}`;
    const answer =
      fault === 500
        ? errorAnswer(500, {
            type: 'api_error',
            message: 'An unknown error occurred (injected by the fake).',
          })
        : this.answer(req, record, requestId);
    if (fault === 'timeout_after_processing') return this.hang(record, res);

    record.status = answer.status;
    record.replayed = answer.replayed;
    res.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Stripe-Version': header(req, 'stripe-version') ?? Stripe.API_VERSION,
      ...(record.idempotencyKey ? { 'Idempotency-Key': record.idempotencyKey } : {}),
      ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
    res.end(answer.body);
  }

  private answer(req: http.IncomingMessage, record: RequestRecord, requestId: string): Answer {
    const denied = authenticate(req.headers.authorization, this.options.apiKey);
    if (denied) return denied;
    const { account, idempotencyKey } = record;
    if (account !== null && !this.options.state.accounts.has(account)) {
      return errorAnswer(403, {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message:
          `The provided key does not have access to account '${account}' (or that account does not exist). ` +
          'Application access may have been revoked.',
      });
    }
    // https://docs.stripe.com/api/idempotent_requests: POST only; same key and same parameters →
    // the saved answer (status and body); same key, other parameters → idempotency_error.
    const key =
      record.method === 'POST' && idempotencyKey ? `${account ?? 'platform'} ${idempotencyKey}` : null;
    const fingerprint = `${record.method} ${record.path} ${canonical(record.params)}`;
    const saved = key ? this.idempotency.get(key) : undefined;
    if (saved) {
      if (saved.fingerprint !== fingerprint) {
        return errorAnswer(400, {
          type: 'idempotency_error',
          message:
            'Keys for idempotent requests can only be used with the same parameters they were first used with. ' +
            `Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
      return { status: saved.status, body: saved.body, replayed: true };
    }
    const { answer, save } = this.run(record, requestId);
    if (key && save) this.idempotency.set(key, { fingerprint, status: answer.status, body: answer.body });
    return answer;
  }

  private run(record: RequestRecord, requestId: string): { answer: Answer; save: boolean } {
    const match = matchRoute(this.options.routes, record.method, record.path);
    if (!match) {
      const message = `Unrecognized request URL (${record.method}: ${record.path}). Please see https://stripe.com/docs.`;
      return { answer: errorAnswer(404, { type: 'invalid_request_error', message }), save: false };
    }
    const { state } = this.options;
    try {
      const result = match.route.handle({
        state,
        account: record.account,
        params: record.params,
        id: match.id,
        request: { id: requestId, idempotency_key: record.idempotencyKey },
      });
      const body = JSON.stringify(expand(state, record.account, result, expandPaths(record.params)), null, 2);
      return { answer: { status: 200, body, replayed: false }, save: true };
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      return { answer: errorAnswer(error.status, error.body), save: !error.beforeExecution };
    }
  }

  private hang(record: RequestRecord, res: http.ServerResponse): void {
    record.status = 'timeout';
    const timer = setTimeout(() => {
      this.hangs.delete(timer);
      res.socket?.destroy();
    }, this.options.hangMs);
    timer.unref();
    this.hangs.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.hangs.delete(timer);
    });
  }
}

function authenticate(authorization: string | undefined, apiKey: string | undefined): Answer | null {
  const key = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!key) {
    return errorAnswer(401, {
      type: 'invalid_request_error',
      message:
        'You did not provide an API key. You need to provide your API key in the Authorization header, ' +
        "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (apiKey ? key !== apiKey : !key.startsWith('sk_test_')) {
    return errorAnswer(401, {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    });
  }
  return null;
}

function errorAnswer(status: number, error: StripeErrorBody): Answer {
  return { status, body: JSON.stringify({ error }, null, 2), replayed: false };
}

function matchRoute(routes: Route[], method: string, path: string): { route: Route; id: string } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let id = '';
    const matches = pattern.every((part, i) => {
      const segment = decodeURIComponent(segments[i] ?? '');
      if (part === ':id') id = segment;
      return part === ':id' ? segment !== '' : part === segment;
    });
    if (matches) return { route, id };
  }
  return undefined;
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || null;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
