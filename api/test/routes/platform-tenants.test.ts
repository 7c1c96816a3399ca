import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/domain/tenancy/api-key.ts';
import { buildTestApp, PLATFORM_TOKEN, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const createTenant = (payload: unknown, token = PLATFORM_TOKEN) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/platform/tenants',
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });

describe('POST /v1/platform/tenants', () => {
  it('creates a tenant and returns its live keys once; only hashes are stored', async () => {
    const response = await createTenant({
      name: 'Studio Nord',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: ['https://Studio-Nord.example'],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.tenant).toMatchObject({
      slug: 'studio-nord',
      name: 'Studio Nord',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: ['https://studio-nord.example'],
      branding: {},
    });
    expect(body.keys.publishable).toMatch(/^pk_live_studio-nord_[0-9A-Za-z]{32}$/);
    expect(body.keys.secret).toMatch(/^sk_live_studio-nord_[0-9A-Za-z]{32}$/);

    const stored = await t.db.apiKey.findMany({
      where: { tenantId: body.tenant.id },
      orderBy: { kind: 'asc' },
    });
    expect(stored.map((key) => key.hash).sort()).toEqual(
      [hashApiKey(body.keys.publishable), hashApiKey(body.keys.secret)].sort(),
    );
    const columns = JSON.stringify(stored);
    expect(columns).not.toContain(body.keys.secret);
    expect(columns).not.toContain(body.keys.publishable);
  });

  it('makes a fresh slug when the name is taken, and refuses a taken explicit slug', async () => {
    const first = await createTenant({ name: 'Twin', timezone: 'UTC' });
    const second = await createTenant({ name: 'Twin', timezone: 'UTC' });
    expect(first.json().tenant.slug).toBe('twin');
    expect(second.json().tenant.slug).toMatch(/^twin-[0-9a-f]{4}$/);

    const clash = await createTenant({ name: 'Other', slug: 'twin', timezone: 'UTC' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('slug_taken');
  });

  it('refuses a missing or wrong platform token', async () => {
    const before = await t.db.tenant.count();
    for (const token of ['', 'wrong-token-wrong-token-wrong-token-x', `${PLATFORM_TOKEN}x`]) {
      const response = await createTenant({ name: 'Nope', timezone: 'UTC' }, token);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalid_api_key');
    }
    expect(await t.db.tenant.count()).toBe(before);
  });

  it.each([
    [{ timezone: 'UTC' }, 'name'],
    [{ name: 'X', timezone: 'Mars/Olympus' }, 'timezone'],
    [{ name: 'X', timezone: 'UTC', currency: 'EURO' }, 'currency'],
    [{ name: 'X', timezone: 'UTC', currency: 'XYZ' }, 'currency'],
    [{ name: 'X', timezone: 'UTC', slug: 'Has Spaces' }, 'slug'],
    [{ name: 'X', timezone: 'UTC', allowedOrigins: ['https://a.example/path'] }, 'allowedOrigins.0'],
    [{ name: 'X', timezone: 'UTC', branding: { primaryColor: 'red' } }, 'branding.primaryColor'],
    [{ name: 'X', timezone: 'UTC', plan: 'gold' }, 'plan'],
    [{ name: '!!!', timezone: 'UTC' }, 'slug'],
  ])('answers 400 for %j and creates nothing', async (payload, path) => {
    const before = await t.db.tenant.count();
    const response = await createTenant(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.tenant.count()).toBe(before);
  });
});

describe('without PLATFORM_API_TOKEN', () => {
  it('has no platform route at all', async () => {
    const off = await buildTestApp({ PLATFORM_API_TOKEN: '' });
    try {
      const response = await off.app.inject({
        method: 'POST',
        url: '/v1/platform/tenants',
        headers: { authorization: 'Bearer anything' },
        payload: { name: 'X', timezone: 'UTC' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('route_not_found');
    } finally {
      await off.close();
    }
  });
});
