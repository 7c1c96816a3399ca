import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

const room = { name: 'Room 1', kind: 'room' };
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function createResource(owner: CreatedTenant, payload: Record<string, unknown> = room) {
  const response = await admin(t.app, owner, { method: 'POST', url: '/v1/tenant-admin/resources', payload });
  expect(response.statusCode).toBe(201);
  return response.json();
}

function paths(response: { json(): { error: { details: { path: string }[] } } }) {
  return response.json().error.details.map((detail) => detail.path);
}

describe('resources', () => {
  it('creates a resource with defaults and reads it back', async () => {
    const resource = await createResource(tenant);
    expect(resource).toEqual({
      id: expect.any(String),
      name: 'Room 1',
      kind: 'room',
      capacity: 1,
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/resources/${resource.id}`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(resource);
    const row = await t.db.resource.findUniqueOrThrow({ where: { id: resource.id } });
    expect(row).toMatchObject({ tenantId: tenant.tenant.id, capacity: 1 });
  });

  it('creates a resource with every field', async () => {
    const resource = await createResource(tenant, {
      name: ' Studio ',
      kind: 'hall',
      capacity: 1000,
      active: false,
    });
    expect(resource).toMatchObject({ name: 'Studio', kind: 'hall', capacity: 1000, active: false });
  });

  it('updates some fields and leaves the others', async () => {
    const resource = await createResource(tenant);
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/resources/${resource.id}`,
      payload: { capacity: 12, kind: 'yoga room' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: resource.id,
      name: 'Room 1',
      kind: 'yoga room',
      capacity: 12,
      active: true,
    });
    const row = await t.db.resource.findUniqueOrThrow({ where: { id: resource.id } });
    expect(row).toMatchObject({ name: 'Room 1', kind: 'yoga room', capacity: 12 });
  });

  it('deactivates on DELETE and keeps the row', async () => {
    const resource = await createResource(tenant);
    const response = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/resources/${resource.id}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: resource.id, active: false, name: 'Room 1' });
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: resource.id } })).active).toBe(false);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/resources/${MISSING_ID}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('listing resources', () => {
  it('walks every page with nextCursor and filters by active', async () => {
    const lister = await createTestTenant(t.db);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1)
      created.push((await createResource(lister, { name: `R${i}`, kind: 'room' })).id);
    await admin(t.app, lister, { method: 'DELETE', url: `/v1/tenant-admin/resources/${created[3]}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const response = await admin(t.app, lister, {
        method: 'GET',
        url: `/v1/tenant-admin/resources${query}`,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((resource: { id: string }) => resource.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(created);

    const active = await admin(t.app, lister, {
      method: 'GET',
      url: '/v1/tenant-admin/resources?active=true',
    });
    expect(active.json().data.map((r: { id: string }) => r.id)).toEqual(created.filter((_, i) => i !== 3));
    const inactive = await admin(t.app, lister, {
      method: 'GET',
      url: '/v1/tenant-admin/resources?active=false',
    });
    expect(inactive.json().data.map((r: { id: string }) => r.id)).toEqual([created[3]]);
  });

  it('does not list another tenant’s resources', async () => {
    const theirs = await createResource(other, { name: 'Theirs', kind: 'room' });
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/resources?limit=100',
    });
    expect(response.json().data.map((r: { id: string }) => r.id)).not.toContain(theirs.id);
  });

  it.each([
    ['?active=1', 'active'],
    ['?limit=0', 'limit'],
    ['?cursor=bm9wZQ', 'cursor'],
    ['?kind=room', 'kind'],
  ])('answers 400 for %s', async (query, path) => {
    const response = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/resources${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
  });
});

describe("another tenant's resource", () => {
  it.each([
    ['GET', undefined],
    ['PATCH', { name: 'Stolen', capacity: 9 }],
    ['DELETE', undefined],
  ] as const)('answers 404 to %s and leaves it alone', async (method, payload) => {
    const theirs = await createResource(other, { name: 'Theirs', kind: 'chair', capacity: 2 });
    const before = await t.db.resource.findUniqueOrThrow({ where: { id: theirs.id } });
    const response = await admin(t.app, tenant, {
      method,
      url: `/v1/tenant-admin/resources/${theirs.id}`,
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await t.db.resource.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
  });
});

describe('bad resource input', () => {
  it.each([
    [{}, 'name'],
    [{ kind: 'room' }, 'name'],
    [{ name: 'Room' }, 'kind'],
    [{ ...room, name: '' }, 'name'],
    [{ ...room, name: 'x'.repeat(201) }, 'name'],
    [{ ...room, name: 5 }, 'name'],
    [{ ...room, kind: '' }, 'kind'],
    [{ ...room, kind: 'k'.repeat(51) }, 'kind'],
    [{ ...room, capacity: 0 }, 'capacity'],
    [{ ...room, capacity: -3 }, 'capacity'],
    [{ ...room, capacity: 1001 }, 'capacity'],
    [{ ...room, capacity: 2.5 }, 'capacity'],
    [{ ...room, capacity: '4' }, 'capacity'],
    [{ ...room, active: 'no' }, 'active'],
    [{ ...room, floor: 2 }, 'floor'],
  ])('POST %j answers 400 and creates nothing', async (payload, path) => {
    const before = await t.db.resource.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/resources',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
    expect(await t.db.resource.count()).toBe(before);
  });

  it.each([
    [{}, ''],
    [{ name: '  ' }, 'name'],
    [{ kind: null }, 'kind'],
    [{ capacity: 0 }, 'capacity'],
    [{ capacity: null }, 'capacity'],
    [{ active: 1 }, 'active'],
    [{ tenantId: MISSING_ID }, 'tenantId'],
  ])('PATCH %j answers 400 and changes nothing', async (payload, path) => {
    const resource = await createResource(tenant);
    const before = await t.db.resource.findUniqueOrThrow({ where: { id: resource.id } });
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/resources/${resource.id}`,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
    expect(await t.db.resource.findUniqueOrThrow({ where: { id: resource.id } })).toEqual(before);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const response = await admin(t.app, tenant, {
      method: 'DELETE',
      url: '/v1/tenant-admin/resources/room-1',
    });
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toContain('id');
  });
});
