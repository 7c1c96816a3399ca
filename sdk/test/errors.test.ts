import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiConnectionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  MaisAdmin,
  MaisClient,
  MaisError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../src/index.ts';
import { bookableService, CLIENT, startLiveApi, upcomingSlots, type LiveApi } from './helpers/live-api.ts';

let api: LiveApi;
let limited: LiveApi;

beforeAll(async () => {
  [api, limited] = await Promise.all([startLiveApi(), startLiveApi({ PUBLIC_RATE_LIMIT_PER_MINUTE: '2' })]);
});
afterAll(() => Promise.all([api.close(), limited.close()]));

/** The rejection of `promise`, to assert on its fields. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error,
  );
}

describe('errors from the real API', () => {
  it('ValidationError carries the field details (400 validation_failed)', async () => {
    const error = await failure(
      api.admin().services.create({ name: 'Broken', durationMinutes: 0, priceBaseCents: 100 }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(MaisError);
    expect(error).toMatchObject({
      name: 'ValidationError',
      status: 400,
      code: 'validation_failed',
      details: [{ path: 'durationMinutes', message: expect.stringContaining('>=1') }],
      requestId: expect.any(String),
    });
    expect(await api.db.service.count({ where: { tenantId: api.tenant.tenant.id } })).toBe(0);
  });

  it('ValidationError from the public client names the nested field', async () => {
    const error = await failure(
      api.client().appointments.create({
        serviceId: randomUUID(),
        startTimeUtc: '2030-01-01T09:00:00Z',
        client: { name: 'Ada', email: 'not-an-email' },
        clientTimezone: 'Europe/Berlin',
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([
      { path: 'client.email', message: expect.any(String) },
    ]);
  });

  it('AuthenticationError for an unknown key (401 invalid_api_key)', async () => {
    const admin = new MaisAdmin({ baseUrl: api.baseUrl, secretKey: `sk_live_nobody_${'x'.repeat(32)}` });
    const error = await failure(admin.services.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    const client = new MaisClient({ baseUrl: api.baseUrl, publishableKey: 'pk_live_nobody_0' });
    expect(await failure(client.services.list())).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('AuthenticationError for a site the tenant has not allowed (403 origin_not_allowed)', async () => {
    await api.admin().tenant.update({ allowedOrigins: ['https://studio.example'] });
    const fromElsewhere: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), origin: 'https://evil.example' },
      });
    try {
      const error = await failure(api.client({ fetch: fromElsewhere }).tenant.retrieve());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    } finally {
      await api.admin().tenant.update({ allowedOrigins: [] });
    }
  });

  it('NotFoundError with the request id the API logged', async () => {
    const error = await failure(api.admin().services.retrieve(randomUUID()));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    const requestId = (error as NotFoundError).requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((error as NotFoundError).headers.get('x-request-id')).toBe(requestId);
  });

  it('ConflictError slot_unavailable for a taken slot, without retrying', async () => {
    const { service } = await bookableService(api.admin());
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(`${init?.method} ${String(input)}`);
      return fetch(input, init);
    };
    const client = api.client({ fetch: counting });
    const [slot] = await upcomingSlots(client, service.id);
    const body = {
      serviceId: service.id,
      startTimeUtc: slot!.startTimeUtc,
      client: CLIENT,
      clientTimezone: 'UTC',
    };
    await client.appointments.create(body);
    calls.length = 0;

    const error = await failure(client.appointments.create({ ...body, client: { ...CLIENT, name: 'Late' } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'slot_unavailable' });
    expect(calls).toEqual([`POST ${api.baseUrl}/v1/public/appointments`]);
  });

  it('RateLimitError with retryAfter in seconds (429 rate_limited)', async () => {
    const client = limited.client({ maxRetries: 0 });
    await client.tenant.retrieve();
    await client.tenant.retrieve();
    const error = await failure(client.tenant.retrieve());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    const { retryAfter } = error as RateLimitError;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('RateLimitError is thrown at once when Retry-After is longer than a minute', async () => {
    let calls = 0;
    const server = await listen((_request, response) => {
      calls += 1;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
      response.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }));
    });
    try {
      const error = await failure(
        new MaisClient({ baseUrl: server.url, publishableKey: 'pk_x' }).tenant.retrieve(),
      );
      expect(error).toMatchObject({ name: 'RateLimitError', retryAfter: 3600, message: 'Slow down.' });
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('connection errors', () => {
  it('ApiConnectionError when nothing listens, after the configured retries', async () => {
    const closed = await listen(() => {});
    await closed.close();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const client = new MaisClient({
      baseUrl: closed.url,
      publishableKey: 'pk_x',
      fetch: counting,
      maxRetries: 1,
    });
    const error = await failure(client.services.list());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(attempts).toBe(2);
  });

  it('TimeoutError (an ApiConnectionError) when the API does not answer in timeoutMs', async () => {
    let received = 0;
    const silent = await listen(() => {
      received += 1; // never answers
    });
    try {
      const client = new MaisClient({
        baseUrl: silent.url,
        publishableKey: 'pk_x',
        timeoutMs: 200,
        maxRetries: 1,
      });
      const error = await failure(client.tenant.retrieve());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toBeInstanceOf(ApiConnectionError);
      expect((error as Error).message).toBe(`GET ${silent.url}/v1/public/tenant: no answer within 200 ms.`);
      expect(received).toBe(2);
    } finally {
      await silent.close();
    }
  });

  it('a caller’s AbortSignal stops the call without retrying', async () => {
    let received = 0;
    const silent = await listen(() => {
      received += 1;
    });
    try {
      const client = new MaisClient({ baseUrl: silent.url, publishableKey: 'pk_x' });
      const controller = new AbortController();
      const call = client.tenant.retrieve({ signal: controller.signal });
      setTimeout(() => controller.abort(new Error('user left the page')), 50);
      await expect(call).rejects.toThrow('user left the page');
      expect(received).toBe(1);
    } finally {
      await silent.close();
    }
  });
});

/** A bare HTTP server on a free port, for answers the real API never gives. */
async function listen(handler: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
