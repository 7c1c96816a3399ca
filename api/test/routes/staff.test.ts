import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn } from '../helpers/staff-sessions.ts';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTenant } from '../../src/use-cases/create-tenant.ts';
import { seedDemoOwner } from '../../../prisma/seed-demo-owner.ts';

let t: TestApp;
let tenant: CreatedTenant;
let providerId: string;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  const provider = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/providers',
    payload: { name: 'Ana', email: 'ana@studio.example' },
  });
  providerId = provider.json().id;
});
afterAll(() => t.close());

const url = '/v1/tenant-admin/staff';

describe('staff accounts', () => {
  it('creates, lists, reads, changes and deletes accounts; stores only a scrypt hash', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url,
      payload: { email: 'Bo@Studio.example', name: 'Bo', role: 'manager', password: 'a long password' },
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      email: 'bo@studio.example',
      role: 'manager',
      status: 'active',
      providerId: null,
    });
    const row = await t.db.staffAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.passwordHash).not.toContain('a long password');

    const list = await admin(t.app, tenant, { method: 'GET', url });
    expect(list.json().data.map((a: { id: string }) => a.id)).toContain(account.id);
    expect((await admin(t.app, tenant, { method: 'GET', url: `${url}/${account.id}` })).json().name).toBe(
      'Bo',
    );

    const patched = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `${url}/${account.id}`,
      payload: { role: 'provider', providerId },
    });
    expect(patched.json()).toMatchObject({ role: 'provider', providerId });

    expect((await admin(t.app, tenant, { method: 'DELETE', url: `${url}/${account.id}` })).statusCode).toBe(
      200,
    );
    expect((await admin(t.app, tenant, { method: 'GET', url: `${url}/${account.id}` })).statusCode).toBe(404);
  });

  it('refuses a duplicate email (409), bad roles and bad passwords (400)', async () => {
    await createStaff(t.app, tenant, { email: 'dup@studio.example' });
    const dup = await admin(t.app, tenant, {
      method: 'POST',
      url,
      payload: { email: 'DUP@studio.example', name: 'X', role: 'owner' },
    });
    expect(dup.statusCode).toBe(409);
    for (const payload of [
      { email: 'p@studio.example', name: 'P', role: 'provider' },
      { email: 'm@studio.example', name: 'M', role: 'manager', providerId },
      { email: 'n@studio.example', name: 'N', role: 'manager', password: 'short' },
      { email: 'n@studio.example', name: 'N', role: 'manager', password: 'x'.repeat(201) },
      { email: 'n@studio.example', name: 'N', role: 'admin' },
      { email: 'not an email', name: 'N', role: 'manager' },
    ]) {
      const response = await admin(t.app, tenant, { method: 'POST', url, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('two concurrent creations of one email make one account', async () => {
    const payload = { email: 'race@studio.example', name: 'R', role: 'manager', password: 'a long password' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => admin(t.app, tenant, { method: 'POST', url, payload })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await t.db.staffAccount.count({ where: { email: 'race@studio.example' } })).toBe(1);
  });

  it('is for owners: a manager session gets 403 and an owner session may', async () => {
    const manager = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
    const owner = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'owner' })).email);
    const payload = {
      email: 'via-session@studio.example',
      name: 'V',
      role: 'manager',
      password: 'a long password',
    };
    const refused = await asSession(t.app, manager, { method: 'POST', url, payload });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(await t.db.staffAccount.count({ where: { email: payload.email } })).toBe(0);
    expect((await asSession(t.app, owner, { method: 'POST', url, payload })).statusCode).toBe(201);
  });
});

describe('the demo owner of npm start', () => {
  it('gets a generated password, kept in the state folder (0600) and reused, that signs in', async () => {
    await createTenant(t.db, {
      name: 'Demo Studio',
      slug: 'demo',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: [],
      branding: {},
    });
    const stateDir = mkdtempSync(path.join(tmpdir(), 'mais-demo-owner-'));
    const first = await seedDemoOwner(t.db, stateDir);
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    const file = path.join(stateDir, 'demo-owner.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await seedDemoOwner(t.db, stateDir)).toEqual(first);
    const session = await signIn(t.app, first.email, first.password);
    expect(
      (await asSession(t.app, session, { method: 'GET', url: '/v1/tenant-admin/staff' })).statusCode,
    ).toBe(200);
    // Another checkout (a new state folder) gets a new password that works; the old one stops.
    const second = await seedDemoOwner(t.db, mkdtempSync(path.join(tmpdir(), 'mais-demo-owner-')));
    expect(second.password).not.toBe(first.password);
    await signIn(t.app, second.email, second.password);
  });
});

describe('the last owner', () => {
  /** A tenant with `count` owners who can sign in. */
  async function ownersOf(count: number) {
    const owned = await createTestTenant(t.db);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await admin(t.app, owned, {
        method: 'POST',
        url,
        payload: {
          email: `owner${i}@studio.example`,
          name: `Owner ${i}`,
          role: 'owner',
          password: 'a long password',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    return { owned, ids };
  }

  it('cannot be demoted, disabled or deleted; another owner can, while one remains', async () => {
    const { owned, ids } = await ownersOf(2);
    const [first, second] = ids as [string, string];
    const change = (id: string, method: 'PATCH' | 'DELETE', payload?: object) =>
      admin(t.app, owned, { method, url: `${url}/${id}`, ...(payload ? { payload } : {}) });

    expect((await change(first, 'PATCH', { role: 'manager' })).statusCode).toBe(200);
    for (const [method, payload] of [
      ['PATCH', { role: 'manager' }],
      ['PATCH', { disabled: true }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await change(second, method, payload);
      expect(refused.statusCode, `${method} ${JSON.stringify(payload)}`).toBe(409);
      expect(refused.json().error.code).toBe('invalid_state');
    }
    const row = await t.db.staffAccount.findUniqueOrThrow({ where: { id: second } });
    expect([row.role, row.disabledAt]).toEqual(['OWNER', null]);
    // Renaming the last owner is fine.
    expect((await change(second, 'PATCH', { name: 'Still Owner' })).statusCode).toBe(200);
  });

  it('two owners demoted at once over HTTP, in rounds: exactly one is demoted', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    for (let round = 0; round < 6; round++) {
      const { owned, ids } = await ownersOf(2);
      const demote = (id: string) =>
        fetch(`${base}${url}/${id}`, {
          method: round % 2 === 0 ? 'PATCH' : 'DELETE',
          headers: {
            authorization: `Bearer ${owned.keys.secret}`,
            ...(round % 2 === 0 ? { 'content-type': 'application/json' } : {}),
          },
          ...(round % 2 === 0 ? { body: JSON.stringify({ role: 'manager' }) } : {}),
        });
      const statuses = (await Promise.all(ids.map(demote))).map((response) => response.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 409]);
      const owners = await t.db.staffAccount.count({
        where: { tenantId: owned.tenant.id, role: 'OWNER', disabledAt: null },
      });
      expect(owners, `round ${round}`).toBe(1);
    }
  });
});
