import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../src/client.ts';
import { ApiConnectionError, MaisClient } from '../src/index.ts';
import { bookableService, CLIENT, startLiveApi, upcomingSlots, type LiveApi } from './helpers/live-api.ts';

/**
 * A proxy in front of the real API that misbehaves on purpose: it loses answers after the API has
 * acted on the request, which is exactly when a retry without the same idempotency key would book twice.
 */
interface Seen {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}
type Action =
  | 'forward'
  | 'drop-after-forward'
  | '503-after-forward'
  | { status: number; headers?: Record<string, string>; error?: { code: string; message: string } };

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function startProxy(target: string, plan: (request: Seen, index: number) => Action) {
  const seen: Seen[] = [];
  const server = createServer(async (request, response) => {
    const entry: Seen = {
      method: request.method!,
      path: request.url!,
      idempotencyKey: request.headers['idempotency-key'] as string | undefined,
    };
    seen.push(entry);
    const action = plan(entry, seen.length - 1);
    if (typeof action === 'object') {
      response.writeHead(action.status, { 'content-type': 'application/json', ...action.headers });
      response.end(
        JSON.stringify({ error: action.error ?? { code: 'internal_error', message: 'Proxy says no.' } }),
      );
      return;
    }
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method!,
      // Ask for an identity body: fetch would decode a compressed one, and the headers passed on would lie.
      headers: { ...forwardable(request), 'accept-encoding': 'identity' },
      ...(request.method === 'GET' ? {} : { body: await readBody(request) }),
    });
    const text = await upstream.text();
    if (action === 'drop-after-forward') {
      request.socket.destroy(); // the API booked; the client never hears about it
      return;
    }
    if (action === '503-after-forward') {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'service_unavailable', message: 'Bad gateway day.' } }));
      return;
    }
    const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !HOP_BY_HOP.has(name)));
    response.writeHead(upstream.status, headers);
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forwardable(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0]),
    ),
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let api: LiveApi;
let serviceId: string;

beforeAll(async () => {
  api = await startLiveApi();
  serviceId = (await bookableService(api.admin())).service.id;
});
afterAll(() => api.close());

const isBooking = (request: Seen) => request.method === 'POST' && request.path === '/v1/public/appointments';

/** Books the n-th upcoming slot through `client`; returns the answer and the slot's start. */
async function bookSlot(client: MaisClient, n: number) {
  const slot = (await upcomingSlots(api.client(), serviceId))[n]!;
  const booked = await client.appointments.create({
    serviceId,
    startTimeUtc: slot.startTimeUtc,
    client: CLIENT,
    clientTimezone: 'Europe/Berlin',
  });
  return { booked, startTimeUtc: slot.startTimeUtc };
}

async function appointmentsAt(startTimeUtc: string) {
  return api.db.appointment.findMany({ where: { startTimeUtc: new Date(startTimeUtc) } });
}

describe('retries against the real API behind a lossy proxy', () => {
  it('a booking whose answer was lost (connection dropped) is retried with the same key and booked once', async () => {
    let dropped = false;
    const proxy = await startProxy(api.baseUrl, (request) => {
      if (!isBooking(request) || dropped) return 'forward';
      dropped = true;
      return 'drop-after-forward';
    });
    try {
      const client = new MaisClient({ baseUrl: proxy.url, publishableKey: api.tenant.keys.publishable });
      const { booked, startTimeUtc } = await bookSlot(client, 0);

      const attempts = proxy.seen.filter(isBooking);
      expect(attempts).toHaveLength(2);
      expect(attempts[0]!.idempotencyKey).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(attempts[1]!.idempotencyKey).toBe(attempts[0]!.idempotencyKey);
      const rows = await appointmentsAt(startTimeUtc);
      expect(rows.map((row) => [row.id, row.status])).toEqual([[booked.appointment.id, 'CONFIRMED']]);
    } finally {
      await proxy.close();
    }
  });

  it('a booking answered 503 after the API booked it is retried with the same key and booked once', async () => {
    let failed = false;
    const proxy = await startProxy(api.baseUrl, (request) => {
      if (!isBooking(request) || failed) return 'forward';
      failed = true;
      return '503-after-forward';
    });
    try {
      const client = new MaisClient({ baseUrl: proxy.url, publishableKey: api.tenant.keys.publishable });
      const { booked, startTimeUtc } = await bookSlot(client, 1);

      const [first, second, ...more] = proxy.seen.filter(isBooking);
      expect(more).toEqual([]);
      expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
      expect((await appointmentsAt(startTimeUtc)).map((row) => row.id)).toEqual([booked.appointment.id]);
    } finally {
      await proxy.close();
    }
  });

  it('with retries off, the lost answer surfaces as ApiConnectionError; resending your key returns the booking', async () => {
    let dropped = false;
    const proxy = await startProxy(api.baseUrl, (request) => {
      if (!isBooking(request) || dropped) return 'forward';
      dropped = true;
      return 'drop-after-forward';
    });
    try {
      const client = new MaisClient({
        baseUrl: proxy.url,
        publishableKey: api.tenant.keys.publishable,
        maxRetries: 0,
      });
      const slot = (await upcomingSlots(client, serviceId))[2]!;
      const body = {
        serviceId,
        startTimeUtc: slot.startTimeUtc,
        client: CLIENT,
        clientTimezone: 'Europe/Berlin',
      };
      const idempotencyKey = 'booking-form-42';
      await expect(client.appointments.create(body, { idempotencyKey })).rejects.toBeInstanceOf(
        ApiConnectionError,
      );
      const rows = await appointmentsAt(slot.startTimeUtc);
      expect(rows).toHaveLength(1);

      const again = await client.appointments.create(body, { idempotencyKey });
      expect(again.appointment.id).toBe(rows[0]!.id);
      expect(proxy.seen.filter(isBooking).map((request) => request.idempotencyKey)).toEqual([
        idempotencyKey,
        idempotencyKey,
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('409 idempotency_in_progress is retried; each booking call has its own key', async () => {
    let busy = false;
    const proxy = await startProxy(api.baseUrl, (request) => {
      if (!isBooking(request) || busy) return 'forward';
      busy = true;
      return { status: 409, error: { code: 'idempotency_in_progress', message: 'Still booking.' } };
    });
    try {
      const client = new MaisClient({ baseUrl: proxy.url, publishableKey: api.tenant.keys.publishable });
      await bookSlot(client, 3);
      await bookSlot(client, 4);
      const keys = proxy.seen.filter(isBooking).map((request) => request.idempotencyKey);
      expect(keys).toHaveLength(3);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).not.toBe(keys[0]);
    } finally {
      await proxy.close();
    }
  });

  it('429 with Retry-After and 5xx on reads are retried up to maxRetries, then thrown', async () => {
    let calls = 0;
    const proxy = await startProxy(api.baseUrl, () => {
      calls += 1;
      if (calls === 1)
        return {
          status: 429,
          headers: { 'retry-after': '0' },
          error: { code: 'rate_limited', message: 'Wait.' },
        };
      if (calls === 2) return { status: 502 };
      return 'forward';
    });
    try {
      const client = new MaisClient({ baseUrl: proxy.url, publishableKey: api.tenant.keys.publishable });
      expect((await client.services.list()).data.map((service) => service.id)).toEqual([serviceId]);
      expect(calls).toBe(3);

      calls = 0;
      const impatient = new MaisClient({ baseUrl: proxy.url, publishableKey: 'pk_x', maxRetries: 1 });
      await expect(impatient.services.list()).rejects.toMatchObject({
        name: 'InternalServerError',
        status: 502,
      });
      expect(calls).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});

describe('backoff', () => {
  it('starts at 0.5 s, doubles, stops at 8 s, and is shortened by at most 25 % of jitter', () => {
    const expected = [500, 1000, 2000, 4000, 8000, 8000, 8000];
    expected.forEach((ceiling, retry) => {
      for (let sample = 0; sample < 50; sample++) {
        const delay = backoffMs(retry);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
      }
    });
  });
});
