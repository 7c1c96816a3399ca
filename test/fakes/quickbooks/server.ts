import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { create, query } from './accounting.ts';
import { FaultError, OAuthError } from './errors.ts';
import { QuickBooksFaults } from './faults.ts';
import { authenticate, revoke, token } from './oauth.ts';
import type { FakeQuickBooksState } from './state.ts';

/**
 * The HTTP side: Intuit's OAuth endpoints at /token and /revoke (/authorize is driven by
 * `consent()`), the accounting API under /v3/company/:realmId, Bearer authentication, injected
 * failures and the request log.
 */

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The Authorization header as sent (tests check no stale token was used). */
  authorization: string | null;
  status: number;
}

interface Answer {
  status: number;
  body: object;
}

const ENTITIES: Record<string, string> = {
  customer: 'Customer',
  item: 'Item',
  salesreceipt: 'SalesReceipt',
  refundreceipt: 'RefundReceipt',
};

export class FakeQuickBooksServer {
  readonly requests: RequestRecord[] = [];
  readonly faults = new QuickBooksFaults();
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ Fault: { Error: [{ Message: `fake QuickBooks crashed: ${String(error)}` }] } }),
      );
    });
  });

  constructor(private readonly state: FakeQuickBooksState) {}

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake-quickbooks');
    const method = req.method ?? 'GET';
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      status: 0,
    };
    this.requests.push(record);

    const fault = this.faults.take(method, url.pathname);
    if (typeof fault === 'number') {
      return this.answer(res, record, {
        status: fault,
        body: new FaultError(fault, 'fake', 'Failure injected by the fake.', 'SystemFault').body(),
      });
    }
    let answer: Answer;
    try {
      answer = this.route(method, url, raw, req.headers);
    } catch (error) {
      if (error instanceof FaultError || error instanceof OAuthError)
        answer = { status: error.status, body: error.body() };
      else throw error;
    }
    if (fault === 'lose-answer') {
      record.status = -1;
      res.destroy();
      return;
    }
    this.answer(res, record, answer);
  }

  private answer(res: http.ServerResponse, record: RequestRecord, answer: Answer): void {
    record.status = answer.status;
    res.writeHead(answer.status, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(answer.body));
  }

  private route(method: string, url: URL, raw: string, headers: http.IncomingHttpHeaders): Answer {
    const path = url.pathname;
    if (method === 'POST' && path === '/token') {
      return { status: 200, body: token(this.state, new URLSearchParams(raw), headers.authorization) };
    }
    if (method === 'POST' && path === '/revoke') {
      revoke(this.state, parseJson(raw), headers.authorization);
      return { status: 200, body: {} };
    }
    const match = /^\/v3\/company\/(\d+)\/(\w+)$/.exec(path);
    if (!match) throw new FaultError(404, '610', 'Object Not Found', 'ValidationFault');
    const realmId = match[1]!;
    const resource = match[2]!;
    authenticate(this.state, headers.authorization, realmId);
    if (resource === 'query' && method === 'GET') {
      return { status: 200, body: query(this.state, realmId, url.searchParams.get('query') ?? '') };
    }
    const entity = ENTITIES[resource];
    if (!entity || method !== 'POST') throw new FaultError(404, '610', 'Object Not Found', 'ValidationFault');
    if (!(headers['content-type'] ?? '').startsWith('application/json'))
      throw new FaultError(415, '4000', 'Unsupported Media Type', 'ValidationFault');
    return create(this.state, realmId, entity, parseJson(raw), url.searchParams.get('requestid'));
  }
}

function parseJson(raw: string): Record<string, unknown> {
  if (raw === '') return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new FaultError(400, '2020', 'Request has invalid or unsupported property', 'ValidationFault');
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
