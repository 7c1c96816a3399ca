import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, PASSWORD, signIn } from '../helpers/staff-sessions.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let now = new Date('2026-12-02T09:00:00Z');

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => now });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

describe('sign in', () => {
  it('sets an httpOnly, SameSite=Lax, Secure session cookie and answers the account and a CSRF token', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      payload: { email: staff.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.account).toMatchObject({ id: staff.id, role: 'manager', tenant: { id: tenant.tenant.id } });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'mais_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const stored = await t.db.staffSession.findMany({ where: { accountId: staff.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(cookie.value);
  });

  it('answers 401 for a wrong password and for an unknown email alike', async () => {
    const staff = await createStaff(t.app, tenant);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      payload: { email: staff.email, password: 'wrong password!' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      payload: { email: 'nobody@x.example', password: 'wrong password!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses a foreign Origin', async () => {
    const staff = await createStaff(t.app, tenant);
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      headers: { origin: 'https://evil.example' },
      payload: { email: staff.email, password: PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it('asks for tenantSlug only once the password matched, when the email has several tenants', async () => {
    const email = `both-${Date.now()}@studio.example`;
    await createStaff(t.app, tenant, { email });
    await createStaff(t.app, other, { email });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      payload: { email, password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain(tenant.tenant.slug);
    const right = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/sessions',
      payload: { email, password: PASSWORD },
    });
    expect(right.statusCode).toBe(400);
    expect(right.json().error.details[0].path).toBe('tenantSlug');
    expect(right.body).toContain(tenant.tenant.slug);
    const session = await signIn(t.app, email, PASSWORD, other.tenant.slug);
    const me = await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/tenant' });
    expect(me.json().id).toBe(other.tenant.id);
  });
});

describe('the cookie in local development', () => {
  it.each<Record<string, string>>([{ NODE_ENV: 'development' }, { PUBLIC_URL: 'http://localhost:3000' }])(
    'is not Secure with %o',
    async (env) => {
      const local = await buildTestApp(env);
      try {
        const localTenant = await createTestTenant(local.db);
        const staff = await createStaff(local.app, localTenant);
        const response = await local.app.inject({
          method: 'POST',
          url: '/v1/auth/sessions',
          payload: { email: staff.email, password: PASSWORD },
        });
        const cookie = response.cookies.find((c) => c.name === 'mais_session')!;
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        expect(cookie.secure).toBeUndefined();
      } finally {
        await local.close();
      }
    },
  );
});

describe('sessions', () => {
  it('reach the admin API, and sign out ends the session', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(200);
    const out = await asSession(t.app, session, { method: 'DELETE', url: '/v1/auth/sessions/current' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'mais_session')?.value).toBe('');
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(401);
  });

  it('answer the account, its zone and the same CSRF token again after a reload; another session has its own', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    const current = await asSession(t.app, session, {
      method: 'GET',
      url: '/v1/auth/sessions/current',
      csrf: false,
    });
    expect(current.statusCode).toBe(200);
    expect(current.headers['cache-control']).toBe('no-store');
    expect(current.json()).toMatchObject({
      account: {
        id: staff.id,
        role: 'manager',
        tenant: { id: tenant.tenant.id, timezone: tenant.tenant.timezone, currency: tenant.tenant.currency },
      },
      csrfToken: session.csrf,
    });
    const second = await signIn(t.app, staff.email);
    expect(second.csrf).not.toBe(session.csrf);
    // One session's token does not pass for another's.
    const crossed = await asSession(
      t.app,
      { cookie: second.cookie, csrf: session.csrf },
      {
        method: 'DELETE',
        url: '/v1/auth/sessions/current',
      },
    );
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().error.code).toBe('csrf_failed');

    await asSession(t.app, session, { method: 'DELETE', url: '/v1/auth/sessions/current' });
    const ended = await asSession(t.app, session, { method: 'GET', url: '/v1/auth/sessions/current' });
    expect(ended.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/sessions/current' })).statusCode).toBe(401);
  });

  it('sign out everywhere ends every session of the account only', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const bystander = await createStaff(t.app, tenant, { role: 'manager' });
    const [a, b, c] = [
      await signIn(t.app, staff.email),
      await signIn(t.app, staff.email),
      await signIn(t.app, bystander.email),
    ];
    const out = await asSession(t.app, a, { method: 'DELETE', url: '/v1/auth/sessions' });
    expect(out.json()).toEqual({ revoked: 2 });
    for (const s of [a, b]) {
      expect(
        (await asSession(t.app, s, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
      ).toBe(401);
    }
    expect((await asSession(t.app, c, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode).toBe(
      200,
    );
  });

  it('expire after 12 idle hours', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    now = new Date(now.getTime() + 11 * 3600_000);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(200);
    now = new Date(now.getTime() + 11 * 3600_000);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(200);
    now = new Date(now.getTime() + 12 * 3600_000 + 1000);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(401);
  });

  it('end when the account is disabled', async () => {
    const staff = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, staff.email);
    const owner = await signIn(t.app, (await createStaff(t.app, tenant)).email);
    const patch = await asSession(t.app, owner, {
      method: 'PATCH',
      url: `/v1/tenant-admin/staff/${staff.id}`,
      payload: { disabled: true },
    });
    expect(patch.json().status).toBe('disabled');
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(401);
  });
});
