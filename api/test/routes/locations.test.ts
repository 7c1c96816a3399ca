import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

// Locations: POST/GET /v1/tenant-admin/locations, GET/PATCH/DELETE /locations/:id (manager+), a
// service's locationId, and the location on GET /v1/public/services. Checked in the table too.
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let manager: Session;
let provider: Session;

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const studio = {
  name: 'Mitte studio',
  addressLines: ['Torstraße 1', 'Hinterhof'],
  city: 'Berlin',
  postalCode: '10119',
  country: 'de',
  phone: '+49 30 1234567',
  timezone: 'Europe/Berlin',
};

async function createLocation(owner: CreatedTenant, payload: Record<string, unknown>) {
  const response = await admin(t.app, owner, { method: 'POST', url: '/v1/tenant-admin/locations', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; name: string }>();
}

async function createService(owner: CreatedTenant, payload: Record<string, unknown> = {}) {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name: `Cut ${Math.random()}`, durationMinutes: 30, priceBaseCents: 2500, ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; locationId: string | null }>();
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const providerId = (
    await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/providers',
      payload: { name: 'Pro', email: 'pro@studio.example' },
    })
  ).json().id;
  manager = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
  provider = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'provider', providerId })).email);
});
afterAll(() => t.close());

describe('locations', () => {
  it('creates a location (trimmed, country upper-cased), reads, lists and stores it', async () => {
    const created = await createLocation(tenant, { ...studio, name: '  Mitte studio ' });
    expect(created).toEqual({
      id: expect.any(String),
      ...studio,
      country: 'DE',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/locations/${created.id}`,
    });
    expect(read.json()).toEqual(created);
    const list = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/locations' });
    expect(list.json().data.map((l: { id: string }) => l.id)).toContain(created.id);
    const row = await t.db.location.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      tenantId: tenant.tenant.id,
      country: 'DE',
      addressLines: studio.addressLines,
    });
  });

  it('takes only a name, with empty defaults', async () => {
    const created = await createLocation(tenant, { name: 'Pop-up' });
    expect(created).toMatchObject({
      addressLines: [],
      city: '',
      postalCode: '',
      country: null,
      phone: null,
      timezone: null,
      active: true,
    });
  });

  it('refuses a second location of the same name (409 conflict), but another tenant may use it', async () => {
    await createLocation(tenant, { name: 'Twice' });
    const again = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/locations',
      payload: { name: 'Twice' },
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);
    await createLocation(other, { name: 'Twice' });
    const renamed = await createLocation(tenant, { name: 'Once' });
    const clash = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/locations/${renamed.id}`,
      payload: { name: 'Twice' },
    });
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'conflict']);
    expect(await t.db.location.count({ where: { tenantId: tenant.tenant.id, name: 'Twice' } })).toBe(1);
  });

  it('updates the given fields, deactivates and lists by active', async () => {
    const created = await createLocation(tenant, { name: 'Kreuzberg', city: 'Berlin' });
    const patched = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/locations/${created.id}`,
      payload: { postalCode: '10999', addressLines: ['Oranienstraße 2'], active: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Kreuzberg',
      city: 'Berlin',
      postalCode: '10999',
      addressLines: ['Oranienstraße 2'],
      active: false,
    });
    const active = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/locations?active=true',
    });
    expect(active.json().data.map((l: { id: string }) => l.id)).not.toContain(created.id);
    const inactive = await admin(t.app, tenant, {
      method: 'GET',
      url: '/v1/tenant-admin/locations?active=false',
    });
    expect(inactive.json().data.map((l: { id: string }) => l.id)).toEqual([created.id]);
  });

  it('deletes a location no service names; one in use answers 409 location_in_use and stays', async () => {
    const unused = await createLocation(tenant, { name: 'Unused' });
    const deleted = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/locations/${unused.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await t.db.location.count({ where: { id: unused.id } })).toBe(0);

    const used = await createLocation(tenant, { name: 'Used' });
    const service = await createService(tenant, { name: 'Colour at Used' });
    const placed = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { locationId: used.id },
    });
    expect(placed.json().locationId).toBe(used.id);
    const refused = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/locations/${used.id}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'location_in_use' });
    expect(refused.json().error.message).toContain('Colour at Used');
    expect(await t.db.location.count({ where: { id: used.id } })).toBe(1);
  });

  it('answers 404 for unknown ids', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await admin(t.app, tenant, {
        method,
        url: `/v1/tenant-admin/locations/${MISSING_ID}`,
        ...(method === 'PATCH' ? { payload: { name: 'X' } } : {}),
      });
      expect([response.statusCode, response.json().error.code]).toEqual([404, 'not_found']);
    }
  });

  it("keeps tenants apart: another tenant's location is 404 everywhere and never listed", async () => {
    const theirs = await createLocation(other, { name: 'Theirs', city: 'Hamburg' });
    const before = await t.db.location.findUniqueOrThrow({ where: { id: theirs.id } });
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await admin(t.app, tenant, {
        method,
        url: `/v1/tenant-admin/locations/${theirs.id}`,
        ...(method === 'PATCH' ? { payload: { name: 'Mine now' } } : {}),
      });
      expect([response.statusCode, response.json().error.code], method).toEqual([404, 'not_found']);
    }
    const list = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/locations' });
    expect(list.body).not.toContain(theirs.id);
    // Nor may a service of this tenant name it.
    const service = await createService(tenant);
    const patched = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { locationId: theirs.id },
    });
    expect([patched.statusCode, patched.json().error.code]).toEqual([404, 'not_found']);
    expect(await t.db.service.count({ where: { tenantId: tenant.tenant.id, locationId: theirs.id } })).toBe(
      0,
    );
    expect(await t.db.location.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
  });

  it.each([
    ['a NUL byte in the name', { name: 'Stu\u0000dio' }, 'name'],
    ['an oversized name', { name: 'x'.repeat(201) }, 'name'],
    ['four address lines', { name: 'A', addressLines: ['1', '2', '3', '4'] }, 'addressLines'],
    ['an oversized address line', { name: 'A', addressLines: ['x'.repeat(201)] }, 'addressLines.0'],
    ['a NUL byte in the city', { name: 'A', city: 'Ber\u0000lin' }, 'city'],
    ['a country name', { name: 'A', country: 'Germany' }, 'country'],
    ['a bad phone', { name: 'A', phone: 'call me' }, 'phone'],
    ['an unknown zone', { name: 'A', timezone: 'Mars/Olympus' }, 'timezone'],
    ['an unknown field', { name: 'A', floor: 3 }, ''],
    ['no name', { city: 'Berlin' }, 'name'],
  ])('refuses %s with 400 and stores nothing', async (_label, payload, path) => {
    const before = await t.db.location.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/locations',
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    if (path) {
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await t.db.location.count()).toBe(before);
  });

  it('refuses an empty PATCH and a bad id with 400', async () => {
    const created = await createLocation(tenant, { name: 'Patchy' });
    const empty = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/locations/${created.id}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const badId = await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/locations/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
  });
});

describe('a service at a location', () => {
  it("is set and cleared by PATCH, and the public answer shows an active location's address", async () => {
    const place = await createLocation(tenant, { ...studio, name: 'Public place' });
    const service = await createService(tenant, { name: 'Public cut' });
    expect(service.locationId).toBeNull();
    const set = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { locationId: place.id },
    });
    expect([set.statusCode, set.json().locationId]).toEqual([200, place.id]);
    expect((await t.db.service.findUniqueOrThrow({ where: { id: service.id } })).locationId).toBe(place.id);

    const publicService = async () =>
      (await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/services' }))
        .json()
        .data.find((s: { id: string }) => s.id === service.id);
    expect((await publicService()).location).toEqual({
      name: 'Public place',
      addressLines: studio.addressLines,
      city: 'Berlin',
      postalCode: '10119',
      country: 'DE',
      phone: '+49 30 1234567',
    });

    await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/locations/${place.id}`,
      payload: { active: false },
    });
    expect((await publicService()).location).toBeNull();

    const cleared = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { locationId: null },
    });
    expect(cleared.json().locationId).toBeNull();
    const deleted = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/locations/${place.id}`,
    });
    expect(deleted.statusCode).toBe(204);
  });
});

describe('staff sessions on locations', () => {
  it('lets a manager create and read them', async () => {
    const created = await asSession(t.app, manager, {
      method: 'POST',
      url: '/v1/tenant-admin/locations',
      payload: { name: 'By a manager' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = await asSession(t.app, manager, {
      method: 'GET',
      url: `/v1/tenant-admin/locations/${created.json().id}`,
    });
    expect(read.statusCode).toBe(200);
  });

  it('refuses a provider session every location route with 403, changing nothing', async () => {
    const existing = await createLocation(tenant, { name: 'Not for providers' });
    const before = await t.db.location.findMany({
      where: { tenantId: tenant.tenant.id },
      orderBy: { id: 'asc' },
    });
    const calls = [
      { method: 'GET', url: '/v1/tenant-admin/locations' },
      { method: 'POST', url: '/v1/tenant-admin/locations', payload: { name: 'By a provider' } },
      { method: 'GET', url: `/v1/tenant-admin/locations/${existing.id}` },
      { method: 'PATCH', url: `/v1/tenant-admin/locations/${existing.id}`, payload: { name: 'Renamed' } },
      { method: 'DELETE', url: `/v1/tenant-admin/locations/${existing.id}` },
    ] as const;
    for (const call of calls) {
      const response = await asSession(t.app, provider, call);
      expect([response.statusCode, response.json().error.code], `${call.method} ${call.url}`).toEqual([
        403,
        'forbidden',
      ]);
    }
    expect(
      await t.db.location.findMany({ where: { tenantId: tenant.tenant.id }, orderBy: { id: 'asc' } }),
    ).toEqual(before);
  });
});
