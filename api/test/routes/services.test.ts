import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

const haircut = { name: 'Haircut', durationMinutes: 45, priceBaseCents: 3500 };

describe('services', () => {
  it('creates a service with defaults and reads it back', async () => {
    const created = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/services',
      payload: haircut,
    });
    expect(created.statusCode).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      name: 'Haircut',
      durationMinutes: 45,
      slotIntervalMinutes: 45,
      bufferBeforeMinutes: 0,
      capacity: 1,
      currency: 'EUR',
      paymentMode: 'NONE',
      active: true,
      resourceIds: [],
    });
    const read = await admin(t.app, tenant, {
      method: 'GET',
      url: `/v1/tenant-admin/services/${service.id}`,
    });
    expect(read.json()).toEqual(service);
  });
});
