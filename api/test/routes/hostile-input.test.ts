import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import {
  dateKindOf,
  percentEncode,
  routesOf,
  stringFieldsOf,
  walk,
  withValue,
  type Base,
  type DateKind,
  type JsonSchema,
  type OpenApi,
  type Where,
} from '../helpers/openapi-walk.ts';
import { buildTestApp, createTestTenant, PLATFORM_TOKEN, type TestApp } from '../helpers/test-app.ts';

/**
 * Every string a client can send, found in the OpenAPI document (request
 * bodies, query and path parameters, nested objects, arrays and records), gets
 * values PostgreSQL would refuse: NUL (22021, 22P05 in jsonb), a lone surrogate,
 * and for dates, months and instants the years 0 and 1 (22008). Each must be
 * answered 400 `validation_failed` naming the field, and nothing may be stored.
 * A field added to a schema is probed without touching this file.
 */

interface Case {
  route: string;
  where: Where;
  field: string;
  label: string;
  value: string;
  request: Base;
}

const TOKEN = 'a'.repeat(32);
const ANY_ID = randomUUID();
const BOOKING = {
  serviceId: ANY_ID,
  startTimeUtc: '2030-01-07T09:00:00Z',
  client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234567' },
  clientTimezone: 'Europe/Berlin',
  intake: { [randomUUID()]: 'An answer' },
};
const WEEKLY = [
  {
    dayOfWeek: 1,
    startTime: '09:00',
    endTime: '17:00',
    effectiveFrom: '2030-01-01',
    effectiveTo: '2030-12-31',
  },
];

/**
 * A request each route accepts apart from the probed field, keyed by
 * "METHOD /path" as in the OpenAPI document. Ids are random: validation runs
 * before any lookup. A route missing here is probed with an empty body.
 */
const BASES: Record<string, Base> = {
  'GET /v1/public/services/{serviceId}/availability': {
    query: { startDate: '2030-01-07', endDate: '2030-01-08', timezone: 'Europe/Berlin' },
  },
  'GET /v1/public/services/{serviceId}/availability/dates': {
    query: { month: '2030-01', timezone: 'Europe/Berlin' },
  },
  'POST /v1/public/appointments': { body: BOOKING },
  'GET /v1/public/appointments/{id}': { query: { token: TOKEN } },
  'GET /v1/public/appointments/{id}/cancellation': { query: { token: TOKEN } },
  'POST /v1/public/appointments/{id}/cancel': { body: { token: TOKEN } },
  'POST /v1/public/appointments/{id}/reschedule': {
    body: { token: TOKEN, startTimeUtc: '2030-01-07T10:00:00Z' },
  },
  'PATCH /v1/tenant-admin/tenant': { body: { currency: 'EUR' } },
  'POST /v1/tenant-admin/api-keys': { body: { kind: 'SECRET', name: 'CI' } },
  'POST /v1/tenant-admin/services': {
    body: {
      name: 'Haircut',
      durationMinutes: 30,
      priceBaseCents: 3000,
      description: 'Wash and cut',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
    },
  },
  'PATCH /v1/tenant-admin/services/{id}': { body: { name: 'Haircut' } },
  'PUT /v1/tenant-admin/providers/{id}/availability': { body: WEEKLY },
  'PUT /v1/tenant-admin/services/{id}/availability': { body: WEEKLY },
  'POST /v1/tenant-admin/availability-overrides': {
    body: { date: '2030-01-01', closed: true, reason: 'New Year' },
  },
  'GET /v1/tenant-admin/availability-overrides': { query: { from: '2030-01-01', to: '2030-01-31' } },
  'POST /v1/tenant-admin/providers': {
    body: { name: 'Ada King', email: 'ada@example.com', phone: '+49 30 1234567', timezone: 'Europe/London' },
  },
  'PATCH /v1/tenant-admin/providers/{id}': { body: { name: 'Ada King' } },
  'PUT /v1/tenant-admin/providers/{id}/services': { body: [{ serviceId: ANY_ID }] },
  'POST /v1/tenant-admin/resources': { body: { name: 'Room 1', kind: 'room' } },
  'PATCH /v1/tenant-admin/resources/{id}': { body: { name: 'Room 1' } },
  'PUT /v1/tenant-admin/services/{id}/intake-fields': {
    body: [{ label: 'Colour', fieldType: 'SELECT', options: ['Red', 'Blue'], placeholder: 'Pick one' }],
  },
  'GET /v1/tenant-admin/appointments': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/tenant-admin/busy-blocks': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'POST /v1/tenant-admin/appointments': { body: { ...BOOKING, notes: 'Regular client' } },
  'POST /v1/tenant-admin/appointments/{id}/cancel': { body: { reason: 'Ill' } },
  'POST /v1/tenant-admin/appointments/{id}/reschedule': { body: { startTimeUtc: '2030-01-07T10:00:00Z' } },
  'GET /v1/tenant-admin/ledger': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'POST /v1/tenant-admin/ledger/reconcile': { body: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/tenant-admin/reports/revenue': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/tenant-admin/reports/services': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/tenant-admin/reports/providers': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/tenant-admin/reports/clients': {
    query: { startDate: '2030-01-01', endDate: '2030-01-31', q: 'ada' },
  },
  'GET /v1/tenant-admin/reports/clients/{email}': { params: { email: 'ada@example.com' } },
  'GET /v1/tenant-admin/clients/{email}/notes': { params: { email: 'ada@example.com' } },
  'POST /v1/tenant-admin/clients/{email}/notes': {
    params: { email: 'ada@example.com' },
    body: { body: 'Prefers mornings' },
  },
  'PATCH /v1/tenant-admin/client-notes/{id}': { body: { body: 'Prefers mornings' } },
  'GET /v1/tenant-admin/invoices': { query: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'PATCH /v1/tenant-admin/settings/invoicing': {
    body: { legalName: 'Studio GmbH', address: 'Main St 1\nBerlin', taxId: 'DE123456789' },
  },
  'POST /v1/tenant-admin/quickbooks/sync': { body: { startDate: '2030-01-01', endDate: '2030-01-31' } },
  'GET /v1/oauth/quickbooks/callback': {
    query: { state: TOKEN, code: 'AB11-example', realmId: '9130350000000001' },
  },
  'GET /v1/oauth/google/callback': {
    query: {
      state: TOKEN,
      code: '4/0AX4XfWh-example',
      scope: 'https://www.googleapis.com/auth/calendar.events',
    },
  },
  'POST /v1/tenant-admin/staff': {
    body: { email: 'ada@example.com', name: 'Ada', role: 'manager', password: 'a long password' },
  },
  'PATCH /v1/tenant-admin/staff/{id}': { body: { name: 'Ada' } },
  'POST /v1/auth/sessions': {
    body: { email: 'ada@example.com', password: 'a long password', tenantSlug: 'studio' },
  },
  'POST /v1/auth/password-resets': { body: { email: 'ada@example.com', tenantSlug: 'studio' } },
  'POST /v1/auth/password-resets/{token}': {
    params: { token: 'a'.repeat(43) },
    body: { password: 'a long password' },
  },
  'POST /v1/auth/invitations/{token}/accept': {
    params: { token: 'a'.repeat(43) },
    body: { password: 'a long password', name: 'Ada' },
  },
  'POST /v1/platform/tenants': {
    body: {
      name: 'Hostile Studio',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      allowedOrigins: ['https://studio.example'],
      branding: {
        primaryColor: '#112233',
        logoUrl: 'https://studio.example/logo.png',
        fontFamily: 'Inter',
        theme: 'light',
      },
      slug: 'hostile-studio',
    },
  },
};

const LONE_SURROGATE = 'a lone surrogate';
const TEXT_VALUES: Array<[string, string]> = [
  ['a NUL byte', 'a\u0000b'],
  [LONE_SURROGATE, 'a\ud800b'],
];
const YEARS: Record<DateKind, Array<[string, string]>> = {
  date: [
    ['year 0', '0000-01-01'],
    ['year 1', '0001-01-01'],
  ],
  'date-time': [
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 1', '0001-01-01T00:00:00Z'],
  ],
  month: [
    ['year 0', '0000-01'],
    ['year 1', '0001-01'],
  ],
};

let t: TestApp;
let tenant: CreatedTenant;
let document: OpenApi;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
  tenant = await createTestTenant(t.db);
  document = t.app.swagger() as unknown as OpenApi;
});
afterAll(() => t.close());

describe('hostile text and dates in every request field', () => {
  it('finds the fields in the OpenAPI document, with $refs, nesting, arrays and records', () => {
    const found = new Set(
      casesOf(document).map((c) => `${c.route} ${c.where}:${c.field.replace(/[0-9a-f-]{36}/, '<uuid>')}`),
    );
    for (const expected of [
      'POST /v1/public/appointments body:client.name',
      'POST /v1/public/appointments body:intake.<uuid>',
      'POST /v1/public/appointments body:startTimeUtc',
      'POST /v1/platform/tenants body:branding.fontFamily',
      'POST /v1/platform/tenants body:allowedOrigins.0',
      'PUT /v1/tenant-admin/services/{id}/intake-fields body:0.options.0',
      'PUT /v1/tenant-admin/providers/{id}/availability body:0.effectiveFrom',
      'GET /v1/public/services/{serviceId}/availability/dates query:month',
      'GET /v1/tenant-admin/appointments query:startDate',
      'GET /v1/tenant-admin/services/{id} path:id',
    ]) {
      expect(found).toContain(expected);
    }
  });

  it('resolves $refs and walks unions, records and tuples', () => {
    const doc: OpenApi = {
      paths: {},
      components: {
        schemas: {
          Note: {
            type: 'object',
            properties: { text: { type: 'string' }, at: { $ref: '#/components/schemas/Day' } },
          },
          Day: { type: 'string', format: 'date' },
        },
      },
    };
    const body: JsonSchema = {
      anyOf: [
        {
          type: 'object',
          properties: {
            note: { $ref: '#/components/schemas/Note' },
            tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
            answers: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
            pair: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }] },
          },
        },
        { type: 'null' },
      ],
    };
    expect(walk(doc, body, [], new Set()).map((found) => found.path.join('.'))).toEqual([
      'note.text',
      'note.at',
      'tags.0',
      'answers.key',
      'pair.1',
    ]);
  });

  it('accepts each base request apart from the probed field', async () => {
    const refused: string[] = [];
    for (const route of routesOf(document)) {
      const base = BASES[route.key];
      if (!base) continue;
      const response = await send(route.key, base);
      if (response.statusCode === 400 || response.statusCode >= 500) {
        refused.push(`${route.key}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('answers 400 validation_failed naming the field, and stores nothing', async () => {
    const before = await snapshot();
    const cases = casesOf(document);
    const failures: string[] = [];
    for (const c of cases) {
      const response = await send(c.route, c.request);
      const error = safeJson(response.body)?.error;
      const refused =
        c.where === 'path' && c.label === LONE_SURROGATE
          ? // "%ED%A0%80" is no UTF-8: the router refuses the URL before any route, so no field is named.
            error?.code === 'invalid_url'
          : error?.code === 'validation_failed' &&
            (error.details ?? []).some((detail) => detail.path === c.field);
      if (response.statusCode !== 400 || !refused) {
        failures.push(
          `${c.route} ${c.where} ${c.field} = ${c.label}: ${response.statusCode} ${response.body}`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Two text values for every string field, two years for every date field.
    expect(cases.length).toBeGreaterThan(150);
  });
});

describe('crafted list cursors', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');
  const lists = [
    '/v1/tenant-admin/services',
    '/v1/tenant-admin/providers',
    '/v1/tenant-admin/resources',
    '/v1/tenant-admin/api-keys',
    '/v1/tenant-admin/appointments',
    '/v1/tenant-admin/availability-overrides',
    '/v1/tenant-admin/outbox',
    '/v1/tenant-admin/staff',
  ];
  const crafted = [
    cursor('0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    cursor('-100000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    cursor('2027-01-01T00:00:00.000Z|------------------------------------'),
    cursor('2027-01-01T00:00:00.000Z'),
  ];

  it.each(lists)('%s answers 400 naming the cursor, never 500', async (url) => {
    for (const value of crafted) {
      const response = await t.app.inject({
        method: 'GET',
        url: `${url}?cursor=${value}`,
        headers: { authorization: `Bearer ${tenant.keys.secret}` },
      });
      expect(response.statusCode, `${url} ${value}`).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'cursor' }],
      });
    }
  });
});

// --- the cases ----------------------------------------------------------------

function casesOf(doc: OpenApi): Case[] {
  const cases: Case[] = [];
  for (const route of routesOf(doc)) {
    const base = BASES[route.key] ?? (route.operation.requestBody ? { body: {} } : {});
    for (const field of stringFieldsOf(doc, route.operation)) {
      const values = [...TEXT_VALUES, ...(dateKindOf(field) ? YEARS[dateKindOf(field)!] : [])];
      for (const [label, value] of values) {
        cases.push({
          route: route.key,
          where: field.where,
          field: field.path.join('.'),
          label,
          value,
          request: withValue(base, field, value),
        });
      }
    }
  }
  return cases;
}

// --- sending ------------------------------------------------------------------

function send(routeKey: string, request: Base) {
  const [method, template] = routeKey.split(' ') as [string, string];
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    percentEncode(request.params?.[name] ?? ANY_ID),
  );
  const search = Object.entries(request.query ?? {})
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
  return t.app.inject({
    method: method as 'GET',
    url: search ? `${url}?${search}` : url,
    headers: {
      ...authFor(template),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    // A string payload: JSON.stringify keeps a lone surrogate as the escape "\ud800".
    ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
  });
}

function authFor(path: string): Record<string, string> {
  if (path.startsWith('/v1/public/')) return { 'x-tenant-key': tenant.keys.publishable };
  if (path.startsWith('/v1/tenant-admin/')) return { authorization: `Bearer ${tenant.keys.secret}` };
  if (path.startsWith('/v1/platform/')) return { authorization: `Bearer ${PLATFORM_TOKEN}` };
  return {};
}

function safeJson(
  body: string,
): { error?: { code?: string; details?: Array<{ path: string }> } } | undefined {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Row count and a hash of the rows of every table, to prove nothing was
 * written. Leaves out api_keys.lastUsedAt: using a key records that, refused
 * request or not.
 */
async function snapshot(): Promise<Record<string, unknown>> {
  const tables = await t.db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await t.db.$queryRawUnsafe<Array<{ rows: number; hash: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS hash
         FROM (SELECT (to_jsonb(x) - 'lastUsedAt')::text AS r FROM "${name}" x) rows`,
    );
    result[name] = row;
  }
  return result;
}
