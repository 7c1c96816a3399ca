import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let ids: { p1: string; p2: string; s1: string; s2: string; otherProvider: string; otherService: string };

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function makeProvider(owner: CreatedTenant, name: string): Promise<string> {
  const row = await t.db.provider.create({
    data: { tenantId: owner.tenant.id, name, email: `${name.toLowerCase()}@example.com` },
  });
  return row.id;
}

async function makeService(owner: CreatedTenant, name: string): Promise<string> {
  const row = await t.db.service.create({
    data: {
      tenantId: owner.tenant.id,
      name,
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      priceBaseCents: 1000,
      currency: 'EUR',
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ids = {
    p1: await makeProvider(tenant, 'Ana'),
    p2: await makeProvider(tenant, 'Ben'),
    s1: await makeService(tenant, 'Cut'),
    s2: await makeService(tenant, 'Color'),
    otherProvider: await makeProvider(other, 'Olga'),
    otherService: await makeService(other, 'Shave'),
  };
});
afterAll(() => t.close());

const put = (path: string, payload: unknown, as: CreatedTenant = tenant) =>
  admin(t.app, as, {
    method: 'PUT',
    url: `/v1/tenant-admin/${path}/availability`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
const get = (path: string, as: CreatedTenant = tenant) =>
  admin(t.app, as, { method: 'GET', url: `/v1/tenant-admin/${path}/availability` });

/** Every stored rule of the tenant, in a stable order, for before/after comparisons. */
const storedRules = (owner: CreatedTenant = tenant) =>
  t.db.availabilityRule.findMany({ where: { tenantId: owner.tenant.id }, orderBy: { id: 'asc' } });

const rule = (fields: Record<string, unknown> = {}) => ({
  dayOfWeek: 1,
  startTime: '09:00',
  endTime: '17:00',
  ...fields,
});

describe('PUT/GET /providers/:id/availability', () => {
  it('stores the rules and answers them sorted by day and start', async () => {
    const response = await put(`providers/${ids.p1}`, [
      rule({ dayOfWeek: 5, startTime: '18:00', endTime: '24:00' }),
      rule({ dayOfWeek: 1, startTime: '13:00', endTime: '17:00', serviceId: ids.s1 }),
      rule({ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', providerId: ids.p1 }),
      rule({ dayOfWeek: 0, effectiveFrom: '2026-03-01', effectiveTo: '2026-03-31' }),
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    const common = { providerId: ids.p1, effectiveFrom: null, effectiveTo: null };
    expect(data).toEqual([
      {
        ...common,
        id: expect.any(String),
        serviceId: null,
        dayOfWeek: 0,
        startTime: '09:00',
        endTime: '17:00',
        effectiveFrom: '2026-03-01',
        effectiveTo: '2026-03-31',
      },
      {
        ...common,
        id: expect.any(String),
        serviceId: null,
        dayOfWeek: 1,
        startTime: '09:00',
        endTime: '12:00',
      },
      {
        ...common,
        id: expect.any(String),
        serviceId: ids.s1,
        dayOfWeek: 1,
        startTime: '13:00',
        endTime: '17:00',
      },
      {
        ...common,
        id: expect.any(String),
        serviceId: null,
        dayOfWeek: 5,
        startTime: '18:00',
        endTime: '24:00',
      },
    ]);

    const read = await get(`providers/${ids.p1}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ data });

    // Dates are stored as the calendar day itself, not shifted by any zone.
    const stored = await t.db.availabilityRule.findUniqueOrThrow({ where: { id: data[0].id } });
    expect(stored.effectiveFrom?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(stored.effectiveTo?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });

  it("replaces the provider's rules and leaves other owners' rules alone", async () => {
    const p2 = await put(`providers/${ids.p2}`, [rule({ dayOfWeek: 2 })]);
    const s2 = await put(`services/${ids.s2}`, [rule({ dayOfWeek: 3 })]);
    expect([p2.statusCode, s2.statusCode]).toEqual([200, 200]);

    await put(`providers/${ids.p1}`, [rule({ dayOfWeek: 4 }), rule({ dayOfWeek: 6 })]);
    const second = await put(`providers/${ids.p1}`, [
      rule({ dayOfWeek: 3, startTime: '10:00', endTime: '11:30' }),
    ]);
    expect(second.statusCode).toBe(200);
    expect(second.json().data).toEqual([
      {
        id: expect.any(String),
        serviceId: null,
        providerId: ids.p1,
        dayOfWeek: 3,
        startTime: '10:00',
        endTime: '11:30',
        effectiveFrom: null,
        effectiveTo: null,
      },
    ]);
    expect(await t.db.availabilityRule.count({ where: { providerId: ids.p1 } })).toBe(1);
    expect((await get(`providers/${ids.p2}`)).json().data).toEqual(p2.json().data);
    expect((await get(`services/${ids.s2}`)).json().data).toEqual(s2.json().data);
  });

  it('serializes concurrent replacements: the result is one whole body, never a mix', async () => {
    const bodies = [1, 2, 3, 4, 5].map((day) => [
      rule({ dayOfWeek: day }),
      rule({ dayOfWeek: day, startTime: '18:00', endTime: '20:00' }),
    ]);
    const responses = await Promise.all(bodies.map((body) => put(`providers/${ids.p1}`, body)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const stored = await t.db.availabilityRule.findMany({ where: { providerId: ids.p1 } });
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((row) => row.dayOfWeek)).size).toBe(1);
  });

  it('clears every rule with an empty array', async () => {
    await put(`providers/${ids.p1}`, [rule()]);
    const response = await put(`providers/${ids.p1}`, []);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: [] });
    expect(await t.db.availabilityRule.count({ where: { providerId: ids.p1 } })).toBe(0);
  });

  it.each([
    ['PUT on a provider of another tenant', () => put(`providers/${ids.otherProvider}`, [rule()])],
    ['PUT on an unknown provider', () => put(`providers/${UNKNOWN}`, [rule()])],
    ['GET on a provider of another tenant', () => get(`providers/${ids.otherProvider}`)],
    [
      'a serviceId of another tenant',
      () => put(`providers/${ids.p1}`, [rule({ serviceId: ids.otherService })]),
    ],
    ['an unknown serviceId', () => put(`providers/${ids.p1}`, [rule(), rule({ serviceId: UNKNOWN })])],
    ['a provider id used as a serviceId', () => put(`providers/${ids.p1}`, [rule({ serviceId: ids.p2 })])],
  ])('answers 404 for %s and changes nothing', async (_, send) => {
    await put(`providers/${ids.p1}`, [rule({ dayOfWeek: 2 })]);
    await put(`providers/${ids.otherProvider}`, [rule({ dayOfWeek: 4 })], other);
    const before = [await storedRules(), await storedRules(other)];
    const response = await send();
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect([await storedRules(), await storedRules(other)]).toEqual(before);
  });

  const tooMany = Array.from({ length: 201 }, () => rule());

  it.each<[string, unknown, string]>([
    ['dayOfWeek 7', [rule({ dayOfWeek: 7 })], '0.dayOfWeek'],
    ['dayOfWeek -1', [rule({ dayOfWeek: -1 })], '0.dayOfWeek'],
    ['a fractional dayOfWeek', [rule({ dayOfWeek: 1.5 })], '0.dayOfWeek'],
    ['a dayOfWeek as a string', [rule({ dayOfWeek: '1' })], '0.dayOfWeek'],
    ['startTime "25:00"', [rule({ startTime: '25:00' })], '0.startTime'],
    ['startTime "9:00"', [rule({ startTime: '9:00' })], '0.startTime'],
    ['startTime "24:00"', [rule({ startTime: '24:00', endTime: '24:00' })], '0.endTime'],
    ['endTime "24:01"', [rule({ endTime: '24:01' })], '0.endTime'],
    ['endTime "12:60"', [rule({ endTime: '12:60' })], '0.endTime'],
    ['a missing startTime', [{ dayOfWeek: 1, endTime: '17:00' }], '0.startTime'],
    [
      'endTime before startTime',
      [rule(), rule(), rule({ startTime: '17:00', endTime: '09:00' })],
      '2.endTime',
    ],
    ['endTime equal to startTime', [rule({ startTime: '10:00', endTime: '10:00' })], '0.endTime'],
    [
      'effectiveTo before effectiveFrom',
      [rule({ effectiveFrom: '2026-05-02', effectiveTo: '2026-05-01' })],
      '0.effectiveTo',
    ],
    ['an impossible effectiveFrom', [rule({ effectiveFrom: '2026-02-30' })], '0.effectiveFrom'],
    ['an effectiveFrom with a time', [rule({ effectiveFrom: '2026-02-01T00:00:00Z' })], '0.effectiveFrom'],
    ['an unknown field', [rule({ color: 'red' })], '0.color'],
    ['another providerId', [rule({ providerId: 'PLACEHOLDER_P2' })], '0.providerId'],
    ['a serviceId that is not a UUID', [rule({ serviceId: 'cut' })], '0.serviceId'],
    ['an object instead of an array', rule(), ''],
    ['more than 200 rules', tooMany, ''],
  ])('refuses %s with 400 and changes nothing', async (_, body, path) => {
    await put(`providers/${ids.p1}`, [rule({ dayOfWeek: 2 })]);
    const before = await storedRules();
    const payload = JSON.parse(JSON.stringify(body).replaceAll('PLACEHOLDER_P2', ids.p2));
    const response = await put(`providers/${ids.p1}`, payload);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await storedRules()).toEqual(before);
  });
});

describe('PUT/GET /services/:id/availability', () => {
  it("stores the service's rules, with or without a provider", async () => {
    const response = await put(`services/${ids.s1}`, [
      rule({ dayOfWeek: 6, startTime: '08:00', endTime: '12:00', providerId: ids.p2 }),
      rule({ dayOfWeek: 6, startTime: '07:00', endTime: '07:30', serviceId: ids.s1 }),
    ]);
    expect(response.statusCode).toBe(200);
    const common = {
      id: expect.any(String),
      serviceId: ids.s1,
      dayOfWeek: 6,
      effectiveFrom: null,
      effectiveTo: null,
    };
    expect(response.json().data).toEqual([
      { ...common, providerId: null, startTime: '07:00', endTime: '07:30' },
      { ...common, providerId: ids.p2, startTime: '08:00', endTime: '12:00' },
    ]);
    expect((await get(`services/${ids.s1}`)).json()).toEqual(response.json());
  });

  it('replaces every rule whose serviceId is the path id, including provider-specific ones', async () => {
    const p2Before = await t.db.availabilityRule.count({ where: { providerId: ids.p2, serviceId: null } });
    await put(`services/${ids.s1}`, [rule({ providerId: ids.p2 })]);
    const response = await put(`services/${ids.s1}`, [rule({ dayOfWeek: 0, endTime: '24:00' })]);
    expect(response.json().data).toEqual([
      {
        id: expect.any(String),
        serviceId: ids.s1,
        providerId: null,
        dayOfWeek: 0,
        startTime: '09:00',
        endTime: '24:00',
        effectiveFrom: null,
        effectiveTo: null,
      },
    ]);
    expect(await t.db.availabilityRule.count({ where: { serviceId: ids.s1 } })).toBe(1);
    // The provider's own (service-less) rules are another owner's.
    expect(await t.db.availabilityRule.count({ where: { providerId: ids.p2, serviceId: null } })).toBe(
      p2Before,
    );
  });

  it.each([
    ['PUT on a service of another tenant', () => put(`services/${ids.otherService}`, [rule()])],
    ['GET on a service of another tenant', () => get(`services/${ids.otherService}`)],
    ['PUT on an unknown service', () => put(`services/${UNKNOWN}`, [rule()])],
    [
      'a providerId of another tenant',
      () => put(`services/${ids.s1}`, [rule({ providerId: ids.otherProvider })]),
    ],
  ])('answers 404 for %s and changes nothing', async (_, send) => {
    await put(`services/${ids.s1}`, [rule({ dayOfWeek: 2 })]);
    await put(`services/${ids.otherService}`, [rule({ dayOfWeek: 4 })], other);
    const before = [await storedRules(), await storedRules(other)];
    const response = await send();
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect([await storedRules(), await storedRules(other)]).toEqual(before);
  });

  it.each<[string, unknown, string]>([
    ['another serviceId', [rule({ serviceId: 'PLACEHOLDER_S2' })], '0.serviceId'],
    ['endTime before startTime', [rule(), rule({ startTime: '12:00', endTime: '11:59' })], '1.endTime'],
    ['startTime "25:00"', [rule({ startTime: '25:00' })], '0.startTime'],
    ['an unknown field', [rule({ closed: true })], '0.closed'],
    ['a string instead of an array', 'Mon 9-5', ''],
  ])('refuses %s with 400 and changes nothing', async (_, body, path) => {
    await put(`services/${ids.s1}`, [rule({ dayOfWeek: 2 })]);
    const before = await storedRules();
    const payload = JSON.parse(JSON.stringify(body).replace('PLACEHOLDER_S2', ids.s2));
    const response = await put(`services/${ids.s1}`, payload);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await storedRules()).toEqual(before);
  });

  it("a provider's PUT also replaces that provider's rules that name a service", async () => {
    await put(`services/${ids.s2}`, [rule({ providerId: ids.p1 }), rule({ dayOfWeek: 5 })]);
    await put(`providers/${ids.p1}`, []);
    expect((await get(`services/${ids.s2}`)).json().data).toEqual([
      {
        id: expect.any(String),
        serviceId: ids.s2,
        providerId: null,
        dayOfWeek: 5,
        startTime: '09:00',
        endTime: '17:00',
        effectiveFrom: null,
        effectiveTo: null,
      },
    ]);
  });
});

describe('/availability-overrides', () => {
  const post = (payload: unknown, as: CreatedTenant = tenant) =>
    admin(t.app, as, {
      method: 'POST',
      url: '/v1/tenant-admin/availability-overrides',
      payload: payload as object,
    });
  const list = (query: string, as: CreatedTenant = tenant) =>
    admin(t.app, as, { method: 'GET', url: `/v1/tenant-admin/availability-overrides${query}` });
  const remove = (id: string, as: CreatedTenant = tenant) =>
    admin(t.app, as, { method: 'DELETE', url: `/v1/tenant-admin/availability-overrides/${id}` });
  const storedOverrides = (owner: CreatedTenant = tenant) =>
    t.db.availabilityOverride.findMany({ where: { tenantId: owner.tenant.id }, orderBy: { id: 'asc' } });

  it('creates a closed day for the whole business', async () => {
    const response = await post({ date: '2026-12-24', closed: true, reason: 'Christmas Eve' });
    expect(response.statusCode).toBe(201);
    const override = response.json();
    expect(override).toEqual({
      id: expect.any(String),
      providerId: null,
      date: '2026-12-24',
      closed: true,
      startTime: null,
      endTime: null,
      reason: 'Christmas Eve',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const stored = await t.db.availabilityOverride.findUniqueOrThrow({ where: { id: override.id } });
    expect(stored.tenantId).toBe(tenant.tenant.id);
    expect(stored.date.toISOString()).toBe('2026-12-24T00:00:00.000Z');
  });

  it.each([
    ['without closed', { startTime: '10:00', endTime: '14:00' }],
    ['with closed false', { closed: false, startTime: '18:00', endTime: '24:00' }],
  ])('creates special hours for a provider %s', async (_, hours) => {
    const response = await post({ providerId: ids.p1, date: '2027-01-02', ...hours });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      providerId: ids.p1,
      date: '2027-01-02',
      closed: false,
      startTime: hours.startTime,
      endTime: hours.endTime,
      reason: null,
      createdAt: expect.any(String),
    });
  });

  it("answers 404 for another tenant's or an unknown providerId and stores nothing", async () => {
    const before = await storedOverrides();
    for (const providerId of [ids.otherProvider, UNKNOWN]) {
      const response = await post({ providerId, date: '2026-12-24', closed: true });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect(await storedOverrides()).toEqual(before);
  });

  it.each<[string, unknown, string]>([
    [
      'closed with times',
      { date: '2026-12-24', closed: true, startTime: '10:00', endTime: '12:00' },
      'startTime',
    ],
    ['closed with an end time', { date: '2026-12-24', closed: true, endTime: '12:00' }, 'endTime'],
    ['neither closed nor times', { date: '2026-12-24' }, 'startTime'],
    ['closed false without times', { date: '2026-12-24', closed: false }, 'startTime'],
    ['only a start time', { date: '2026-12-24', startTime: '10:00' }, 'endTime'],
    ['endTime before startTime', { date: '2026-12-24', startTime: '14:00', endTime: '10:00' }, 'endTime'],
    ['startTime "25:00"', { date: '2026-12-24', startTime: '25:00', endTime: '26:00' }, 'startTime'],
    ['startTime "9:00"', { date: '2026-12-24', startTime: '9:00', endTime: '12:00' }, 'startTime'],
    ['a missing date', { closed: true }, 'date'],
    ['an impossible date', { date: '2026-13-01', closed: true }, 'date'],
    ['a date with a time', { date: '2026-12-24T00:00:00Z', closed: true }, 'date'],
    ['closed as a string', { date: '2026-12-24', closed: 'yes' }, 'closed'],
    [
      'a providerId that is not a UUID',
      { providerId: 'ana', date: '2026-12-24', closed: true },
      'providerId',
    ],
    ['a reason too long', { date: '2026-12-24', closed: true, reason: 'x'.repeat(501) }, 'reason'],
    ['an unknown field', { date: '2026-12-24', closed: true, serviceId: UNKNOWN }, 'serviceId'],
    ['an array instead of an object', [{ date: '2026-12-24', closed: true }], ''],
  ])('refuses %s with 400 and stores nothing', async (_, body, path) => {
    const before = await storedOverrides();
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await storedOverrides()).toEqual(before);
  });

  describe('listing', () => {
    let lister: CreatedTenant;
    let providerA: string;
    let providerB: string;
    const created: Record<string, string> = {};

    beforeAll(async () => {
      lister = await createTestTenant(t.db);
      providerA = await makeProvider(lister, 'Alma');
      providerB = await makeProvider(lister, 'Bruno');
      const bodies: Record<string, object> = {
        newYear: { date: '2027-01-01', closed: true, reason: 'New Year' },
        aOff: { providerId: providerA, date: '2027-01-05', closed: true },
        bLate: { providerId: providerB, date: '2027-01-05', startTime: '12:00', endTime: '20:00' },
        aShort: { providerId: providerA, date: '2027-02-10', startTime: '09:00', endTime: '12:00' },
      };
      for (const [name, body] of Object.entries(bodies)) {
        created[name] = (await post(body, lister)).json().id;
      }
      await post({ date: '2027-01-05', closed: true }, other);
    });

    const idsOf = (response: { json(): { data: { id: string }[] } }) =>
      response.json().data.map((override) => override.id);

    it("lists only the tenant's overrides, oldest first", async () => {
      const response = await list('', lister);
      expect(response.statusCode).toBe(200);
      expect(idsOf(response)).toEqual([created.newYear, created.aOff, created.bLate, created.aShort]);
      expect(response.json().nextCursor).toBeNull();
    });

    it.each([
      ['from', '?from=2027-01-05', ['aOff', 'bLate', 'aShort']],
      ['to', '?to=2027-01-05', ['newYear', 'aOff', 'bLate']],
      ['a one-day range', '?from=2027-01-05&to=2027-01-05', ['aOff', 'bLate']],
      ['a provider', '?providerId=PROVIDER_A', ['aOff', 'aShort']],
      ['a provider and a range', '?providerId=PROVIDER_A&from=2027-01-01&to=2027-01-31', ['aOff']],
      ['an empty range', '?from=2027-03-01&to=2027-03-31', []],
    ])('filters by %s', async (_, query, names) => {
      const response = await list(query.replace('PROVIDER_A', providerA), lister);
      expect(response.statusCode).toBe(200);
      expect(idsOf(response)).toEqual(names.map((name) => created[name]));
    });

    it('pages with a cursor', async () => {
      const first = await list('?limit=3', lister);
      expect(idsOf(first)).toEqual([created.newYear, created.aOff, created.bLate]);
      const cursor = first.json().nextCursor;
      expect(cursor).toEqual(expect.any(String));
      const second = await list(`?limit=3&cursor=${cursor}`, lister);
      expect(idsOf(second)).toEqual([created.aShort]);
      expect(second.json().nextCursor).toBeNull();
    });

    it.each([
      ['from after to', '?from=2027-02-01&to=2027-01-01', 'to'],
      ['an impossible from', '?from=2027-02-30', 'from'],
      ['a providerId that is not a UUID', '?providerId=alma', 'providerId'],
      ['an unknown parameter', '?date=2027-01-01', 'date'],
      ['a limit of 0', '?limit=0', 'limit'],
      ['a forged cursor', '?cursor=bm9wZQ', 'cursor'],
    ])('refuses %s with 400', async (_, query, path) => {
      const response = await list(query, lister);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    });

    it('answers 404 for a providerId filter of another tenant', async () => {
      const response = await list(`?providerId=${ids.otherProvider}`, lister);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    });
  });

  it('deletes an override, then answers 404 for it', async () => {
    const { id } = (await post({ date: '2027-05-01', closed: true })).json();
    const response = await remove(id);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(await t.db.availabilityOverride.findUnique({ where: { id } })).toBeNull();
    const again = await remove(id);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
  });

  it("answers 404 for another tenant's override and keeps it", async () => {
    const { id } = (await post({ date: '2027-05-01', closed: true }, other)).json();
    const response = await remove(id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await t.db.availabilityOverride.findUnique({ where: { id } })).not.toBeNull();
  });

  it('refuses a path id that is not a UUID', async () => {
    const response = await remove('42');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain('id');
  });
});

it('documents the availability routes in the OpenAPI document', async () => {
  const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining([
      '/v1/tenant-admin/providers/{id}/availability',
      '/v1/tenant-admin/services/{id}/availability',
      '/v1/tenant-admin/availability-overrides',
      '/v1/tenant-admin/availability-overrides/{id}',
    ]),
  );
});
