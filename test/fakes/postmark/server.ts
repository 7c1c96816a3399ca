import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  acceptEmail,
  PostmarkApiError,
  searchOutbound,
  type EmailRequest,
  type StoredMessage,
} from './messages.ts';

/**
 * Failures a test asks for. `500`: Postmark answers 500 and sends nothing. `'hang'`: the request is
 * held unanswered and nothing is sent; the connection drops after `hangMs`. `'hang_after_send'`:
 * the message is accepted and stored (the search finds it) but the answer never arrives: what makes
 * "did it go out?" a real question.
 */
export type FaultKind = 500 | 'hang' | 'hang_after_send';

export interface RequestRecord {
  method: string;
  path: string;
  /** The X-Postmark-Server-Token header. */
  token: string | null;
  body: unknown;
  /** The status answered, or 'hang' when the fake never answered. */
  status: number | 'hang';
}

export interface ServerOptions {
  /** The one server token accepted; any other answers 401. */
  token: string;
  hangMs: number;
  now: () => Date;
}

export class FakePostmarkServer {
  readonly messages: StoredMessage[] = [];
  readonly requests: RequestRecord[] = [];
  readonly inactive = new Set<string>();
  private faults: Array<{ pattern: string; kind: FaultKind; remaining: number }> = [];
  private readonly hangs = new Set<NodeJS.Timeout>();
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ErrorCode: 1, Message: `fake Postmark crashed: ${String(error)}` }));
    });
  });

  constructor(private readonly options: ServerOptions) {}

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** The next `times` requests matching `pattern` ("POST /email", "GET /messages/outbound") fail that way. */
  failNext(pattern: string, kind: FaultKind, times = 1): void {
    this.faults.push({ pattern, kind, remaining: times });
  }

  clear(): void {
    this.messages.length = 0;
    this.requests.length = 0;
    this.inactive.clear();
    this.faults = [];
  }

  async close(): Promise<void> {
    for (const timer of this.hangs) clearTimeout(timer);
    this.hangs.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-postmark');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const token = header(req, 'x-postmark-server-token');
    const record: RequestRecord = { method, path: url.pathname, token, body: parse(raw), status: 0 };
    this.requests.push(record);

    const fault = this.takeFault(`${method} ${url.pathname}`);
    if (fault === 'hang') return this.hang(record, res);
    let answer: { status: number; body: unknown };
    if (fault === 500) {
      answer = {
        status: 500,
        body: { ErrorCode: 1, Message: 'Internal server error (injected by the fake).' },
      };
    } else {
      answer = this.answer(method, url, token, record.body);
      if (fault === 'hang_after_send') return this.hang(record, res);
    }
    record.status = answer.status;
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  private answer(
    method: string,
    url: URL,
    token: string | null,
    body: unknown,
  ): { status: number; body: unknown } {
    if (token !== this.options.token) {
      // Postmark's answer to a missing or wrong server token.
      return {
        status: 401,
        body: { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' },
      };
    }
    try {
      if (method === 'POST' && url.pathname === '/email') {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new PostmarkApiError(422, 402, 'Received invalid JSON input.');
        }
        const message = acceptEmail(body as EmailRequest, this.inactive, this.options.now());
        this.messages.push(message);
        return {
          status: 200,
          body: {
            To: message.To,
            SubmittedAt: message.ReceivedAt,
            MessageID: message.MessageID,
            ErrorCode: 0,
            Message: 'OK',
          },
        };
      }
      if (method === 'GET' && url.pathname === '/messages/outbound') {
        return { status: 200, body: searchOutbound(this.messages, url.searchParams) };
      }
      return {
        status: 404,
        body: { ErrorCode: 404, Message: `No such endpoint: ${method} ${url.pathname}.` },
      };
    } catch (error) {
      if (!(error instanceof PostmarkApiError)) throw error;
      return { status: error.status, body: { ErrorCode: error.errorCode, Message: error.message } };
    }
  }

  private takeFault(request: string): FaultKind | undefined {
    const rule = this.faults.find((fault) => fault.remaining > 0 && fault.pattern === request);
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.kind;
  }

  private hang(record: RequestRecord, res: http.ServerResponse): void {
    record.status = 'hang';
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

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || null;
}

function parse(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
