import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { forTenant } from '../../src/adapters/db/tenant-scope.ts';
import { TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

/**
 * Tenant B's keys against tenant A's ids, on every route that the OpenAPI
 * document lists: ids in paths, in bodies and in query strings, on admin and
 * public routes. Each must answer 404 not_found and leave A's data exactly as
 * it was. A new route fails this test until it is placed in COVERAGE below,
 * so no route escapes the check.
 */

let t: TestApp;
let a: CreatedTenant;
let b: CreatedTenant;
const aIds: Record<string, string> = {};
let aManageToken: string;
/** An owner session of tenant B: sessions are held to their tenant like keys. */
let bSession: Session;

const TENANT_TABLES = [
  'api_keys',
  'services',
  'providers',
  'provider_services',
  'resources',
  'service_resources',
  'availability_rules',
  'availability_overrides',
  'cancellation_policies',
  'cancellation_policy_tiers',
  'intake_form_fields',
  'appointments',
  'appointment_events',
  'tenant_event_sequences',
  'intake_form_responses',
  'idempotency_records',
  'calendar_syncs',
  'calendar_oauth_states',
  'quickbooks_connections',
  'quickbooks_oauth_states',
  'quickbooks_pushes',
  'busy_blocks',
  'outbox_messages',
  'calendar_feeds',
  'invoices',
  'invoice_counters',
  'invoice_settings',
  'staff_accounts',
  'staff_sessions',
  'staff_tokens',
  'client_notes',
  'locations',
  'webhook_endpoints',
  'webhook_deliveries',
  'audit_log_entries',
  'tenants',
];

/** A fingerprint of every row tenant A owns. */
async function snapshotOfA(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TENANT_TABLES) {
    const column = table === 'tenants' ? 'id' : 'tenantId';
    const [row] = await t.db.$queryRawUnsafe<Array<{ digest: string | null; count: bigint }>>(
      `SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS digest, count(*) AS count
       FROM "${table}" r WHERE "${column}" = $1::uuid`,
      a.tenant.id,
    );
    result[table] = `${row!.count}:${row!.digest}`;
  }
  return result;
}

async function as(
  owner: CreatedTenant,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return admin(t.app, owner, {
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

beforeAll(async () => {
  t = await buildTestApp({ ENCRYPTION_KEY: TEST_ENCRYPTION_KEY });
  a = await createTestTenant(t.db, { name: 'Tenant A' });
  b = await createTestTenant(t.db, { name: 'Tenant B' });

  aIds.resource = (
    await as(a, 'POST', '/v1/tenant-admin/resources', { name: 'Room', kind: 'room' })
  ).json().id;
  aIds.location = (await as(a, 'POST', '/v1/tenant-admin/locations', { name: 'Studio of A' })).json().id;
  aIds.webhookEndpoint = (
    await as(a, 'POST', '/v1/tenant-admin/webhook-endpoints', {
      url: 'http://127.0.0.1:9/a',
      events: ['appointment.created'],
    })
  ).json().id;
  const [delivery] = await forTenant(t.db, a.tenant.id).webhooks.queueDeliveries(
    [aIds.webhookEndpoint!],
    {
      id: 'evt_of_a',
      type: 'appointment.created',
      created: new Date().toISOString(),
      tenant: a.tenant.id,
      data: {},
    },
    new Date(),
  );
  aIds.webhookDelivery = delivery!;
  aIds.service = (
    await as(a, 'POST', '/v1/tenant-admin/services', {
      name: 'Cut',
      durationMinutes: 30,
      priceBaseCents: 100,
      resourceIds: [aIds.resource],
    })
  ).json().id;
  aIds.provider = (
    await as(a, 'POST', '/v1/tenant-admin/providers', { name: 'Ana', email: 'ana@a.example' })
  ).json().id;
  await as(a, 'PUT', `/v1/tenant-admin/providers/${aIds.provider}/services`, [{ serviceId: aIds.service }]);
  const weekly = [{ dayOfWeek: 1, startTime: '09:00', endTime: '17:00' }];
  await as(a, 'PUT', `/v1/tenant-admin/providers/${aIds.provider}/availability`, weekly);
  await as(a, 'PUT', `/v1/tenant-admin/services/${aIds.service}/availability`, weekly);
  await as(a, 'PUT', `/v1/tenant-admin/services/${aIds.service}/cancellation-policy`, {
    tiers: [{ hoursBeforeStart: 24, feePercentage: 50 }],
  });
  await as(a, 'PUT', '/v1/tenant-admin/cancellation-policy', {
    tiers: [{ hoursBeforeStart: 2, feePercentage: 100 }],
  });
  await as(a, 'PUT', `/v1/tenant-admin/services/${aIds.service}/intake-fields`, [
    { label: 'Notes', fieldType: 'TEXT', required: false },
  ]);
  aIds.override = (
    await as(a, 'POST', '/v1/tenant-admin/availability-overrides', {
      providerId: aIds.provider,
      date: '2026-12-24',
      closed: true,
    })
  ).json().id;
  aIds.apiKey = (await as(a, 'POST', '/v1/tenant-admin/api-keys', { kind: 'PUBLISHABLE' })).json().id;
  const booked = (
    await as(a, 'POST', '/v1/tenant-admin/appointments', {
      serviceId: aIds.service,
      providerId: aIds.provider,
      startTimeUtc: '2030-01-07T10:00:00Z',
      client: { name: 'Client of A', email: 'client@a.example' },
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    })
  ).json();
  aIds.appointment = booked.appointment.id;
  aManageToken = booked.manageToken;
  aIds.clientNote = (
    await as(a, 'POST', '/v1/tenant-admin/clients/client%40a.example/notes', { body: 'Note of A' })
  ).json().id;
  // A message of A's in the outbox (what the notification jobs build).
  aIds.outbox = (
    await t.db.outboxMessage.create({
      data: {
        tenantId: a.tenant.id,
        appointmentId: aIds.appointment,
        kind: 'confirmation',
        recipient: 'client@a.example',
        dedupeKey: `confirmation:${aIds.appointment}`,
        subject: 'Booking confirmed',
        textBody: 'See you, Client of A',
        status: 'SKIPPED',
      },
    })
  ).id;
  // A's feeds exist, so that B rotating them would show in the snapshot.
  await as(a, 'GET', `/v1/tenant-admin/providers/${aIds.provider}/ics-feed`);
  await as(a, 'GET', '/v1/tenant-admin/ics-feed');
  aIds.staff = (await createStaff(t.app, a, { role: 'manager' })).id;
  await as(a, 'POST', '/v1/tenant-admin/staff', {
    email: 'invited@a.example',
    name: 'Invited',
    role: 'manager',
  });
  bSession = await signIn(t.app, (await createStaff(t.app, b, { role: 'owner' })).email);
});
afterAll(() => t.close());

/** Which of A's ids goes in each route's `{id}`, and a valid body for the route. */
const ROUTES: Record<string, { id: string; bodies: Partial<Record<string, unknown>> }> = {
  '/v1/tenant-admin/services/{id}': { id: 'service', bodies: { PATCH: { name: 'Mine now' } } },
  '/v1/tenant-admin/services/{id}/availability': {
    id: 'service',
    bodies: { PUT: [{ dayOfWeek: 2, startTime: '10:00', endTime: '11:00' }] },
  },
  '/v1/tenant-admin/services/{id}/cancellation-policy': { id: 'service', bodies: { PUT: { tiers: [] } } },
  '/v1/tenant-admin/services/{id}/intake-fields': { id: 'service', bodies: { PUT: [] } },
  '/v1/tenant-admin/providers/{id}': { id: 'provider', bodies: { PATCH: { name: 'Mine now' } } },
  '/v1/tenant-admin/providers/{id}/services': { id: 'provider', bodies: { PUT: [] } },
  '/v1/tenant-admin/providers/{id}/calendar/google': { id: 'provider', bodies: {} },
  '/v1/tenant-admin/providers/{id}/ics-feed': { id: 'provider', bodies: {} },
  '/v1/tenant-admin/providers/{id}/availability': {
    id: 'provider',
    bodies: { PUT: [{ dayOfWeek: 2, startTime: '10:00', endTime: '11:00' }] },
  },
  '/v1/tenant-admin/resources/{id}': { id: 'resource', bodies: { PATCH: { name: 'Mine now' } } },
  '/v1/tenant-admin/locations/{id}': { id: 'location', bodies: { PATCH: { name: 'Mine now' } } },
  '/v1/tenant-admin/webhook-endpoints/{id}': { id: 'webhookEndpoint', bodies: { PATCH: { enabled: false } } },
  '/v1/tenant-admin/webhook-endpoints/{id}/rotate-secret': { id: 'webhookEndpoint', bodies: { POST: {} } },
  '/v1/tenant-admin/webhook-endpoints/{id}/deliveries': { id: 'webhookEndpoint', bodies: {} },
  '/v1/tenant-admin/webhook-endpoints/deliveries/{id}/redeliver': { id: 'webhookDelivery', bodies: {} },
  '/v1/tenant-admin/availability-overrides/{id}': { id: 'override', bodies: {} },
  '/v1/tenant-admin/api-keys/{id}': { id: 'apiKey', bodies: {} },
  '/v1/tenant-admin/appointments/{id}': { id: 'appointment', bodies: {} },
  '/v1/tenant-admin/appointments/{id}/cancel': {
    id: 'appointment',
    bodies: { POST: { reason: 'Mine now' } },
  },
  '/v1/tenant-admin/appointments/{id}/complete': { id: 'appointment', bodies: {} },
  '/v1/tenant-admin/appointments/{id}/cancellation-preview': { id: 'appointment', bodies: {} },
  '/v1/tenant-admin/appointments/{id}/resend-confirmation': { id: 'appointment', bodies: {} },
  '/v1/tenant-admin/appointments/{id}/no-show': { id: 'appointment', bodies: {} },
  '/v1/tenant-admin/appointments/{id}/reschedule': {
    id: 'appointment',
    bodies: { POST: { startTimeUtc: '2030-01-07T12:00:00Z' } },
  },
  '/v1/tenant-admin/appointments/{id}/collect-balance': {
    id: 'appointment',
    bodies: { POST: { method: 'venue' } },
  },
  '/v1/tenant-admin/outbox/{id}': { id: 'outbox', bodies: {} },
  '/v1/tenant-admin/staff/{id}': { id: 'staff', bodies: { PATCH: { name: 'Mine now', role: 'owner' } } },
  '/v1/tenant-admin/client-notes/{id}': { id: 'clientNote', bodies: { PATCH: { body: 'Mine now' } } },
  '/v1/tenant-admin/appointments/{id}/refund': {
    id: 'appointment',
    bodies: { POST: { amountCents: 100, reason: 'Mine now' } },
  },
};

/**
 * Every operation of the OpenAPI document, and the test below that shows it
 * cannot reach another tenant's data:
 *  - path-id: the admin path-id test (ROUTES);
 *  - body-ids: B's body or query names A's rows;
 *  - public: B's publishable key with A's ids (and A's manage token);
 *  - list: B's lists never show A's rows;
 *  - own: reads or writes only the caller's own tenant settings or new rows;
 *  - none: no tenant data at all.
 */
const COVERAGE: Record<string, 'path-id' | 'body-ids' | 'public' | 'list' | 'own' | 'none'> = {
  'GET /health': 'none',
  'POST /v1/platform/tenants': 'none',
  'GET /ready': 'none',
  'GET /v1/public/tenant': 'own',
  'GET /v1/public/services': 'list',
  'GET /v1/public/booking-page': 'public',
  'GET /v1/public/services/{serviceId}/availability': 'public',
  'GET /v1/public/services/{serviceId}/availability/dates': 'public',
  'POST /v1/public/appointments': 'public',
  'GET /v1/public/appointments/{id}': 'public',
  'GET /v1/public/appointments/{id}/cancellation': 'public',
  'POST /v1/public/appointments/{id}/cancel': 'public',
  'POST /v1/public/appointments/{id}/reschedule': 'public',
  'POST /v1/public/appointments/{id}/confirm-payment': 'public',
  'GET /v1/tenant-admin/tenant': 'own',
  'PATCH /v1/tenant-admin/tenant': 'own',
  'GET /v1/tenant-admin/settings/stripe': 'own',
  'PUT /v1/tenant-admin/settings/stripe': 'own',
  'DELETE /v1/tenant-admin/settings/stripe': 'own',
  // Rows of two tenants in one period: test/routes/ledger.test.ts.
  'GET /v1/tenant-admin/ledger': 'list',
  'POST /v1/tenant-admin/ledger/reconcile': 'own',
  // Rows of two tenants in one period: test/routes/revenue-report.test.ts.
  'GET /v1/tenant-admin/reports/revenue': 'list',
  // Two tenants' appointments, ledger rows and providers in one period (the CSV files too):
  // test/routes/service-report.test.ts, provider-report.test.ts, report-csv-exports.test.ts.
  'GET /v1/tenant-admin/reports/services': 'list',
  'GET /v1/tenant-admin/reports/providers': 'list',
  // Two tenants' clients of one email (the CSV too), and their days: test/routes/client-report.test.ts,
  // client-history.test.ts, dashboard-summary.test.ts.
  'GET /v1/tenant-admin/reports/clients': 'list',
  'GET /v1/tenant-admin/reports/clients/{email}': 'list',
  'GET /v1/tenant-admin/reports/summary': 'list',
  // Two tenants' clients of one email, each with its own notes: test/routes/client-notes.test.ts.
  'GET /v1/tenant-admin/clients/{email}/notes': 'list',
  'POST /v1/tenant-admin/clients/{email}/notes': 'own',
  // Two tenants' invoices and PDFs (…/invoices/:id/pdf, :id.pdf and the public receipt.pdf are files,
  // not in the document): test/routes/invoices.test.ts, receipt-pdf.test.ts, invoice-numbering.test.ts.
  'GET /v1/tenant-admin/invoices': 'list',
  'GET /v1/tenant-admin/settings/invoicing': 'own',
  'PATCH /v1/tenant-admin/settings/invoicing': 'own',
  'GET /v1/tenant-admin/api-keys': 'list',
  'POST /v1/tenant-admin/api-keys': 'own',
  'POST /v1/tenant-admin/services': 'body-ids',
  'GET /v1/tenant-admin/services': 'list',
  'POST /v1/tenant-admin/availability-overrides': 'body-ids',
  'GET /v1/tenant-admin/availability-overrides': 'body-ids',
  'POST /v1/tenant-admin/providers': 'own',
  'GET /v1/tenant-admin/providers': 'list',
  'POST /v1/tenant-admin/resources': 'own',
  'GET /v1/tenant-admin/resources': 'list',
  // A service naming another tenant's location: 404 (test/routes/locations.test.ts).
  'POST /v1/tenant-admin/locations': 'own',
  'GET /v1/tenant-admin/locations': 'list',
  'POST /v1/tenant-admin/webhook-endpoints': 'own',
  'GET /v1/tenant-admin/webhook-endpoints': 'list',
  'GET /v1/tenant-admin/audit-log': 'list',
  'GET /v1/tenant-admin/cancellation-policy': 'own',
  'PUT /v1/tenant-admin/cancellation-policy': 'own',
  'GET /v1/tenant-admin/appointments': 'list',
  // Another tenant's provider id: 404 (test/routes/busy-blocks.test.ts).
  'GET /v1/tenant-admin/busy-blocks': 'list',
  // Filtered by another tenant's appointment too: test/routes/outbox.test.ts.
  'GET /v1/tenant-admin/outbox': 'list',
  // The CSV exports (/v1/tenant-admin/exports/*.csv) are files, not in the document: two tenants'
  // rows in one period, test/routes/csv-export-ledger.test.ts and csv-export-appointments.test.ts;
  // the QuickBooks files (quickbooks.csv, quickbooks.iif): test/routes/quickbooks-exports.test.ts.
  // The feed itself (/v1/calendar-feeds/<token>.ics) takes no key and is not in the document: its
  // token names one feed of one tenant (test/routes/calendar-feed-links.test.ts).
  // The hosted booking page (/book/:tenantSlug[/:serviceSlug], HTML, not in the document) shows one
  // tenant by its slug, and its key reads only that tenant (test/routes/hosted-booking-page.test.ts).
  'GET /v1/tenant-admin/ics-feed': 'own',
  'POST /v1/tenant-admin/ics-feed': 'own',
  'POST /v1/tenant-admin/appointments': 'body-ids',
  'POST /v1/webhooks/stripe': 'none',
  // Google's, without a key: the single-use state, and a channel's id with its token, name one
  // provider of one tenant (test/routes/google-calendar-connect.test.ts, test/jobs/calendar-sync.test.ts).
  'GET /v1/oauth/google/callback': 'own',
  'POST /v1/webhooks/google-calendar': 'own',
  // The caller's own QuickBooks connection; Intuit's callback is tied to one tenant by its single-use
  // state (test/routes/quickbooks-connect.test.ts: another tenant's connection untouched).
  'POST /v1/tenant-admin/quickbooks/connect': 'own',
  'GET /v1/tenant-admin/quickbooks': 'own',
  'DELETE /v1/tenant-admin/quickbooks': 'own',
  'POST /v1/tenant-admin/quickbooks/sync': 'own',
  'GET /v1/oauth/quickbooks/callback': 'own',
  'POST /v1/tenant-admin/staff': 'own',
  'GET /v1/tenant-admin/staff': 'list',
  // Sign-in finds accounts by email across tenants, then acts on that account's tenant only; the
  // session routes act on the caller's own session(s); reset and invitation links name one
  // account of one tenant by their single-use token (test/routes/auth-sessions.test.ts, invitations.test.ts).
  'POST /v1/auth/sessions': 'own',
  'GET /v1/auth/sessions/current': 'own',
  'DELETE /v1/auth/sessions/current': 'own',
  'DELETE /v1/auth/sessions': 'own',
  'POST /v1/auth/password-resets': 'own',
  'POST /v1/auth/password-resets/{token}': 'own',
  'POST /v1/auth/invitations/{token}/accept': 'own',
};

async function everyOperation(): Promise<string[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  return Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

async function adminRoutesWithIds(): Promise<Array<[string, string]>> {
  const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  return Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/v1/tenant-admin/') && path.includes('{id}'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => [method.toUpperCase(), path] as [string, string]),
    );
}

describe("tenant B's key on tenant A's ids", () => {
  it('places every operation of the OpenAPI document in a covered category', async () => {
    const adminWithIds = new Set((await adminRoutesWithIds()).map(([method, path]) => `${method} ${path}`));
    for (const operation of await everyOperation()) {
      const covered = adminWithIds.has(operation) ? 'path-id' : COVERAGE[operation];
      expect(covered, `no isolation case for ${operation}`).toBeDefined();
    }
  });

  it('covers every admin route with an id', async () => {
    const routes = await adminRoutesWithIds();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const [, path] of routes)
      expect(Object.keys(ROUTES), `no isolation case for ${path}`).toContain(path);
  });

  it('answers 404 on every such route and changes nothing of A', async () => {
    const before = await snapshotOfA();
    for (const [method, path] of await adminRoutesWithIds()) {
      const route = ROUTES[path]!;
      const url = path.replace('{id}', aIds[route.id]!);
      const response = await as(b, method as 'GET', url, route.bodies[method]);
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(response.json().error.code, `${method} ${path}`).toBe('not_found');
      expect(response.body).not.toContain('Tenant A');
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('answers 404 to an owner session of B on every such route, and changes nothing of A', async () => {
    const before = await snapshotOfA();
    for (const [method, path] of await adminRoutesWithIds()) {
      const route = ROUTES[path]!;
      const url = path.replace('{id}', aIds[route.id]!);
      const response = await asSession(t.app, bSession, { method, url, payload: route.bodies[method] });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(response.json().error.code, `${method} ${path}`).toBe('not_found');
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("answers 404 when B's bodies name A's rows, and changes nothing of A", async () => {
    const bService = (
      await as(b, 'POST', '/v1/tenant-admin/services', { name: 'B', durationMinutes: 30, priceBaseCents: 1 })
    ).json().id;
    const bProvider = (
      await as(b, 'POST', '/v1/tenant-admin/providers', { name: 'Bo', email: 'bo@b.example' })
    ).json().id;
    const before = await snapshotOfA();
    const attempts: Array<[string, string, unknown]> = [
      [
        'POST',
        '/v1/tenant-admin/services',
        { name: 'X', durationMinutes: 30, priceBaseCents: 1, resourceIds: [aIds.resource] },
      ],
      ['PATCH', `/v1/tenant-admin/services/${bService}`, { resourceIds: [aIds.resource] }],
      ['PUT', `/v1/tenant-admin/providers/${bProvider}/services`, [{ serviceId: aIds.service }]],
      [
        'PUT',
        `/v1/tenant-admin/providers/${bProvider}/availability`,
        [{ dayOfWeek: 1, startTime: '09:00', endTime: '10:00', serviceId: aIds.service }],
      ],
      [
        'PUT',
        `/v1/tenant-admin/services/${bService}/availability`,
        [{ dayOfWeek: 1, startTime: '09:00', endTime: '10:00', providerId: aIds.provider }],
      ],
      [
        'POST',
        '/v1/tenant-admin/availability-overrides',
        { providerId: aIds.provider, date: '2026-12-25', closed: true },
      ],
      ['GET', `/v1/tenant-admin/availability-overrides?providerId=${aIds.provider}`, undefined],
      [
        'POST',
        '/v1/tenant-admin/appointments',
        {
          serviceId: aIds.service,
          startTimeUtc: '2030-01-07T12:00:00Z',
          client: { name: 'B booking A', email: 'b@b.example' },
          clientTimezone: 'Europe/Berlin',
          overrideRules: true,
        },
      ],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await as(b, method as 'GET', url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("never lists A's rows in B's lists", async () => {
    const lists = [
      '/v1/tenant-admin/services',
      '/v1/tenant-admin/providers',
      '/v1/tenant-admin/resources',
      '/v1/tenant-admin/locations',
      '/v1/tenant-admin/webhook-endpoints',
      '/v1/tenant-admin/audit-log',
      '/v1/tenant-admin/availability-overrides',
      '/v1/tenant-admin/api-keys',
      '/v1/tenant-admin/appointments',
      '/v1/tenant-admin/outbox',
      `/v1/tenant-admin/outbox?appointmentId=${aIds.appointment}`,
      '/v1/tenant-admin/staff',
    ];
    for (const url of lists) {
      const response = await as(b, 'GET', url);
      expect(response.statusCode, url).toBe(200);
      for (const id of Object.values(aIds)) expect(response.body, url).not.toContain(id);
      const bySession = await asSession(t.app, bSession, { method: 'GET', url });
      expect(bySession.statusCode, url).toBe(200);
      for (const id of Object.values(aIds)) expect(bySession.body, url).not.toContain(id);
    }
    const policy = await as(b, 'GET', '/v1/tenant-admin/cancellation-policy');
    expect(policy.statusCode).toBe(404);
    const settings = (await as(b, 'GET', '/v1/tenant-admin/tenant')).json();
    expect(settings.id).toBe(b.tenant.id);
  });

  it("answers 404 on every public route for B's publishable key with A's ids, even with A's manage token", async () => {
    const before = await snapshotOfA();
    const headers = { 'x-tenant-key': b.keys.publishable, 'x-manage-token': aManageToken };
    const attempts: Array<[string, string, unknown]> = [
      ['GET', `/v1/public/booking-page?timezone=Europe/Berlin&serviceId=${aIds.service}`, undefined],
      [
        'GET',
        `/v1/public/services/${aIds.service}/availability?startDate=2030-01-07&endDate=2030-01-07&timezone=Europe/Berlin`,
        undefined,
      ],
      [
        'GET',
        `/v1/public/services/${aIds.service}/availability/dates?month=2030-01&timezone=Europe/Berlin`,
        undefined,
      ],
      [
        'POST',
        '/v1/public/appointments',
        {
          serviceId: aIds.service,
          startTimeUtc: '2030-01-07T12:00:00Z',
          client: { name: 'B booking A', email: 'b@b.example' },
          clientTimezone: 'Europe/Berlin',
        },
      ],
      ['GET', `/v1/public/appointments/${aIds.appointment}`, undefined],
      ['GET', `/v1/public/appointments/${aIds.appointment}/cancellation`, undefined],
      ['POST', `/v1/public/appointments/${aIds.appointment}/cancel`, {}],
      ['POST', `/v1/public/appointments/${aIds.appointment}/confirm-payment`, {}],
      [
        'POST',
        `/v1/public/appointments/${aIds.appointment}/reschedule`,
        { startTimeUtc: '2030-01-07T12:00:00Z' },
      ],
    ];
    const covered = Object.entries(COVERAGE).filter(([, kind]) => kind === 'public');
    expect(attempts).toHaveLength(covered.length);
    for (const [method, url, payload] of attempts) {
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const publicList = await t.app.inject({ method: 'GET', url: '/v1/public/services', headers });
    expect(publicList.body).not.toContain(aIds.service);
    expect(await snapshotOfA()).toEqual(before);
  });
});
