import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({ BODY_LIMIT_BYTES: '2048' });
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

const post = (payload: string, contentType = 'application/json') =>
  admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    headers: { 'content-type': contentType },
    payload,
  });

describe('malformed requests answer 4xx in the error shape and change nothing', () => {
  it.each([
    ['broken JSON', () => post('{"name": "Cut",'), 400, 'invalid_json'],
    ['an empty JSON body', () => post(''), 400, 'invalid_json'],
    ['a JSON array instead of an object', () => post('[]'), 400, 'validation_failed'],
    [
      'a wrong content type',
      () => post('name=Cut', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    ],
    ['text/plain', () => post('hello', 'text/plain'), 415, 'unsupported_media_type'],
    ['an oversized body', () => post(JSON.stringify({ name: 'x'.repeat(5000) })), 413, 'payload_too_large'],
    [
      'a path id that is not a UUID',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services/42' }),
      400,
      'validation_failed',
    ],
    [
      'an unknown query parameter',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services?sort=name' }),
      400,
      'validation_failed',
    ],
    [
      'a bad limit',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services?limit=1000' }),
      400,
      'validation_failed',
    ],
    [
      'a forged cursor',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services?cursor=bm9wZQ' }),
      400,
      'validation_failed',
    ],
    [
      'an unknown route',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/nothing' }),
      404,
      'route_not_found',
    ],
    [
      'a path segment over 100 characters',
      () => admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/services/${'a'.repeat(101)}` }),
      414,
      'uri_too_long',
    ],
    [
      'a broken %-escape in the path',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services/%E0%A4%A' }),
      400,
      'invalid_url',
    ],
    [
      'an OPTIONS that is not a CORS preflight',
      () => t.app.inject({ method: 'OPTIONS', url: '/v1/public/tenant' }),
      404,
      'route_not_found',
    ],
    [
      'an OPTIONS with an Origin but no Access-Control-Request-Method',
      () =>
        t.app.inject({
          method: 'OPTIONS',
          url: '/v1/public/services',
          headers: { origin: 'https://studio.example' },
        }),
      404,
      'route_not_found',
    ],
    [
      'an OPTIONS on an admin route',
      () => admin(t.app, tenant, { method: 'OPTIONS', url: '/v1/tenant-admin/services' }),
      404,
      'route_not_found',
    ],
  ])('%s', async (_, send, status, code) => {
    const before = await t.db.service.count();
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
    expect(await t.db.service.count()).toBe(before);
  });

  it('does not echo an over-long path segment back', async () => {
    const long = 'a'.repeat(5000);
    const response = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/services/${long}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({
      error: { code: 'uri_too_long', message: 'A path segment is too long (at most 100 characters).' },
    });
  });

  it('still answers real CORS preflights', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/public/tenant',
      headers: { origin: 'https://studio.example', 'access-control-request-method': 'GET' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://studio.example');
  });

  it("echoes the caller's request id, or makes one", async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-1' },
    });
    expect(given.headers['x-request-id']).toBe('trace-1');
    const made = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hides the cause of a 500 and logs it', async () => {
    const logged: string[] = [];
    const app = await buildApp(loadConfig({}), {
      db: t.db,
      logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } },
    });
    app.get('/explode', async () => {
      throw new Error('secret database detail');
    });
    const response = await app.inject({ method: 'GET', url: '/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please retry.' },
    });
    expect(response.body).not.toContain('secret');
    expect(logged.join('')).toContain('secret database detail');
  });
});

describe('requests Node cannot parse', () => {
  /** Writes `raw` to the listening app and returns everything it answers. */
  async function exchange(raw: string): Promise<string> {
    const address = t.app.server.address() as AddressInfo;
    const socket = connect(address.port, '127.0.0.1');
    socket.write(raw);
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function parse(answer: string) {
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], head: head.toLowerCase(), body: JSON.parse(body) };
  }

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('answers garbage with 400 bad_request in the error shape', async () => {
    const answer = parse(await exchange('NOT HTTP AT ALL\r\n\r\n'));
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.head).toContain('content-type: application/json');
    expect(answer.head).toContain('x-content-type-options: nosniff');
    expect(answer.body).toEqual({
      error: { code: 'bad_request', message: 'The request is not valid HTTP.' },
    });
  });

  it('answers oversized headers with 431 headers_too_large', async () => {
    const answer = parse(
      await exchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.body.error.code).toBe('headers_too_large');
  });
});

describe('operations', () => {
  it('GET /health and GET /ready', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 503 when the database is gone', async () => {
    const broken = await buildTestApp();
    await broken.database.drop();
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('database_unavailable');
    } finally {
      await broken.app.close();
      await broken.db.$disconnect();
    }
  });

  it('GET /ready answers 503 when the tenant role cannot log in (a wrong TENANT_DATABASE_URL)', async () => {
    const misconfigured = await buildTestApp(
      {},
      {
        appDb: (url) => {
          const wrong = new URL(url);
          wrong.username = 'mais_no_such_role';
          return createPrismaClient(url, { tenantConnectionString: wrong.toString() });
        },
      },
    );
    try {
      const response = await misconfigured.app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('database_unavailable');
    } finally {
      await misconfigured.close();
    }
  });

  it('serves an OpenAPI 3.1 document built from the route schemas, and /docs', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    const create = document.paths['/v1/tenant-admin/services'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'durationMinutes', 'priceBaseCents']));
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '404']));
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
