import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DOCS_CONTENT_SECURITY_POLICY } from '../../src/http/plugins/openapi.ts';
import { HSTS } from '../../src/http/plugins/security-headers.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import {
  admin,
  buildTestApp,
  createTestTenant,
  PLATFORM_TOKEN,
  publicRequest,
  type TestApp,
} from '../helpers/test-app.ts';

const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('X-Content-Type-Options: nosniff', () => {
  it.each<[string, () => Promise<LightMyRequestResponse>]>([
    ['/health', () => get('/health')],
    ['/openapi.json', () => get('/openapi.json')],
    ['/docs/', () => get('/docs/')],
    ['a /docs asset', () => get('/docs/static/swagger-ui-bundle.js')],
    ['an unknown route', () => get('/nothing-here')],
    ['a public answer', () => publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/tenant' })],
    ['a public refusal', () => get('/v1/public/tenant')],
    ['an admin answer', () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services' })],
    ['a validation error', () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services/1' })],
    ['a router error (414)', () => get(`/v1/tenant-admin/services/${'a'.repeat(101)}`)],
    [
      'a CORS preflight',
      () =>
        t.app.inject({
          method: 'OPTIONS',
          url: '/v1/public/tenant',
          headers: { origin: 'https://studio.example', 'access-control-request-method': 'GET' },
        }),
    ],
  ])('on %s', async (_, send) => {
    expect((await send()).headers['x-content-type-options']).toBe('nosniff');
  });

  it('on /widget.js, which keeps its own caching', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-widget-'));
    const bundle = path.join(dir, 'widget.js');
    writeFileSync(bundle, 'console.log("mais")');
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: t.db, widgetBundlePath: bundle });
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-security-policy']).toBeUndefined();
    await app.close();
  });
});

describe('/docs', () => {
  it.each(['/docs', '/docs/', '/docs/static/swagger-ui-bundle.js', '/docs/json'])(
    '%s has the CSP and may not be framed',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-security-policy']).toBe(DOCS_CONTENT_SECURITY_POLICY);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
    },
  );

  it('allows no inline script and no outside source', () => {
    const directives = Object.fromEntries(
      DOCS_CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    for (const sources of Object.values(directives)) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((source) => /^https?:|^\*/.test(source))).toEqual([]);
    }
  });

  it("the page is only Swagger UI's own files, and every inline style it creates is allowed by hash", async () => {
    const page = (await get('/docs/')).body;
    expect(page).toContain('swagger-ui-bundle.js');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);

    const inlineStyles: string[] = [];
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
      const code = (await get(`/docs/static/${asset}`)).body;
      for (const [, literal] of code.matchAll(/createElement\("style",null,("(?:[^"\\]|\\.)*")\)/g)) {
        inlineStyles.push(JSON.parse(literal!) as string);
      }
    }
    expect(inlineStyles.length).toBeGreaterThan(0);
    for (const css of inlineStyles) {
      const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
      expect(DOCS_CONTENT_SECURITY_POLICY, `inline style ${css}`).toContain(hash);
    }
  });

  it('JSON answers have no CSP and no X-Frame-Options (nothing there to frame)', async () => {
    expect((await get('/openapi.json')).headers['content-security-policy']).toBeUndefined();
    expect((await get('/health')).headers['x-frame-options']).toBeUndefined();
  });
});

describe('Cache-Control', () => {
  it('no-store on a booking, which carries the manage token, and on every use of that token', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const booked = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: '/v1/public/appointments',
      payload: bookingBody(serviceId, '2027-03-02T10:00:00Z'),
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().manageToken).toEqual(expect.any(String));
    expect(booked.headers['cache-control']).toBe('no-store');

    // Managing the booking, whichever way the token travels (status aside: that is the route's business).
    const { appointment, manageToken } = booked.json();
    for (const request of [
      { url: `/v1/public/appointments/${appointment.id}?token=${manageToken}` },
      { url: `/v1/public/appointments/${appointment.id}`, headers: { 'x-manage-token': manageToken } },
      { url: `/v1/public/appointments/${appointment.id}?token=wrong` },
    ]) {
      const response = await publicRequest(t.app, tenant, { method: 'GET', ...request });
      expect(response.headers['cache-control'], response.body).toBe('no-store');
    }
  });

  it('no-store on any request carrying a manage token, whatever the route', async () => {
    const viaHeader = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: '/v1/public/tenant',
      headers: { 'x-manage-token': 'a-token' },
    });
    expect(viaHeader.headers['cache-control']).toBe('no-store');
    const viaQuery = await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/tenant?token=x' });
    expect(viaQuery.headers['cache-control']).toBe('no-store');
  });

  it('no-store on a new API key, on a new tenant and on every admin answer', async () => {
    const key = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload: { kind: 'PUBLISHABLE', mode: 'TEST' },
    });
    expect(key.statusCode).toBe(201);
    expect(key.headers['cache-control']).toBe('no-store');

    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/platform/tenants',
      headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
      payload: { name: 'Headers Studio', timezone: 'Europe/Berlin', currency: 'EUR' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');

    for (const response of [
      await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/tenant' }),
      await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/api-keys' }),
      await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/services/${randomUUID()}` }),
      await t.app.inject({ method: 'GET', url: '/v1/tenant-admin/services' }),
    ]) {
      expect(response.headers['cache-control'], response.body).toBe('no-store');
    }
  });

  it('private, no-cache on public catalog and availability answers (chosen by the key header, not the URL)', async () => {
    for (const response of [
      await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/tenant' }),
      await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/services' }),
      await get('/v1/public/services'),
    ]) {
      expect(response.headers['cache-control'], response.body).toBe('private, no-cache');
    }
  });

  it('no-store on any route with `config: { noStore: true }`', async () => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: t.db });
    app.get('/secret-thing', { config: { noStore: true } }, async () => ({ secret: 'x' }));
    app.get('/plain-thing', async () => ({ plain: 'x' }));
    expect((await app.inject({ method: 'GET', url: '/secret-thing' })).headers['cache-control']).toBe(
      'no-store',
    );
    expect(
      (await app.inject({ method: 'GET', url: '/plain-thing' })).headers['cache-control'],
    ).toBeUndefined();
    await app.close();
  });
});

describe('the baseline on every kind of answer', () => {
  const csvPeriod = 'startDate=2027-03-01&endDate=2027-03-31';
  // [what, send, Cross-Origin-Resource-Policy, HTML (not to be framed)]
  it.each<[string, () => Promise<LightMyRequestResponse>, string, boolean]>([
    ['JSON', () => get('/health'), 'same-origin', false],
    // The router answers these without the hooks (found by the fuzzer: no Referrer-Policy).
    ['a router error: 400 invalid_url', () => get('/v1/tenant-admin/services/%ff'), 'same-origin', false],
    [
      'a router error: 414 uri_too_long',
      () => get(`/v1/public/services/${'a'.repeat(101)}`),
      'cross-origin',
      false,
    ],
    ['404 route_not_found', () => get('/nothing-here'), 'same-origin', false],
    [
      '400 from the JSON parser',
      () =>
        admin(t.app, tenant, {
          method: 'POST',
          url: '/v1/tenant-admin/services',
          headers: { 'content-type': 'application/json' },
          payload: '{"name":',
        }),
      'same-origin',
      false,
    ],
    [
      '415 for a body that is not JSON',
      () =>
        t.app.inject({
          method: 'POST',
          url: '/v1/auth/sessions',
          headers: { 'content-type': 'text/plain' },
          payload: 'x',
        }),
      'same-origin',
      false,
    ],
    [
      'a public answer',
      () => publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/services' }),
      'cross-origin',
      false,
    ],
    ['a public refusal (401)', () => get('/v1/public/services'), 'cross-origin', false],
    [
      'an admin answer',
      () => admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/services' }),
      'same-origin',
      false,
    ],
    [
      'a CSV download',
      () =>
        admin(t.app, tenant, {
          method: 'GET',
          url: `/v1/tenant-admin/exports/appointments.csv?${csvPeriod}`,
        }),
      'same-origin',
      false,
    ],
    ['/docs (HTML)', () => get('/docs/'), 'same-origin', true],
    ['/docs assets', () => get('/docs/static/swagger-ui-bundle.js'), 'same-origin', false],
    [
      'the hosted booking page (HTML; 503 here: no ENCRYPTION_KEY)',
      () => get(`/book/${tenant.tenant.slug}`),
      'same-origin',
      true,
    ],
    [
      'the hosted booking page of no tenant (404 HTML)',
      () => get('/book/no-such-studio'),
      'same-origin',
      true,
    ],
  ])('%s', async (_, send, resourcePolicy, html) => {
    const response = await send();
    expect(response.statusCode).toBeLessThan(500 + (html ? 4 : 0));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(['strict-origin-when-cross-origin', 'no-referrer']).toContain(response.headers['referrer-policy']);
    expect(response.headers['cross-origin-resource-policy']).toBe(resourcePolicy);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers.server).toBeUndefined();
    // Plain http outside production: no HSTS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    if (html) {
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } else if (String(response.headers['content-type']).startsWith('application/json')) {
      expect(response.headers['x-frame-options']).toBeUndefined();
    }
  });

  it('a CSV download is a CSV with the baseline', async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/exports/appointments.csv?${csvPeriod}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('widget files are cross-origin resources (tenants’ pages load them), and may be framed by no one only as HTML', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mais-widget-'));
    const bundle = path.join(dir, 'widget.js');
    writeFileSync(bundle, 'console.log("mais")');
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: t.db, widgetBundlePath: bundle });
    for (const url of ['/widget.js', '/locales/xx.0123456789abcdef.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['cross-origin-resource-policy'], url).toBe('cross-origin');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options'], url).toBeUndefined();
    }
    await app.close();
  });

  it('an HTML page without a CSP of its own gets frame-ancestors alone, and one with its own keeps it', async () => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: t.db });
    app.get('/plain-page', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>hi</p>'),
    );
    const response = await app.inject({ method: 'GET', url: '/plain-page' });
    expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect((await app.inject({ method: 'GET', url: '/docs/' })).headers['content-security-policy']).toBe(
      DOCS_CONTENT_SECURITY_POLICY,
    );
    await app.close();
  });

  it('Strict-Transport-Security over https (X-Forwarded-Proto from a trusted proxy) and always in production', async () => {
    const proxied = await buildApp(loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1' }), {
      db: t.db,
    });
    const overHttps = await proxied.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overHttps.headers['strict-transport-security']).toBe(HSTS);
    expect(
      (await proxied.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security'],
    ).toBeUndefined();
    // From a client that is not a trusted proxy, X-Forwarded-Proto means nothing.
    expect(
      (await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } }))
        .headers['strict-transport-security'],
    ).toBeUndefined();
    await proxied.close();

    const production = await buildApp(loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' }), {
      db: t.db,
    });
    for (const url of ['/health', '/nothing-here', '/docs/', '/v1/tenant-admin/services/%ff']) {
      expect(
        (await production.inject({ method: 'GET', url })).headers['strict-transport-security'],
        url,
      ).toBe(HSTS);
    }
    await production.close();
  });

  it('the answer to a request that is not HTTP (written to the socket) carries the baseline too', async () => {
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: t.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    await app.close();
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(raw.toLowerCase()).toContain('referrer-policy: strict-origin-when-cross-origin');
    expect(raw.toLowerCase()).toContain('cross-origin-resource-policy: same-origin');
  });
});
