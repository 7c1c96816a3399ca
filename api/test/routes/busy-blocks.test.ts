import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

/**
 * GET /v1/tenant-admin/busy-blocks: the console calendar's busy times. Days in the tenant's zone,
 * bounded to 62, no titles, a provider session only its own, another tenant's never.
 */

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
const ids = { mine: '', theirs: '', otherTenants: '' };
const blocks = { morning: '', allDay: '', theirs: '', before: '', otherTenant: '' };
let provider: Session;
let manager: Session;
const url = '/v1/tenant-admin/busy-blocks';

async function createProvider(owner: CreatedTenant, name: string, timezone?: string) {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/providers',
    payload: { name, email: `${name}@studio.example`, ...(timezone ? { timezone } : {}) },
  });
  return response.json<{ id: string }>().id;
}

async function block(tenantId: string, providerId: string, start: string, end: string, summary?: string) {
  const row = await t.db.busyBlock.create({
    data: {
      tenantId,
      providerId,
      startTimeUtc: new Date(start),
      endTimeUtc: new Date(end),
      source: 'GOOGLE',
      externalId: `${start}-${providerId}`,
      summary: summary ?? null,
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ids.mine = await createProvider(tenant, 'mine');
  ids.theirs = await createProvider(tenant, 'theirs', 'America/New_York');
  ids.otherTenants = await createProvider(other, 'elsewhere');
  // Tuesday 5 January 2027, Berlin (UTC+1): 09:00–10:30 local.
  blocks.morning = await block(
    tenant.tenant.id,
    ids.mine,
    '2027-01-05T08:00:00Z',
    '2027-01-05T09:30:00Z',
    'Dentist',
  );
  // All of Wednesday 6 January in Berlin.
  blocks.allDay = await block(tenant.tenant.id, ids.mine, '2027-01-05T23:00:00Z', '2027-01-06T23:00:00Z');
  // All of 5 January in New York: midnight there is 06:00 in Berlin.
  blocks.theirs = await block(tenant.tenant.id, ids.theirs, '2027-01-05T05:00:00Z', '2027-01-06T05:00:00Z');
  // Monday 4 January, 23:30–00:30 Berlin: ends inside the range, starts before it.
  blocks.before = await block(tenant.tenant.id, ids.mine, '2027-01-04T22:30:00Z', '2027-01-04T23:30:00Z');
  blocks.otherTenant = await block(
    other.tenant.id,
    ids.otherTenants,
    '2027-01-05T08:00:00Z',
    '2027-01-05T09:00:00Z',
  );
  provider = await signIn(
    t.app,
    (await createStaff(t.app, tenant, { role: 'provider', providerId: ids.mine })).email,
  );
  manager = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
});
afterAll(() => t.close());

describe('GET /v1/tenant-admin/busy-blocks', () => {
  it("lists the blocks overlapping the tenant's days, by start, with when only", async () => {
    const response = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-01-05&endDate=2027-01-06`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json().data as Array<Record<string, unknown>>;
    expect(data.map((b) => b.id)).toEqual([blocks.before, blocks.theirs, blocks.morning, blocks.allDay]);
    expect(data[2]).toEqual({
      id: blocks.morning,
      providerId: ids.mine,
      startTimeUtc: '2027-01-05T08:00:00.000Z',
      endTimeUtc: '2027-01-05T09:30:00.000Z',
      source: 'GOOGLE',
      allDay: false,
    });
    // The stored title never leaves the API.
    expect(response.body).not.toContain('Dentist');
    // Whole days in the provider's own zone (New York), else the tenant's (Berlin).
    expect(data.find((b) => b.id === blocks.allDay)!.allDay).toBe(true);
    expect(data.find((b) => b.id === blocks.theirs)!.allDay).toBe(true);
  });

  it('leaves out blocks outside the days and filters by provider', async () => {
    const day = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-01-06&endDate=2027-01-06`,
    });
    expect(day.json().data.map((b: { id: string }) => b.id)).toEqual([blocks.theirs, blocks.allDay]);
    const theirs = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-01-04&endDate=2027-01-10&providerId=${ids.theirs}`,
    });
    expect(theirs.json().data.map((b: { id: string }) => b.id)).toEqual([blocks.theirs]);
    const none = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-02-01&endDate=2027-02-07`,
    });
    expect(none.json()).toEqual({ data: [] });
  });

  it('refuses a missing, reversed or longer than 62 days range with 400', async () => {
    for (const [query, field] of [
      ['startDate=2027-01-05', 'endDate'],
      ['startDate=2027-01-05&endDate=2027-01-04', 'endDate'],
      ['startDate=2027-01-01&endDate=2027-03-04', 'endDate'],
      ['startDate=2027-01-05&endDate=tomorrow', 'endDate'],
      ['startDate=2027-01-05&endDate=2027-01-06&providerId=nope', 'providerId'],
    ] as const) {
      const response = await admin(t.app, tenant, { method: 'GET', url: `${url}?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    // Exactly 62 days is allowed.
    const longest = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-01-01&endDate=2027-03-03`,
    });
    expect(longest.statusCode).toBe(200);
  });

  it("answers 404 for another tenant's provider and never shows its blocks", async () => {
    const theirs = await admin(t.app, tenant, {
      method: 'GET',
      url: `${url}?startDate=2027-01-05&endDate=2027-01-05&providerId=${ids.otherTenants}`,
    });
    expect(theirs.statusCode).toBe(404);
    const everything = await admin(t.app, other, {
      method: 'GET',
      url: `${url}?startDate=2027-01-01&endDate=2027-01-31`,
    });
    expect(everything.json().data.map((b: { id: string }) => b.id)).toEqual([blocks.otherTenant]);
  });

  it('gives a manager session every provider', async () => {
    const response = await asSession(t.app, manager, {
      method: 'GET',
      url: `${url}?startDate=2027-01-05&endDate=2027-01-06`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toHaveLength(4);
  });

  it('gives a provider session only its own blocks, even when it asks for another provider, changing nothing', async () => {
    const before = await t.db.busyBlock.findMany({ orderBy: { id: 'asc' } });
    for (const query of ['', `&providerId=${ids.theirs}`, `&providerId=${ids.otherTenants}`]) {
      const response = await asSession(t.app, provider, {
        method: 'GET',
        url: `${url}?startDate=2027-01-04&endDate=2027-01-10${query}`,
      });
      expect(response.statusCode, query).toBe(200);
      expect(response.json().data.map((b: { id: string }) => b.id)).toEqual([
        blocks.before,
        blocks.morning,
        blocks.allDay,
      ]);
    }
    expect(await t.db.busyBlock.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('needs a key or a session', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${url}?startDate=2027-01-05&endDate=2027-01-06`,
    });
    expect(response.statusCode).toBe(401);
  });
});
