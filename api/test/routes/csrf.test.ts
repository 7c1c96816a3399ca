import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

let t: TestApp;
let tenant: CreatedTenant;
let session: Session;
let other: Session;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  session = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
  other = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
});
afterAll(() => t.close());

const create = { method: 'POST', url: '/v1/tenant-admin/resources', payload: { name: 'Room', kind: 'room' } };

describe('CSRF on session requests', () => {
  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['a wrong token', 'x'.repeat(43)],
    ["another session's token", 'OTHER'],
  ])('refuses a state change with %s (403 csrf_failed), changing nothing', async (_, token) => {
    const before = await t.db.resource.count({ where: { tenantId: tenant.tenant.id } });
    const csrf = token === 'OTHER' ? other.csrf : token;
    const response = await t.app.inject({
      method: 'POST',
      url: create.url,
      payload: create.payload,
      headers: { cookie: session.cookie, ...(csrf !== undefined ? { 'x-csrf-token': csrf } : {}) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    expect(await t.db.resource.count({ where: { tenantId: tenant.tenant.id } })).toBe(before);
  });

  it('checks PUT, PATCH and DELETE too, and sign-out', async () => {
    for (const [method, url] of [
      ['PUT', '/v1/tenant-admin/cancellation-policy'],
      ['PATCH', '/v1/tenant-admin/tenant'],
      ['DELETE', '/v1/tenant-admin/resources/00000000-0000-4000-8000-000000000000'],
      ['DELETE', '/v1/auth/sessions/current'],
      ['DELETE', '/v1/auth/sessions'],
    ] as const) {
      const response = await asSession(t.app, session, { method, url, payload: {}, csrf: false });
      expect(response.json().error.code, `${method} ${url}`).toBe('csrf_failed');
    }
  });

  it('lets the right token through, and reads need none', async () => {
    expect((await asSession(t.app, session, { ...create })).statusCode).toBe(201);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/resources', csrf: false }))
        .statusCode,
    ).toBe(200);
  });

  it('needs no token with a secret key', async () => {
    expect((await admin(t.app, tenant, create)).statusCode).toBe(201);
  });
});
