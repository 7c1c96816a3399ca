import { FakePostmarkServer, type FaultKind, type RequestRecord } from './server.ts';
import type { StoredMessage } from './messages.ts';

export type { FaultKind, RequestRecord, StoredMessage };

export interface FakePostmarkOptions {
  /** The server token accepted (default "pm-test-token"); any other answers 401. */
  token?: string;
  /** How long a 'hang' fault holds a request before dropping the connection (default 2000 ms). */
  hangMs?: number;
  /** The clock for ReceivedAt (default: the real one). */
  now?: () => Date;
  port?: number;
}

export interface FakePostmark {
  /** `http://127.0.0.1:PORT`, for POSTMARK_API_BASE. */
  url: string;
  port: number;
  token: string;
  /** Every message accepted, oldest first: what went out. */
  readonly messages: StoredMessage[];
  /** Every request received, oldest first. */
  readonly requests: RequestRecord[];
  /** The next `times` requests matching `pattern` ("POST /email") fail that way. */
  failNext(pattern: string, kind: FaultKind, times?: number): void;
  /** Sending to `address` answers 422 (ErrorCode 406, inactive recipient), as after a hard bounce. */
  deactivate(address: string): void;
  /** Forgets messages, requests, inactive addresses and faults. */
  clear(): void;
  close(): Promise<void>;
}

/**
 * A local Postmark for tests, reached by the real `postmark` client (POSTMARK_API_BASE):
 * POST /email and GET /messages/outbound (with `metadata_<key>=` filters), Postmark's 401 and 422
 * answers, and injected failures. See README.md.
 */
export async function startFakePostmark(options: FakePostmarkOptions = {}): Promise<FakePostmark> {
  const token = options.token ?? 'pm-test-token';
  const server = new FakePostmarkServer({
    token,
    hangMs: options.hangMs ?? 2000,
    now: options.now ?? (() => new Date()),
  });
  const port = await server.listen(options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    messages: server.messages,
    requests: server.requests,
    failNext: (pattern, kind, times) => server.failNext(pattern, kind, times),
    deactivate: (address) => void server.inactive.add(address.toLowerCase()),
    clear: () => server.clear(),
    close: () => server.close(),
  };
}
