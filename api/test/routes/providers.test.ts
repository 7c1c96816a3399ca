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

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function createProvider(owner: CreatedTenant, payload: Record<string, unknown> = ada) {
  const response = await admin(t.app, owner, { method: 'POST', url: '/v1/tenant-admin/providers', payload });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function createService(owner: CreatedTenant, name = 'Haircut') {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name, durationMinutes: 30, priceBaseCents: 2000 },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

function paths(response: { json(): { error: { details: { path: string }[] } } }) {
  return response.json().error.details.map((detail) => detail.path);
}

describe('providers', () => {
  it('creates a provider with defaults and reads it back', async () => {
    const provider = await createProvider(tenant);
    expect(provider).toEqual({
      id: expect.any(String),
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: null,
      timezone: null,
      active: true,
      services: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/providers/${provider.id}`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(provider);
    const row = await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(row.tenantId).toBe(tenant.tenant.id);
  });

  it('creates a provider with every field', async () => {
    const provider = await createProvider(tenant, {
      name: '  Grace Hopper ',
      email: 'grace@example.com',
      phone: '+49 (30) 123-4567',
      timezone: 'America/New_York',
      active: false,
    });
    expect(provider).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '+49 (30) 123-4567',
      timezone: 'America/New_York',
      active: false,
    });
  });

  it('updates some fields and leaves the others', async () => {
    const provider = await createProvider(tenant, { ...ada, phone: '030 1234567' });
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/providers/${provider.id}`,
      payload: { name: 'Ada King', timezone: 'Europe/London', phone: null },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: provider.id,
      name: 'Ada King',
      email: 'ada@example.com',
      phone: null,
      timezone: 'Europe/London',
      active: true,
    });
    const row = await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(row).toMatchObject({ name: 'Ada King', phone: null, timezone: 'Europe/London' });
  });

  it('deactivates on DELETE and keeps the row', async () => {
    const provider = await createProvider(tenant);
    const response = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/providers/${provider.id}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: provider.id, active: false, name: 'Ada Lovelace' });
    const row = await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(row.active).toBe(false);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/providers/${MISSING_ID}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('listing providers', () => {
  it('walks every page with nextCursor and filters by active', async () => {
    const lister = await createTestTenant(t.db);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push((await createProvider(lister, { name: `P${i}`, email: `p${i}@example.com` })).id);
    }
    await admin(t.app, lister, { method: 'DELETE', url: `/v1/tenant-admin/providers/${created[1]}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const response = await admin(t.app, lister, {
        method: 'GET',
        url: `/v1/tenant-admin/providers${query}`,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((provider: { id: string }) => provider.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(created);

    const active = await admin(t.app, lister, {
      method: 'GET',
      url: '/v1/tenant-admin/providers?active=true',
    });
    expect(active.json().data.map((p: { id: string }) => p.id)).toEqual(created.filter((_, i) => i !== 1));
    const inactive = await admin(t.app, lister, {
      method: 'GET',
      url: '/v1/tenant-admin/providers?active=false',
    });
    expect(inactive.json().data.map((p: { id: string }) => p.id)).toEqual([created[1]]);
  });

  it('does not list another tenant’s providers', async () => {
    const theirs = await createProvider(other, { name: 'Theirs', email: 'theirs@example.com' });
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/providers?limit=100',
    });
    expect(response.json().data.map((p: { id: string }) => p.id)).not.toContain(theirs.id);
  });

  it.each([
    ['?active=yes', 'active'],
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?cursor=bm9wZQ', 'cursor'],
    ['?sort=name', 'sort'],
  ])('answers 400 for %s', async (query, path) => {
    const response = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/providers${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
  });
});

describe('provider services', () => {
  it('replaces the offered services and returns them', async () => {
    const provider = await createProvider(tenant);
    const cut = await createService(tenant, 'Cut');
    const colour = await createService(tenant, 'Colour');
    const first = await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: [{ serviceId: cut, priceOverrideCents: 2500 }, { serviceId: colour }],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().id).toBe(provider.id);
    expect(first.json().services).toEqual(
      [
        { serviceId: cut, priceOverrideCents: 2500 },
        { serviceId: colour, priceOverrideCents: null },
      ].sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
    );

    const second = await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: [{ serviceId: colour, priceOverrideCents: 0 }],
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().services).toEqual([{ serviceId: colour, priceOverrideCents: 0 }]);
    const rows = await t.db.providerService.findMany({ where: { providerId: provider.id } });
    expect(rows).toEqual([
      { tenantId: tenant.tenant.id, providerId: provider.id, serviceId: colour, priceOverrideCents: 0 },
    ]);

    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/providers/${provider.id}`,
    });
    expect(read.json().services).toEqual([{ serviceId: colour, priceOverrideCents: 0 }]);

    const cleared = await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: [],
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().services).toEqual([]);
    expect(await t.db.providerService.count({ where: { providerId: provider.id } })).toBe(0);
  });

  it('changes nothing when one serviceId is another tenant’s or unknown', async () => {
    const provider = await createProvider(tenant);
    const mine = await createService(tenant);
    const theirs = await createService(other);
    await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: [{ serviceId: mine, priceOverrideCents: 100 }],
    });
    const before = await t.db.providerService.findMany({
      orderBy: [{ providerId: 'asc' }, { serviceId: 'asc' }],
    });

    for (const foreign of [theirs, MISSING_ID]) {
      const response = await admin(t.app, tenant, {
        method: 'PUT',
        url: `/v1/tenant-admin/providers/${provider.id}/services`,
        payload: [{ serviceId: mine }, { serviceId: foreign, priceOverrideCents: 5 }],
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const after = await t.db.providerService.findMany({
      orderBy: [{ providerId: 'asc' }, { serviceId: 'asc' }],
    });
    expect(after).toEqual(before);
  });

  it.each([
    [
      'a negative price override',
      (id: string) => [{ serviceId: id, priceOverrideCents: -1 }],
      '0.priceOverrideCents',
    ],
    [
      'a fractional price override',
      (id: string) => [{ serviceId: id, priceOverrideCents: 1.5 }],
      '0.priceOverrideCents',
    ],
    [
      'a string price override',
      (id: string) => [{ serviceId: id, priceOverrideCents: '100' }],
      '0.priceOverrideCents',
    ],
    ['a serviceId that is not a UUID', () => [{ serviceId: 'haircut' }], '0.serviceId'],
    ['a missing serviceId', () => [{ priceOverrideCents: 100 }], '0.serviceId'],
    ['an unknown field', (id: string) => [{ serviceId: id, price: 100 }], '0.price'],
    [
      'a duplicate serviceId',
      (id: string) => [{ serviceId: id }, { serviceId: id, priceOverrideCents: 1 }],
      '1.serviceId',
    ],
    ['an object instead of a list', (id: string) => ({ serviceId: id }), ''],
    ['more than 100 entries', (id: string) => Array.from({ length: 101 }, () => ({ serviceId: id })), ''],
  ])('answers 400 for %s and changes nothing', async (_, body, path) => {
    const provider = await createProvider(tenant);
    const service = await createService(tenant);
    await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: [{ serviceId: service, priceOverrideCents: 700 }],
    });
    const before = await t.db.providerService.findMany({
      orderBy: [{ providerId: 'asc' }, { serviceId: 'asc' }],
    });
    const response = await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${provider.id}/services`,
      payload: body(service),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
    const after = await t.db.providerService.findMany({
      orderBy: [{ providerId: 'asc' }, { serviceId: 'asc' }],
    });
    expect(after).toEqual(before);
  });
});

describe("another tenant's provider", () => {
  let theirs: { id: string };
  let theirService: string;

  beforeAll(async () => {
    theirs = await createProvider(other, {
      name: 'Theirs',
      email: 'theirs@example.com',
      phone: '+1 555 0100',
    });
    theirService = await createService(other);
    await admin(t.app, other, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${theirs.id}/services`,
      payload: [{ serviceId: theirService, priceOverrideCents: 900 }],
    });
  });

  it.each([
    ['GET', '', undefined],
    ['PATCH', '', { name: 'Stolen' }],
    ['DELETE', '', undefined],
    ['PUT', '/services', []],
  ] as const)('answers 404 to %s%s and leaves it alone', async (method, suffix, payload) => {
    const before = await t.db.provider.findUniqueOrThrow({ where: { id: theirs.id } });
    const linksBefore = await t.db.providerService.findMany({ where: { providerId: theirs.id } });
    const response = await admin(t.app, tenant, {
      method,
      url: `/v1/tenant-admin/providers/${theirs.id}${suffix}`,
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await t.db.provider.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
    expect(await t.db.providerService.findMany({ where: { providerId: theirs.id } })).toEqual(linksBefore);
    expect(linksBefore).toHaveLength(1);
  });

  it('answers 404 when my provider is given their service', async () => {
    const mine = await createProvider(tenant);
    const response = await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${mine.id}/services`,
      payload: [{ serviceId: theirService }],
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await t.db.providerService.count({ where: { providerId: mine.id } })).toBe(0);
  });
});

describe('bad provider input', () => {
  it.each([
    [{}, 'name'],
    [{ email: 'ada@example.com' }, 'name'],
    [{ name: 'Ada' }, 'email'],
    [{ ...ada, name: '' }, 'name'],
    [{ ...ada, name: '   ' }, 'name'],
    [{ ...ada, name: 'x'.repeat(201) }, 'name'],
    [{ ...ada, name: 42 }, 'name'],
    [{ ...ada, email: 'not-an-email' }, 'email'],
    [{ ...ada, email: 7 }, 'email'],
    [{ ...ada, phone: 'call me' }, 'phone'],
    [{ ...ada, phone: '123' }, 'phone'],
    [{ ...ada, phone: 4930123456 }, 'phone'],
    [{ ...ada, timezone: 'Mars/Olympus' }, 'timezone'],
    [{ ...ada, active: 'yes' }, 'active'],
    [{ ...ada, services: [] }, 'services'],
    [{ ...ada, tenantId: '00000000-0000-4000-8000-000000000000' }, 'tenantId'],
  ])('POST %j answers 400 and creates nothing', async (payload, path) => {
    const before = await t.db.provider.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/providers',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
    expect(await t.db.provider.count()).toBe(before);
  });

  it.each([
    [{}, ''],
    [{ name: '' }, 'name'],
    [{ email: 'ada@' }, 'email'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ phone: '+49 30 123 x' }, 'phone'],
    [{ active: null }, 'active'],
    [{ email: null }, 'email'],
    [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
  ])('PATCH %j answers 400 and changes nothing', async (payload, path) => {
    const provider = await createProvider(tenant);
    const before = await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } });
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/providers/${provider.id}`,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(paths(response)).toContain(path);
    expect(await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } })).toEqual(before);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/providers/ada' });
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toContain('id');
  });
});
