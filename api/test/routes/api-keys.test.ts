import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

describe('admin authentication', () => {
  it.each([
    ['no header', {}, 401, 'invalid_api_key'],
    ['a malformed key', { authorization: 'Bearer sk_live_nope' }, 401, 'invalid_api_key'],
    ['not a bearer', { authorization: 'Basic abc' }, 401, 'invalid_api_key'],
    [
      'an unknown well-formed key',
      { authorization: 'Bearer sk_live_ghost_0123456789ABCDEFGHIJKLMNOPQRSTUV' },
      401,
      'invalid_api_key',
    ],
  ])('refuses %s', async (_, headers, status, code) => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/tenant-admin/services', headers });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
  });

  it('refuses a publishable key on admin routes and a secret key on public routes', async () => {
    const pkOnAdmin = await t.app.inject({
      method: 'GET',
      url: '/v1/tenant-admin/services',
      headers: { authorization: `Bearer ${tenant.keys.publishable}` },
    });
    expect(pkOnAdmin.statusCode).toBe(403);
    expect(pkOnAdmin.json().error.code).toBe('wrong_key_kind');

    const skOnPublic = await t.app.inject({
      method: 'GET',
      url: '/v1/public/services',
      headers: { 'x-tenant-key': tenant.keys.secret },
    });
    expect(skOnPublic.statusCode).toBe(403);
    expect(skOnPublic.json().error.code).toBe('wrong_key_kind');
  });

  it('records when a key was last used', async () => {
    const fresh = await createTestTenant(t.db);
    const before = await t.db.apiKey.findFirstOrThrow({
      where: { tenantId: fresh.tenant.id, kind: 'SECRET' },
    });
    expect(before.lastUsedAt).toBeNull();
    await admin(t.app, fresh, { method: 'GET', url: '/v1/tenant-admin/tenant' });
    const after = await t.db.apiKey.findFirstOrThrow({ where: { id: before.id } });
    expect(after.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe('/v1/tenant-admin/api-keys', () => {
  it('lists the keys without secrets', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/api-keys' });
    expect(response.statusCode).toBe(200);
    const { data, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(data.map((key: { kind: string }) => key.kind).sort()).toEqual(['PUBLISHABLE', 'SECRET']);
    expect(JSON.stringify(data)).not.toContain(tenant.keys.secret.slice(-28));
    for (const key of data) expect(Object.keys(key)).not.toContain('hash');
  });

  it('creates a key that works at once, and revokes it at once', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload: { kind: 'PUBLISHABLE', mode: 'TEST', name: 'Staging site' },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key).toMatchObject({ kind: 'PUBLISHABLE', mode: 'TEST', name: 'Staging site', revokedAt: null });
    expect(key.key).toMatch(/^pk_test_/);
    expect(key.key.startsWith(key.prefix)).toBe(true);

    const using = { ...tenant, keys: { ...tenant.keys, publishable: key.key } };
    expect((await publicRequest(t.app, using, { method: 'GET', url: '/v1/public/tenant' })).statusCode).toBe(
      200,
    );

    const revoked = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/api-keys/${key.id}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();

    const after = await publicRequest(t.app, using, { method: 'GET', url: '/v1/public/tenant' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_api_key');
  });

  it("refuses to revoke the tenant's last live secret key", async () => {
    const lone = await createTestTenant(t.db);
    const { data } = (await admin(t.app, lone, { method: 'GET', url: '/v1/tenant-admin/api-keys' })).json();
    const secret = data.find((key: { kind: string }) => key.kind === 'SECRET');
    const response = await admin(t.app, lone, {
      method: 'DELETE',
      url: `/v1/tenant-admin/api-keys/${secret.id}`,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: secret.id } })).revokedAt).toBeNull();

    // With a second secret key, the first can go.
    await admin(t.app, lone, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload: { kind: 'SECRET' },
    });
    const retry = await admin(t.app, lone, {
      method: 'DELETE',
      url: `/v1/tenant-admin/api-keys/${secret.id}`,
    });
    expect(retry.statusCode).toBe(200);
    const refused = await admin(t.app, lone, { method: 'GET', url: '/v1/tenant-admin/tenant' });
    expect(refused.statusCode).toBe(401);
  });

  it("answers 404 for another tenant's key and leaves it alone", async () => {
    const theirs = await t.db.apiKey.findFirstOrThrow({
      where: { tenantId: other.tenant.id, kind: 'PUBLISHABLE' },
    });
    const response = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/api-keys/${theirs.id}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });

  it.each([
    [{}, 'kind'],
    [{ kind: 'ADMIN' }, 'kind'],
    [{ kind: 'SECRET', mode: 'PROD' }, 'mode'],
    [{ kind: 'SECRET', name: '' }, 'name'],
    [{ kind: 'SECRET', scopes: ['all'] }, 'scopes'],
  ])('answers 400 for %j and creates no key', async (payload, path) => {
    const before = await t.db.apiKey.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.apiKey.count()).toBe(before);
  });
});

describe('/v1/tenant-admin/tenant', () => {
  it('reads and updates the settings', async () => {
    const read = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/tenant' });
    expect(read.json()).toMatchObject({ id: tenant.tenant.id, timezone: 'Europe/Berlin' });

    const updated = await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: {
        name: 'Renamed',
        allowedOrigins: ['https://shop.example'],
        branding: { primaryColor: '#112233' },
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Renamed',
      allowedOrigins: ['https://shop.example'],
      branding: { primaryColor: '#112233' },
    });
    await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { allowedOrigins: [] },
    });
  });

  it.each([
    [{}, ''],
    [{ timezone: 'Europe/Atlantis' }, 'timezone'],
    [{ slug: 'new-slug' }, 'slug'],
    [{ branding: { theme: 'neon' } }, 'branding.theme'],
    [{ name: '   ' }, 'name'],
  ])('answers 400 for %j and changes nothing', async (payload, path) => {
    const before = await t.db.tenant.findUniqueOrThrow({ where: { id: tenant.tenant.id } });
    const response = await admin(t.app, tenant, { method: 'PATCH', url: '/v1/tenant-admin/tenant', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id: tenant.tenant.id } })).toEqual(before);
  });
});
