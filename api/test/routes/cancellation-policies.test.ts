import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let serviceId: string;
let otherServiceId: string;

const DEFAULT_URL = '/v1/tenant-admin/cancellation-policy';
const serviceUrl = (id: string) => `/v1/tenant-admin/services/${id}/cancellation-policy`;

async function createService(owner: CreatedTenant, name: string): Promise<string> {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name, durationMinutes: 60, priceBaseCents: 8000 },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

/** Everything stored in both tables, for before/after comparisons. */
async function snapshot() {
  const policies = await t.db.cancellationPolicy.findMany({ orderBy: { id: 'asc' } });
  const tiers = await t.db.cancellationPolicyTier.findMany({ orderBy: { id: 'asc' } });
  return { policies, tiers };
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  serviceId = await createService(tenant, 'Massage');
  otherServiceId = await createService(other, 'Other massage');
});
afterAll(() => t.close());

describe('tenant default cancellation policy', () => {
  it('answers 404 before one is set', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: DEFAULT_URL });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('sets the default, sorted by hoursBeforeStart descending, and reads it back', async () => {
    const response = await admin(t.app, tenant, {
      method: 'PUT',
      url: DEFAULT_URL,
      payload: {
        tiers: [
          { hoursBeforeStart: 24, feePercentage: 50 },
          { hoursBeforeStart: 2, feeFixedCents: 4000 },
          { hoursBeforeStart: 48, feePercentage: 0 },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const policy = response.json();
    expect(policy).toEqual({
      id: expect.any(String),
      serviceId: null,
      tiers: [
        { hoursBeforeStart: 48, feePercentage: 0, feeFixedCents: null },
        { hoursBeforeStart: 24, feePercentage: 50, feeFixedCents: null },
        { hoursBeforeStart: 2, feePercentage: null, feeFixedCents: 4000 },
      ],
      rescheduleAllowedUntilHours: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    const read = await admin(t.app, tenant, { method: 'GET', url: DEFAULT_URL });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(policy);
    expect(await t.db.cancellationPolicyTier.count({ where: { policyId: policy.id } })).toBe(3);
  });

  it('replaces the tiers of the same policy row on a second PUT', async () => {
    const before = (await admin(t.app, tenant, { method: 'GET', url: DEFAULT_URL })).json();
    const response = await admin(t.app, tenant, {
      method: 'PUT',
      url: DEFAULT_URL,
      payload: { tiers: [{ hoursBeforeStart: 12, feeFixedCents: 1500 }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: before.id,
      serviceId: null,
      tiers: [{ hoursBeforeStart: 12, feePercentage: null, feeFixedCents: 1500 }],
    });
    expect(await t.db.cancellationPolicy.count({ where: { tenantId: tenant.tenant.id } })).toBe(1);
    const tiers = await t.db.cancellationPolicyTier.findMany({ where: { policyId: before.id } });
    expect(tiers.map((tier) => tier.hoursBeforeStart)).toEqual([12]);
  });

  it('accepts an empty list of tiers (free cancellation)', async () => {
    const response = await admin(t.app, other, { method: 'PUT', url: DEFAULT_URL, payload: { tiers: [] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ serviceId: null, tiers: [] });
  });

  it('keeps tenants apart', async () => {
    const mine = (await admin(t.app, tenant, { method: 'GET', url: DEFAULT_URL })).json();
    const theirs = (await admin(t.app, other, { method: 'GET', url: DEFAULT_URL })).json();
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.tiers).toEqual([]);
    expect(mine.tiers).toHaveLength(1);
  });
});

describe('service cancellation policy', () => {
  it('answers 404 for a service without its own policy', async () => {
    const response = await admin(t.app, tenant, { method: 'GET', url: serviceUrl(serviceId) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('sets, replaces, reads and removes a service policy next to the default', async () => {
    const first = await admin(t.app, tenant, {
      method: 'PUT',
      url: serviceUrl(serviceId),
      payload: {
        tiers: [
          { hoursBeforeStart: 0, feePercentage: 100 },
          { hoursBeforeStart: 72, feePercentage: 25 },
        ],
      },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      serviceId,
      tiers: [
        { hoursBeforeStart: 72, feePercentage: 25, feeFixedCents: null },
        { hoursBeforeStart: 0, feePercentage: 100, feeFixedCents: null },
      ],
    });

    const second = await admin(t.app, tenant, {
      method: 'PUT',
      url: serviceUrl(serviceId),
      payload: { tiers: [{ hoursBeforeStart: 8760, feeFixedCents: 0 }] },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().tiers).toEqual([{ hoursBeforeStart: 8760, feePercentage: null, feeFixedCents: 0 }]);

    const read = await admin(t.app, tenant, { method: 'GET', url: serviceUrl(serviceId) });
    expect(read.json()).toEqual(second.json());
    expect(await t.db.cancellationPolicy.count({ where: { tenantId: tenant.tenant.id } })).toBe(2);

    const removed = await admin(t.app, tenant, { method: 'DELETE', url: serviceUrl(serviceId) });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(await t.db.cancellationPolicy.count({ where: { tenantId: tenant.tenant.id, serviceId } })).toBe(0);
    expect(await t.db.cancellationPolicyTier.count({ where: { policyId: first.json().id } })).toBe(0);
    // The default is untouched.
    const fallback = await admin(t.app, tenant, { method: 'GET', url: DEFAULT_URL });
    expect(fallback.statusCode).toBe(200);
    expect(fallback.json().tiers).toEqual([
      { hoursBeforeStart: 12, feePercentage: null, feeFixedCents: 1500 },
    ]);

    const again = await admin(t.app, tenant, { method: 'DELETE', url: serviceUrl(serviceId) });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
  });

  it.each([
    ['GET', undefined],
    ['PUT', { tiers: [{ hoursBeforeStart: 24, feePercentage: 50 }] }],
    ['DELETE', undefined],
  ] as const)(
    "answers 404 on %s for another tenant's service and changes nothing",
    async (method, payload) => {
      // The other tenant's service has a policy of its own, so 404 cannot come from "no policy".
      const own = await admin(t.app, other, {
        method: 'PUT',
        url: serviceUrl(otherServiceId),
        payload: { tiers: [{ hoursBeforeStart: 6, feePercentage: 10 }] },
      });
      expect(own.statusCode).toBe(200);
      const before = await snapshot();
      const response = await admin(t.app, tenant, { method, url: serviceUrl(otherServiceId), payload });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(await snapshot()).toEqual(before);
    },
  );

  it('answers 404 for a missing service and 400 for a malformed id', async () => {
    const missing = await admin(t.app, tenant, {
      method: 'PUT',
      url: serviceUrl('00000000-0000-4000-8000-000000000000'),
      payload: { tiers: [] },
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await admin(t.app, tenant, { method: 'GET', url: serviceUrl('not-a-uuid') });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});

describe('malformed policies', () => {
  const tier = { hoursBeforeStart: 24, feePercentage: 50 };
  const cases: [string, unknown, string][] = [
    ['percentage 101', { tiers: [{ hoursBeforeStart: 24, feePercentage: 101 }] }, 'tiers.0.feePercentage'],
    [
      'negative percentage',
      { tiers: [{ hoursBeforeStart: 24, feePercentage: -1 }] },
      'tiers.0.feePercentage',
    ],
    [
      'fractional percentage',
      { tiers: [{ hoursBeforeStart: 24, feePercentage: 2.5 }] },
      'tiers.0.feePercentage',
    ],
    [
      'both fee kinds',
      { tiers: [{ hoursBeforeStart: 24, feePercentage: 50, feeFixedCents: 100 }] },
      'tiers.0.feeFixedCents',
    ],
    ['neither fee kind', { tiers: [tier, { hoursBeforeStart: 2 }] }, 'tiers.1.feePercentage'],
    ['negative hours', { tiers: [{ hoursBeforeStart: -1, feePercentage: 50 }] }, 'tiers.0.hoursBeforeStart'],
    [
      'hours above a year',
      { tiers: [{ hoursBeforeStart: 8761, feePercentage: 50 }] },
      'tiers.0.hoursBeforeStart',
    ],
    [
      'fractional hours',
      { tiers: [{ hoursBeforeStart: 1.5, feePercentage: 50 }] },
      'tiers.0.hoursBeforeStart',
    ],
    ['missing hours', { tiers: [{ feePercentage: 50 }] }, 'tiers.0.hoursBeforeStart'],
    [
      'duplicate hours',
      { tiers: [tier, { hoursBeforeStart: 24, feeFixedCents: 100 }] },
      'tiers.1.hoursBeforeStart',
    ],
    ['negative fixed fee', { tiers: [{ hoursBeforeStart: 24, feeFixedCents: -5 }] }, 'tiers.0.feeFixedCents'],
    [
      'fixed fee as a string',
      { tiers: [{ hoursBeforeStart: 24, feeFixedCents: '100' }] },
      'tiers.0.feeFixedCents',
    ],
    ['unknown tier field', { tiers: [{ ...tier, currency: 'EUR' }] }, 'tiers.0.currency'],
    ['unknown body field', { tiers: [tier], serviceId: null }, 'serviceId'],
    ['tiers missing', {}, 'tiers'],
    ['tiers not an array', { tiers: tier }, 'tiers'],
    [
      '21 tiers',
      { tiers: Array.from({ length: 21 }, (_, i) => ({ hoursBeforeStart: i, feePercentage: 1 })) },
      'tiers',
    ],
    ['body is an array', [tier], ''],
  ];

  it.each(cases)('refuses %s with 400 and stores nothing', async (_name, payload, path) => {
    for (const url of [DEFAULT_URL, serviceUrl(serviceId)]) {
      const before = await snapshot();
      const response = await admin(t.app, tenant, { method: 'PUT', url, payload: payload as object });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details).toContainEqual(expect.objectContaining({ path }));
      expect(await snapshot()).toEqual(before);
    }
  });
});
