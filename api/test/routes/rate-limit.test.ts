import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { createCountingPrismaClient, type StatementLog } from '../helpers/statement-counter.ts';
import { freePort, missingLocalServices, startRedisServer } from '../helpers/local-services.ts';
import { buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

/**
 * /v1/public limits (http/plugins/public-rate-limit.ts): per visitor (address +
 * key), per tenant, and a per-address budget of failed authentications that
 * refuses before any database work. Visitors are told apart by the socket
 * address (no TRUST_PROXY here), so each one is an `inject({ remoteAddress })`.
 */

const VISITOR_A = '203.0.113.10';
const VISITOR_B = '203.0.113.20';
const VISITOR_C = '203.0.113.30';

/** GET /v1/public/tenant as the visitor at `address` with `tenant`'s key. */
const visit = (t: TestApp, tenant: CreatedTenant, address: string) =>
  publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/tenant', remoteAddress: address });

async function statuses(times: number, send: () => Promise<LightMyRequestResponse>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await send()).statusCode);
  return seen;
}

function expectRefusal(response: LightMyRequestResponse, message: RegExp) {
  expect(response.statusCode).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.json()).toEqual({
    error: { code: 'rate_limited', message: expect.stringMatching(message) },
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('per visitor and per tenant', () => {
  it('gives every visitor of a tenant the whole allowance', async () => {
    const t = await buildTestApp({
      PUBLIC_RATE_LIMIT_PER_MINUTE: '3',
      PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: '100',
    });
    try {
      const tenant = await createTestTenant(t.db);
      const other = await createTestTenant(t.db);
      const first = await visit(t, tenant, VISITOR_A);
      expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2' });
      expect(await statuses(2, () => visit(t, tenant, VISITOR_A))).toEqual([200, 200]);
      expectRefusal(await visit(t, tenant, VISITOR_A), /at most 3 per minute/);

      // Another visitor of the same tenant is not held back by the first.
      expect(await statuses(3, () => visit(t, tenant, VISITOR_B))).toEqual([200, 200, 200]);
      expectRefusal(await visit(t, tenant, VISITOR_B), /at most 3 per minute/);
      // Nor is the first visitor on another tenant's site.
      expect((await visit(t, other, VISITOR_A)).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("stops the sum of a tenant's visitors at the tenant ceiling, and only that tenant", async () => {
    const t = await buildTestApp({
      PUBLIC_RATE_LIMIT_PER_MINUTE: '3',
      PUBLIC_TENANT_RATE_LIMIT_PER_MINUTE: '5',
    });
    try {
      const tenant = await createTestTenant(t.db);
      const other = await createTestTenant(t.db);
      expect(await statuses(3, () => visit(t, tenant, VISITOR_A))).toEqual([200, 200, 200]);
      expect(await statuses(2, () => visit(t, tenant, VISITOR_B))).toEqual([200, 200]);
      const over = await visit(t, tenant, VISITOR_B);
      expectRefusal(over, /for this business.*at most 5 per minute/);
      expect(over.headers['x-ratelimit-limit']).toBe('5');
      expectRefusal(await visit(t, tenant, VISITOR_C), /for this business/);
      expect((await visit(t, other, VISITOR_C)).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('failed authentication, before any database work', () => {
  let t: TestApp;
  let log: StatementLog;
  let tenant: CreatedTenant;

  beforeAll(async () => {
    t = await buildTestApp(
      { PUBLIC_AUTH_FAILURES_PER_MINUTE: '3' },
      {
        appDb: (url) => {
          const counting = createCountingPrismaClient(url);
          log = counting.log;
          return counting.db;
        },
      },
    );
    tenant = await createTestTenant(t.db);
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const keyless = (address: string) =>
    t.app.inject({ method: 'GET', url: '/v1/public/services', remoteAddress: address });
  // Well-formed, so it is looked up; nobody has it.
  const unknownKey = (address: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/public/services',
      remoteAddress: address,
      headers: { 'x-tenant-key': `pk_live_${tenant.tenant.slug}_${'x'.repeat(32)}` },
    });

  it('refuses a keyless flood once the address has spent its budget', async () => {
    log.reset();
    expect(await statuses(3, () => keyless('198.51.100.1'))).toEqual([401, 401, 401]);
    for (let i = 0; i < 5; i++) {
      expectRefusal(await keyless('198.51.100.1'), /without a valid API key from this address/);
    }
    // A missing key never needed the database; neither did any refusal.
    expect(log.statements).toEqual([]);
    // Other addresses have budgets of their own.
    expect((await keyless('198.51.100.2')).statusCode).toBe(401);
  });

  it('refuses an unknown-key flood without looking the key up again', async () => {
    log.reset();
    expect(await statuses(3, () => unknownKey('198.51.100.3'))).toEqual([401, 401, 401]);
    const lookups = log.statements.length;
    expect(lookups).toBeGreaterThanOrEqual(3);

    log.reset();
    for (let i = 0; i < 10; i++) {
      expectRefusal(await unknownKey('198.51.100.3'), /without a valid API key/);
    }
    expect(log.statements).toEqual([]);

    // Even a valid key from that address waits: telling it apart would take a lookup.
    expectRefusal(await visit(t, tenant, '198.51.100.3'), /without a valid API key/);
    expect(log.statements).toEqual([]);
    expect((await visit(t, tenant, '198.51.100.4')).statusCode).toBe(200);
  });

  it('counts a wrong kind of key and a refused origin as failures too', async () => {
    const secretKey = () =>
      t.app.inject({
        method: 'GET',
        url: '/v1/public/services',
        remoteAddress: '198.51.100.5',
        headers: { 'x-tenant-key': tenant.keys.secret },
      });
    expect(await statuses(3, secretKey)).toEqual([403, 403, 403]);
    expectRefusal(await secretKey(), /without a valid API key/);
  });

  it('gives the budget back after a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    expect(await statuses(4, () => keyless('198.51.100.6'))).toEqual([401, 401, 401, 429]);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await keyless('198.51.100.6')).statusCode).toBe(401);
  });
});

describe('CORS', () => {
  it('lets a browser read a refusal and its Retry-After', async () => {
    const t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const tenant = await createTestTenant(t.db);
      const headers = { origin: 'https://studio.example' };
      await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/tenant', headers });
      const refused = await publicRequest(t.app, tenant, {
        method: 'GET',
        url: '/v1/public/tenant',
        headers,
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['access-control-allow-origin']).toBe('https://studio.example');
      expect(refused.headers['access-control-expose-headers']).toContain('retry-after');
      // Preflights carry no key and are never counted.
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/v1/public/tenant',
        headers: { ...headers, 'access-control-request-method': 'GET' },
      });
      expect(preflight.statusCode).toBe(204);
    } finally {
      await t.close();
    }
  });
});

describe('counters in Redis (REDIS_URL)', () => {
  const skip = missingLocalServices();

  it.skipIf(skip)('two API instances on one Redis share each visitor’s count', async () => {
    const redis = await startRedisServer();
    const env = { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redis.url };
    const one = await buildTestApp(env);
    const two = await buildTestApp(env);
    try {
      const tenant = await createTestTenant(one.db);
      // The two apps have databases of their own: the same tenant row (and key) in both.
      await copyTenant(one, two, tenant);
      expect((await visit(one, tenant, VISITOR_A)).statusCode).toBe(200);
      expect((await visit(two, tenant, VISITOR_A)).headers['x-ratelimit-remaining']).toBe('1');
      expect((await visit(one, tenant, VISITOR_A)).statusCode).toBe(200);
      expectRefusal(await visit(two, tenant, VISITOR_A), /at most 3 per minute/);
      // Another visitor has a count of its own.
      expect((await visit(two, tenant, VISITOR_B)).statusCode).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await redis.stop();
    }
  });

  it('lets requests through, uncounted, while Redis does not answer', async () => {
    const closedPort = await freePort();
    const t = await buildTestApp({
      PUBLIC_RATE_LIMIT_PER_MINUTE: '2',
      REDIS_URL: `redis://127.0.0.1:${closedPort}`,
    });
    try {
      const tenant = await createTestTenant(t.db);
      expect(await statuses(4, () => visit(t, tenant, VISITOR_C))).toEqual([200, 200, 200, 200]);
    } finally {
      await t.close();
    }
  });
});

/** Copies `tenant` (its row and API keys) from one test database to another's. */
async function copyTenant(from: TestApp, to: TestApp, tenant: CreatedTenant) {
  const row = await from.db.tenant.findUniqueOrThrow({ where: { id: tenant.tenant.id } });
  await to.db.tenant.create({ data: { ...row, branding: row.branding ?? {} } as never });
  for (const key of await from.db.apiKey.findMany({ where: { tenantId: tenant.tenant.id } })) {
    await to.db.apiKey.create({ data: key as never });
  }
}
