import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a receiver got: its path, headers and raw body. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = (
  request: ReceivedRequest,
) => { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/**
 * A tenant's webhook endpoint for tests: a real HTTP server on 0.0.0.0 that records every request
 * and answers what `reply` says (or never answers: 'hang'). `reply` may be changed while it runs.
 */
export async function startWebhookReceiver(reply: Reply = () => ({ status: 200, body: 'ok' })) {
  const received: ReceivedRequest[] = [];
  const receiver = {
    reply,
    received,
    port: 0,
    url: (path = '/hooks') => `http://127.0.0.1:${receiver.port}${path}`,
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      const answer = receiver.reply(entry);
      if (answer === 'hang') return;
      response.writeHead(answer.status, answer.headers ?? {});
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
