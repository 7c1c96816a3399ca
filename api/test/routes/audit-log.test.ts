import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// The audit log: every state-changing admin request of an authenticated caller, with who (key
// or staff session), what (route, target), when, from where and how it ended; never a body or a
// secret; owners only; one tenant's entries only.

const LOG = '/v1/tenant-admin/audit-log';
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let owner: { id: string; email: string };
let ownerSession: Session;

interface Entry {
  id: string;
  actor: {
    kind: string;
    apiKeyId: string | null;
    staffAccountId: string | null;
    sessionId: string | null;
    label: string;
  };
  method: string;
  route: string;
  targetId: string | null;
  statusCode: number;
  ip: string;
  userAgent: string | null;
  requestId: string;
  occurredAt: string;
}

const entries = async (query = '', as = tenant) => {
  const response = await admin(t.app, as, { method: 'GET', url: `${LOG}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Entry[]; nextCursor: string | null }>();
};

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  owner = await createStaff(t.app, tenant, { role: 'owner' });
  ownerSession = await signIn(t.app, owner.email);
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records a secret key’s change: the key by id and display prefix, the route, the new id, status, address', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/resources',
      payload: { name: 'Room 7', kind: 'room' },
      headers: { 'user-agent': 'crm-sync/2.1', 'x-request-id': 'req-audit-1' },
    });
    expect(created.statusCode).toBe(201);
    const [entry] = (await entries()).data;
    const key = await t.db.apiKey.findFirstOrThrow({ where: { tenantId: tenant.tenant.id, kind: 'SECRET' } });
    expect(entry).toMatchObject({
      actor: { kind: 'api_key', apiKeyId: key.id, staffAccountId: null, label: key.prefix },
      method: 'POST',
      route: '/v1/tenant-admin/resources',
      targetId: created.json().id,
      statusCode: 201,
      ip: '127.0.0.1',
      userAgent: 'crm-sync/2.1',
      requestId: 'req-audit-1',
    });
    expect(entry!.actor.label).not.toBe(tenant.keys.secret);
    expect(Math.abs(new Date(entry!.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('records a staff session’s change with the account, its session and the path id; reads are not recorded', async () => {
    const resource = (
      await admin(t.app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/resources',
        payload: { name: 'Room 8', kind: 'room' },
      })
    ).json().id as string;
    const before = (await entries('?limit=100')).data.length;
    await asSession(t.app, ownerSession, { method: 'GET', url: `/v1/tenant-admin/resources/${resource}` });
    const patched = await asSession(t.app, ownerSession, {
      method: 'PATCH',
      url: `/v1/tenant-admin/resources/${resource}`,
      payload: { name: 'Room 8b' },
    });
    expect(patched.statusCode).toBe(200);
    const log = (await entries('?limit=100')).data;
    expect(log).toHaveLength(before + 1);
    const session = await t.db.staffSession.findFirstOrThrow({ where: { accountId: owner.id } });
    expect(log[0]).toMatchObject({
      actor: {
        kind: 'staff',
        staffAccountId: owner.id,
        sessionId: session.id,
        apiKeyId: null,
        label: owner.email,
      },
      method: 'PATCH',
      route: '/v1/tenant-admin/resources/:id',
      targetId: resource,
      statusCode: 200,
    });
  });

  it('records nothing for refused requests (403 for a manager on an owners’ route, 404, 400)', async () => {
    const manager = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, manager.email);
    const before = await t.db.auditLogEntry.count({ where: { tenantId: tenant.tenant.id } });
    const refused = await asSession(t.app, session, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload: { kind: 'SECRET' },
    });
    expect(refused.statusCode).toBe(403);
    const missing = await admin(t.app, tenant, {
      method: 'DELETE',
      url: '/v1/tenant-admin/resources/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const invalid = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/staff',
      payload: { email: 'x@studio.example', name: 'X', role: 'emperor', password: 'hunter2-but-a-secret' },
    });
    expect(invalid.statusCode).toBe(400);
    // The manager's own account creation above was the last entry.
    expect(await t.db.auditLogEntry.count({ where: { tenantId: tenant.tenant.id } })).toBe(before);
  });

  it('records a staff account’s creation without its password', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/staff',
      payload: { email: 'y@studio.example', name: 'Y', role: 'manager', password: 'hunter2-but-a-secret' },
    });
    expect(created.statusCode).toBe(201);
    const [entry] = (await entries()).data;
    expect(entry).toMatchObject({
      route: '/v1/tenant-admin/staff',
      targetId: created.json().id,
      statusCode: 201,
    });
    const stored = JSON.stringify(
      await t.db.auditLogEntry.findMany({ where: { tenantId: tenant.tenant.id } }),
    );
    expect(stored).not.toContain('hunter2');
  });

  it('never holds a secret: creating a key records its id, not the key', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/api-keys',
      payload: { kind: 'SECRET' },
    });
    expect(created.statusCode).toBe(201);
    const [entry] = (await entries()).data;
    expect(entry).toMatchObject({ route: '/v1/tenant-admin/api-keys', targetId: created.json().id });
    const stored = JSON.stringify(
      await t.db.auditLogEntry.findMany({ where: { tenantId: tenant.tenant.id } }),
    );
    expect(stored).not.toContain(created.json().key);
    expect(stored).not.toContain(tenant.keys.secret);
  });

  it('filters by actor, pages newest first, and shows one tenant only', async () => {
    const byOwner = (await entries(`?actorId=${owner.id}`)).data;
    expect(byOwner.length).toBeGreaterThan(0);
    expect(byOwner.every((entry) => entry.actor.staffAccountId === owner.id)).toBe(true);

    const first = await entries('?limit=2');
    const second = await entries(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.data[0]!.occurredAt <= first.data[1]!.occurredAt).toBe(true);
    expect(second.data.map((e) => e.id)).not.toContain(first.data[1]!.id);

    expect((await entries('', other)).data).toEqual([]);
  });

  it('is for owners: a manager session gets 403', async () => {
    const manager = await createStaff(t.app, tenant, { role: 'manager' });
    const session = await signIn(t.app, manager.email);
    expect((await asSession(t.app, session, { method: 'GET', url: LOG })).statusCode).toBe(403);
    expect((await asSession(t.app, ownerSession, { method: 'GET', url: LOG })).statusCode).toBe(200);
  });

  it('records each of 20 changes made at once over HTTP', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const before = await t.db.auditLogEntry.count({ where: { tenantId: tenant.tenant.id } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${address}/v1/tenant-admin/resources`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tenant.keys.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Parallel ${i}`, kind: 'room' }),
        }).then(async (response) => ({
          status: response.status,
          id: ((await response.json()) as { id: string }).id,
        })),
      ),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const rows = await t.db.auditLogEntry.findMany({
      where: { tenantId: tenant.tenant.id, targetId: { in: answers.map((answer) => answer.id) } },
    });
    expect(rows).toHaveLength(20);
    expect(await t.db.auditLogEntry.count({ where: { tenantId: tenant.tenant.id } })).toBe(before + 20);
  });
});
