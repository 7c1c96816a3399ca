import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

/**
 * Roles are enforced by the API: a provider session walks EVERY admin operation of the OpenAPI
 * document (and the hidden CSV/PDF files). It gets 403 forbidden everywhere it was not let in,
 * 404 on another provider's provider and appointment ids, and the database is unchanged after the
 * walk. Then what it may do: its own appointments, availability, calendar and feed. A manager is
 * refused the owner routes (staff, API keys, Stripe, QuickBooks connect/disconnect).
 */

let t: TestApp;
let tenant: CreatedTenant;
const now = new Date('2026-12-02T09:00:00Z');
const ids = { mine: '', theirs: '', myAppointment: '', theirAppointment: '', theirOverride: '' };
let provider: Session;
let manager: Session;

/** Operations a provider session may call, with the id kind of their {id}. */
const PROVIDER_ALLOWED: Record<string, 'provider' | 'appointment' | 'override' | 'body' | null> = {
  'GET /v1/tenant-admin/appointments': null,
  'GET /v1/tenant-admin/appointments/{id}': 'appointment',
  'GET /v1/tenant-admin/appointments/{id}/cancellation-preview': 'appointment',
  'POST /v1/tenant-admin/appointments/{id}/cancel': 'appointment',
  'POST /v1/tenant-admin/appointments/{id}/complete': 'appointment',
  'POST /v1/tenant-admin/appointments/{id}/no-show': 'appointment',
  'POST /v1/tenant-admin/appointments/{id}/reschedule': 'appointment',
  'GET /v1/tenant-admin/providers/{id}': 'provider',
  'GET /v1/tenant-admin/providers/{id}/availability': 'provider',
  'PUT /v1/tenant-admin/providers/{id}/availability': 'provider',
  'POST /v1/tenant-admin/providers/{id}/calendar/google': 'provider',
  'GET /v1/tenant-admin/providers/{id}/calendar/google': 'provider',
  'DELETE /v1/tenant-admin/providers/{id}/calendar/google': 'provider',
  'GET /v1/tenant-admin/providers/{id}/ics-feed': 'provider',
  'POST /v1/tenant-admin/providers/{id}/ics-feed': 'provider',
  'GET /v1/tenant-admin/availability-overrides': null,
  'POST /v1/tenant-admin/availability-overrides': 'body',
  'DELETE /v1/tenant-admin/availability-overrides/{id}': 'override',
  'GET /v1/tenant-admin/busy-blocks': null,
};
const BODIES: Record<string, unknown> = {
  'POST /v1/tenant-admin/appointments/{id}/reschedule': { startTimeUtc: '2026-12-07T12:00:00Z' },
  'PUT /v1/tenant-admin/providers/{id}/availability': [
    { dayOfWeek: 1, startTime: '08:00', endTime: '18:00' },
  ],
};
/** Admin files outside the document (hide: true). */
const HIDDEN = [
  'GET /v1/tenant-admin/exports/ledger.csv',
  'GET /v1/tenant-admin/exports/appointments.csv',
  'GET /v1/tenant-admin/exports/quickbooks.csv',
  'GET /v1/tenant-admin/exports/quickbooks.iif',
  'GET /v1/tenant-admin/exports/reports/clients.csv',
  'GET /v1/tenant-admin/invoices/{id}/pdf',
];

async function book(providerId: string, serviceId: string, start: string) {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: {
      serviceId,
      providerId,
      startTimeUtc: start,
      client: { name: 'Client', email: 'client@example.com' },
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    },
  });
  return response.json().appointment.id as string;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => now });
  tenant = await createTestTenant(t.db);
  const service = (
    await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/services',
      payload: { name: 'Cut', durationMinutes: 30, priceBaseCents: 100 },
    })
  ).json().id;
  for (const key of ['mine', 'theirs'] as const) {
    ids[key] = (
      await admin(t.app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/providers',
        payload: { name: key, email: `${key}@studio.example` },
      })
    ).json().id;
    await admin(t.app, tenant, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${ids[key]}/services`,
      payload: [{ serviceId: service }],
    });
  }
  ids.myAppointment = await book(ids.mine, service, '2026-12-07T09:00:00Z');
  ids.theirAppointment = await book(ids.theirs, service, '2026-12-07T10:00:00Z');
  ids.theirOverride = (
    await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/availability-overrides',
      payload: { providerId: ids.theirs, date: '2026-12-24', closed: true },
    })
  ).json().id;
  provider = await signIn(
    t.app,
    (await createStaff(t.app, tenant, { role: 'provider', providerId: ids.mine })).email,
  );
  manager = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
});
afterAll(() => t.close());

async function operations(): Promise<string[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  return Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/v1/tenant-admin/'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
}

/** Every row of every table, but session and key last-use times. */
async function snapshot() {
  const tables = await t.db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await t.db.$queryRawUnsafe<Array<{ rows: number; hash: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS hash
         FROM (SELECT (to_jsonb(x) - 'lastUsedAt' - 'lastSeenAt')::text AS r FROM "${name}" x) rows`,
    );
    result[name] = row;
  }
  return result;
}

function call(session: Session, operation: string, id: string) {
  const [method, path] = operation.split(' ') as [string, string];
  const body = BODIES[operation];
  return asSession(t.app, session, {
    method,
    url: path.replace(/\{\w+\}/, id).replace('{email}', 'client@example.com'),
    ...(body !== undefined
      ? { payload: body }
      : method === 'GET' || method === 'DELETE'
        ? {}
        : { payload: {} }),
  });
}

describe('a provider session', () => {
  it('gets 403 on every route it was not let in to and 404 on other providers, changing nothing', async () => {
    const all = [...(await operations()), ...HIDDEN];
    expect(all.length).toBeGreaterThan(60);
    for (const operation of Object.keys(PROVIDER_ALLOWED)) expect(all).toContain(operation);
    const before = await snapshot();
    const wrong: string[] = [];
    for (const operation of all) {
      const kind = PROVIDER_ALLOWED[operation];
      if (kind === null) continue;
      if (kind === 'body') {
        const response = await asSession(t.app, provider, {
          method: 'POST',
          url: '/v1/tenant-admin/availability-overrides',
          payload: { providerId: ids.theirs, date: '2026-12-25', closed: true },
        });
        if (response.statusCode !== 404) wrong.push(`${operation}: ${response.statusCode} (expected 404)`);
      } else if (kind) {
        const id = { provider: ids.theirs, appointment: ids.theirAppointment, override: ids.theirOverride }[
          kind
        ];
        const response = await call(provider, operation, id);
        if (response.statusCode !== 404) wrong.push(`${operation}: ${response.statusCode} (expected 404)`);
      } else {
        const response = await call(provider, operation, ids.mine);
        const code = response.statusCode === 403 ? response.json().error.code : null;
        if (code !== 'forbidden') wrong.push(`${operation}: ${response.statusCode} (expected 403 forbidden)`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('lists only its own appointments, even when asking for another provider', async () => {
    for (const url of [
      '/v1/tenant-admin/appointments',
      `/v1/tenant-admin/appointments?providerId=${ids.theirs}`,
    ]) {
      const list = await asSession(t.app, provider, { method: 'GET', url });
      expect(list.statusCode).toBe(200);
      expect(list.json().data.map((a: { id: string }) => a.id)).toEqual([ids.myAppointment]);
    }
  });

  it('reads and acts on its own appointments, availability and feed', async () => {
    expect(
      (await call(provider, 'GET /v1/tenant-admin/appointments/{id}', ids.myAppointment)).statusCode,
    ).toBe(200);
    const profile = await call(provider, 'GET /v1/tenant-admin/providers/{id}', ids.mine);
    expect([profile.statusCode, profile.json().id]).toEqual([200, ids.mine]);
    expect(
      (await call(provider, 'GET /v1/tenant-admin/providers/{id}/availability', ids.mine)).statusCode,
    ).toBe(200);
    expect(
      (await call(provider, 'PUT /v1/tenant-admin/providers/{id}/availability', ids.mine)).statusCode,
    ).toBe(200);
    expect((await call(provider, 'GET /v1/tenant-admin/providers/{id}/ics-feed', ids.mine)).statusCode).toBe(
      200,
    );
    const moved = await call(
      provider,
      'POST /v1/tenant-admin/appointments/{id}/reschedule',
      ids.myAppointment,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const cancelled = await call(
      provider,
      'POST /v1/tenant-admin/appointments/{id}/cancel',
      ids.myAppointment,
    );
    expect(cancelled.statusCode).toBe(200);
    const theirs = await t.db.appointment.findUniqueOrThrow({ where: { id: ids.theirAppointment } });
    expect(theirs.status).toBe('CONFIRMED');
  });
});

describe('a provider session on availability overrides', () => {
  const url = '/v1/tenant-admin/availability-overrides';

  it('adds, lists and deletes its own, but no tenant-wide ones', async () => {
    const tenantWide = await asSession(t.app, provider, {
      method: 'POST',
      url,
      payload: { date: '2026-12-31', closed: true },
    });
    expect(tenantWide.statusCode).toBe(403);
    const created = await asSession(t.app, provider, {
      method: 'POST',
      url,
      payload: { providerId: ids.mine, date: '2026-12-31', closed: true },
    });
    expect(created.statusCode).toBe(201);
    for (const query of ['', `?providerId=${ids.theirs}`]) {
      const list = await asSession(t.app, provider, { method: 'GET', url: `${url}${query}` });
      expect(list.json().data.map((o: { id: string }) => o.id)).toEqual([created.json().id]);
    }
    const deleted = await asSession(t.app, provider, {
      method: 'DELETE',
      url: `${url}/${created.json().id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await t.db.availabilityOverride.count({ where: { id: ids.theirOverride } })).toBe(1);
  });
});

describe('a manager session', () => {
  it.each([
    'GET /v1/tenant-admin/staff',
    'POST /v1/tenant-admin/staff',
    'GET /v1/tenant-admin/api-keys',
    'POST /v1/tenant-admin/api-keys',
    'DELETE /v1/tenant-admin/api-keys/{id}',
    'GET /v1/tenant-admin/settings/stripe',
    'PUT /v1/tenant-admin/settings/stripe',
    'POST /v1/tenant-admin/quickbooks/connect',
    'DELETE /v1/tenant-admin/quickbooks',
  ])('gets 403 on %s', async (operation) => {
    const response = await call(manager, operation, ids.mine);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('may run the business (services, appointments, reports)', async () => {
    expect(
      (await asSession(t.app, manager, { method: 'GET', url: '/v1/tenant-admin/services' })).statusCode,
    ).toBe(200);
    expect(
      (await asSession(t.app, manager, { method: 'GET', url: '/v1/tenant-admin/appointments' })).json().data,
    ).toHaveLength(2);
  });
});
