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

const haircut = { name: 'Haircut', durationMinutes: 45, priceBaseCents: 3500 };

async function createService(owner: CreatedTenant, payload: object = haircut) {
  const response = await admin(t.app, owner, { method: 'POST', url: '/v1/tenant-admin/services', payload });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function createResource(owner: CreatedTenant, name = 'Room 1') {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/resources',
    payload: { name, kind: 'room' },
  });
  return response.json().id as string;
}

describe('POST /v1/tenant-admin/services', () => {
  it('creates a service with defaults and reads it back', async () => {
    const service = await createService(tenant);
    expect(service).toMatchObject({
      name: 'Haircut',
      description: '',
      durationMinutes: 45,
      slotIntervalMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      bookingWindowDays: 60,
      capacity: 1,
      priceBaseCents: 3500,
      currency: 'EUR',
      paymentMode: 'NONE',
      depositCents: null,
      depositPercent: null,
      timezone: null,
      active: true,
      sortOrder: 0,
      resourceIds: [],
    });
    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/services/${service.id}`,
    });
    expect(read.json()).toEqual(service);
    const row = await t.db.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(row.tenantId).toBe(tenant.tenant.id);
  });

  it('stores every field, including the resources it needs', async () => {
    const room = await createResource(tenant);
    const service = await createService(tenant, {
      name: 'Yoga class',
      description: 'Gentle',
      durationMinutes: 60,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
      slotIntervalMinutes: 30,
      minimumNoticeMinutes: 120,
      bookingWindowDays: 30,
      capacity: 8,
      priceBaseCents: 1500,
      currency: 'USD',
      paymentMode: 'DEPOSIT',
      depositPercent: 20,
      timezone: 'America/New_York',
      sortOrder: 4,
      resourceIds: [room],
    });
    expect(service).toMatchObject({
      slotIntervalMinutes: 30,
      capacity: 8,
      currency: 'USD',
      paymentMode: 'DEPOSIT',
      depositPercent: 20,
      timezone: 'America/New_York',
      resourceIds: [room],
    });
    expect(await t.db.serviceResource.count({ where: { serviceId: service.id } })).toBe(1);
  });

  it("refuses another tenant's resource with 404 and creates nothing", async () => {
    const theirRoom = await createResource(other, 'Their room');
    const before = await t.db.service.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/services',
      payload: { ...haircut, resourceIds: [theirRoom] },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await t.db.service.count()).toBe(before);
  });

  it.each([
    [{ durationMinutes: 45, priceBaseCents: 1 }, 'name'],
    [{ ...haircut, name: '  ' }, 'name'],
    [{ ...haircut, durationMinutes: 0 }, 'durationMinutes'],
    [{ ...haircut, durationMinutes: 1441 }, 'durationMinutes'],
    [{ ...haircut, durationMinutes: 30.5 }, 'durationMinutes'],
    [{ ...haircut, durationMinutes: '45' }, 'durationMinutes'],
    [{ ...haircut, priceBaseCents: -1 }, 'priceBaseCents'],
    [{ ...haircut, priceBaseCents: 12.5 }, 'priceBaseCents'],
    [{ ...haircut, bufferAfterMinutes: -5 }, 'bufferAfterMinutes'],
    [{ ...haircut, capacity: 0 }, 'capacity'],
    [{ ...haircut, bookingWindowDays: 0 }, 'bookingWindowDays'],
    [{ ...haircut, currency: 'eur' }, 'currency'],
    [{ ...haircut, timezone: 'Mars/Olympus' }, 'timezone'],
    [{ ...haircut, paymentMode: 'LATER' }, 'paymentMode'],
    [{ ...haircut, paymentMode: 'DEPOSIT' }, 'depositCents'],
    [{ ...haircut, paymentMode: 'DEPOSIT', depositCents: 5000 }, 'depositCents'],
    [{ ...haircut, depositPercent: 10 }, 'depositPercent'],
    [{ ...haircut, depositPercent: 101, paymentMode: 'DEPOSIT' }, 'depositPercent'],
    [{ ...haircut, priceBaseCents: 0, paymentMode: 'FULL' }, 'priceBaseCents'],
    [{ ...haircut, resourceIds: ['not-a-uuid'] }, 'resourceIds.0'],
    [
      {
        ...haircut,
        resourceIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'],
      },
      'resourceIds',
    ],
    [{ ...haircut, color: 'blue' }, 'color'],
  ])('answers 400 for %j and creates nothing', async (payload, path) => {
    const before = await t.db.service.count();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/services',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.service.count()).toBe(before);
  });
});

describe('GET /v1/tenant-admin/services', () => {
  it('pages through every service of the tenant only, and filters by active', async () => {
    const owner = await createTestTenant(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createService(owner, { ...haircut, name: `S${i}` })).id);
    await createService(other, { ...haircut, name: 'Not mine' });
    await admin(t.app, owner, { method: 'DELETE', url: `/v1/tenant-admin/services/${ids[4]}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (
        await admin(t.app, owner, { method: 'GET', url: `/v1/tenant-admin/services${query}` })
      ).json();
      seen.push(...page.data.map((service: { id: string }) => service.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);

    const active = (
      await admin(t.app, owner, { method: 'GET', url: '/v1/tenant-admin/services?active=true' })
    ).json();
    expect(active.data.map((service: { id: string }) => service.id)).toEqual(ids.slice(0, 4));
    const inactive = (
      await admin(t.app, owner, { method: 'GET', url: '/v1/tenant-admin/services?active=false' })
    ).json();
    expect(inactive.data.map((service: { id: string }) => service.id)).toEqual([ids[4]]);
  });
});

describe('PATCH and DELETE /v1/tenant-admin/services/:id', () => {
  it('updates fields and resources', async () => {
    const service = await createService(tenant);
    const room = await createResource(tenant, 'Chair 2');
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { name: 'Long haircut', paymentMode: 'DEPOSIT', depositCents: 1000, resourceIds: [room] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Long haircut',
      paymentMode: 'DEPOSIT',
      depositCents: 1000,
      durationMinutes: 45,
      resourceIds: [room],
    });
    const cleared = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload: { resourceIds: [] },
    });
    expect(cleared.json().resourceIds).toEqual([]);
  });

  it.each([
    [{}, ''],
    [{ paymentMode: 'DEPOSIT' }, 'depositCents'],
    [{ durationMinutes: -1 }, 'durationMinutes'],
    [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
    [{ currency: null }, 'currency'],
  ])('answers 400 for %j and changes nothing', async (payload, path) => {
    const service = await createService(tenant);
    const before = await t.db.service.findUniqueOrThrow({ where: { id: service.id } });
    const response = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${service.id}`,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.service.findUniqueOrThrow({ where: { id: service.id } })).toEqual(before);
  });

  it('deactivates on DELETE and keeps the row', async () => {
    const service = await createService(tenant);
    const response = await admin(t.app, tenant, {
      method: 'DELETE',
      url: `/v1/tenant-admin/services/${service.id}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
    expect((await t.db.service.findUniqueOrThrow({ where: { id: service.id } })).active).toBe(false);
  });

  it("answers 404 for another tenant's service on every route and leaves it alone", async () => {
    const theirs = await createService(other, { ...haircut, name: 'Theirs' });
    const before = await t.db.service.findUniqueOrThrow({ where: { id: theirs.id } });
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { name: 'Stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await admin(t.app, tenant, {
        method,
        url: `/v1/tenant-admin/services/${theirs.id}`,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({
        code: 'not_found',
        message: `Service ${theirs.id} not found.`,
      });
    }
    expect(await t.db.service.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
  });
});
