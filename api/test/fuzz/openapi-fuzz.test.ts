import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/error-catalogue.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import {
  arbitraryOf,
  FUZZ_NOW,
  HOSTILE_STRINGS,
  validOf,
  type IdSource,
} from '../helpers/openapi-arbitrary.ts';
import {
  percentEncode,
  routesOf,
  type JsonSchema,
  type OpenApi,
  type Operation,
} from '../helpers/openapi-walk.ts';
import {
  admin,
  buildTestApp,
  createTestTenant,
  PLATFORM_TOKEN,
  publicRequest,
  type TestApp,
} from '../helpers/test-app.ts';
import { createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

/**
 * Every operation of the OpenAPI document fuzzed with fast-check: path, query and body values made
 * from the operation's own schemas, valid-looking or hostile (helpers/openapi-arbitrary.ts), sent
 * with the credentials the route takes or, sometimes, none or another kind. For every answer: never
 * a 5xx; an error in the one error shape with a code of the catalogue; nosniff on every answer; and
 * a refused request (4xx) changes nothing in the database. A route added to the API is fuzzed
 * without touching this file.
 *
 * FUZZ_SEED (default 20261214) and FUZZ_RUNS (cases per operation, default 15) choose the run; a
 * failure prints the seed, the path and the shrunk counterexample. The summary names the operations
 * that refused every case, with their refusals by code. Reproduce from api/:
 *   FUZZ_SEED=… FUZZ_RUNS=… npx vitest run test/fuzz
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261214);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
/** FUZZ_SHOW_REFUSALS=1 prints every refused case and its answer: why valid-looking cases miss. */
const SHOW_REFUSALS = process.env.FUZZ_SHOW_REFUSALS === '1';
const CATALOGUE = new Set<string>(ERROR_CODES);
// Changed on purpose by a refused request: failed sign-ins count toward the lockout. Idempotency
// records are swept on a timer.
const NOT_FINGERPRINTED = new Set(['sign_in_attempts', 'idempotency_records']);

let t: TestApp;
let tenant: CreatedTenant;
let document: OpenApi;
let fingerprintSql: string;
const fixtureIds: string[] = [];
const fixtureIdsByKind = new Map<string, string>();
let manageToken = '';
let session: Session;
let staffEmail = '';
let casesRun = 0;
const statuses = new Map<number, number>();
/** Operations none of whose cases got an answer below 400: only their refusals were fuzzed. */
const neverAccepted: string[] = [];

type Credentials = 'right' | 'session' | 'none' | 'wrong-kind';

interface Case {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  credentials: Credentials;
}

async function fingerprint(): Promise<string> {
  const rows =
    await t.db.$queryRawUnsafe<Array<{ name: string; rows: bigint; digest: bigint | null }>>(fingerprintSql);
  return rows.map((row) => `${row.name}:${row.rows}:${row.digest}`).join(' ');
}

/** The fixture rows an `{id}` of this path may name: the path's own kind when there is one. */
function idsFor(path: string, name: string): string[] {
  const kind = name === 'serviceId' ? 'services' : /\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
  const own = kind ? fixtureIdsByKind.get(kind) : undefined;
  return own ? [own] : fixtureIds;
}

function paramArbitrary(path: string, name: string, valid: boolean): fc.Arbitrary<string> {
  const known =
    name === 'email'
      ? fc.constantFrom('ada@example.com', staffEmail)
      : name === 'token'
        ? fc.constant('a'.repeat(43))
        : fc.constantFrom(...idsFor(path, name));
  if (valid) return known;
  return fc.oneof(
    { arbitrary: known, weight: 3 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((value) => value !== '')), weight: 2 },
  );
}

const asQueryValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Ids for a valid-looking case: a field named for a kind (`providerId`, `locationId` …) gets that
 * kind's fixture, so the handler finds it; any other id is mostly a fixture of some kind.
 */
const idsByName: IdSource = (name) => {
  const kind = name && /^(\w+)Id$/.exec(name)?.[1];
  const own = kind ? fixtureIdsByKind.get(`${kind}s`) : undefined;
  if (own) return fc.constant(own);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...fixtureIds), weight: 4 },
    { arbitrary: fc.uuid(), weight: 1 },
  );
};

/** Query parameters a valid-looking case leaves out: only the API can make a cursor. */
const ONLY_FROM_THE_API = new Set(['cursor']);
const PERIOD_DAYS = 31;

/** A valid-looking period: startDate on or before endDate, a month at most (the routes' longest span is 62 days or more). */
function orderedPeriod(query: Record<string, string>): Record<string, string> {
  const { startDate, endDate } = query;
  if (!startDate || !endDate) return query;
  const [first, last] = [startDate, endDate].sort();
  const latest = new Date(Date.parse(first!) + PERIOD_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { ...query, startDate: first!, endDate: last! > latest ? latest : last! };
}

/**
 * Half the cases follow the schemas to the letter (so they reach handlers and the database, with
 * the bounds and lengths the schemas allow), half are made to break them.
 */
function caseArbitrary(path: string, operation: Operation, pathNames: string[]): fc.Arbitrary<Case> {
  const queryParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const query = (valid: boolean) => {
    const parameters = valid
      ? queryParameters.filter((parameter) => !ONLY_FROM_THE_API.has(parameter.name))
      : queryParameters;
    const values = fc.record(
      Object.fromEntries(
        parameters.map((parameter) => [
          parameter.name,
          (valid
            ? validOf(document, parameter.schema ?? {}, idsByName, 0, parameter.name)
            : arbitraryOf(document, parameter.schema ?? {})
          ).map(asQueryValue),
        ]),
      ),
      {
        requiredKeys: valid
          ? parameters
              .filter((parameter) => (parameter as { required?: boolean }).required)
              .map((parameter) => parameter.name)
          : [],
      },
    ) as fc.Arbitrary<Record<string, string>>;
    return valid ? values.map(orderedPeriod) : values;
  };
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  const body = (valid: boolean) =>
    bodySchema
      ? valid
        ? validOf(document, bodySchema, idsByName)
        : arbitraryOf(document, bodySchema)
      : fc.constant(undefined);
  return fc.boolean().chain((valid) =>
    fc.record({
      params: fc.record(
        Object.fromEntries(pathNames.map((name) => [name, paramArbitrary(path, name, valid)])),
      ),
      query: query(valid),
      body: body(valid),
      credentials: fc.constantFrom<Credentials>('right', 'right', 'right', 'session', 'none', 'wrong-kind'),
    }),
  );
}

function headersFor(path: string, credentials: Credentials): Record<string, string> {
  if (credentials === 'none') return {};
  // An owner's staff session: what the console sends, on /v1/auth and /v1/tenant-admin.
  const asStaff = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (credentials === 'session' || path.startsWith('/v1/auth')) {
    return credentials === 'wrong-kind' ? { cookie: 'mais_session=forged' } : asStaff;
  }
  const publicKey = { 'x-tenant-key': tenant.keys.publishable };
  const secretKey = { authorization: `Bearer ${tenant.keys.secret}` };
  if (path.startsWith('/v1/public')) return credentials === 'right' ? publicKey : secretKey;
  if (path.startsWith('/v1/tenant-admin')) return credentials === 'right' ? secretKey : publicKey;
  if (path.startsWith('/v1/platform'))
    return { authorization: `Bearer ${credentials === 'right' ? PLATFORM_TOKEN : tenant.keys.secret}` };
  return {};
}

beforeAll(async () => {
  t = await buildTestApp(
    {
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      PUBLIC_AUTH_FAILURES_PER_MINUTE: '1000000',
    },
    { clock: () => FUZZ_NOW },
  );
  tenant = await createTestTenant(t.db);
  document = t.app.swagger() as unknown as OpenApi;
  // Rows for the fuzzer's ids to find: a service with a provider, a booking, a resource, a location.
  const { serviceId, providerIds } = await bookableService(t.app, tenant);
  const booked = await publicRequest(t.app, tenant, {
    method: 'POST',
    url: '/v1/public/appointments',
    payload: bookingBody(serviceId, '2027-03-04T10:00:00Z'),
  });
  if (booked.statusCode !== 201) throw new Error(`fixture booking: ${booked.statusCode} ${booked.body}`);
  manageToken = booked.json().manageToken;
  const resource = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/resources',
    payload: { name: 'Room', kind: 'room' },
  });
  staffEmail = (await createStaff(t.app, tenant, { role: 'owner' })).email;
  session = await signIn(t.app, staffEmail);
  fixtureIdsByKind
    .set('services', serviceId)
    .set('providers', providerIds[0]!)
    .set('appointments', booked.json().appointment.id)
    .set('resources', resource.json().id);
  // One row of every other kind a path's {id} names, so those handlers find something too.
  const made = async (kind: string, url: string, payload: object) => {
    const response = await admin(t.app, tenant, { method: 'POST', url, payload });
    if (response.statusCode !== 201)
      throw new Error(`fixture ${kind}: ${response.statusCode} ${response.body}`);
    fixtureIdsByKind.set(kind, response.json().id);
  };
  await made('locations', '/v1/tenant-admin/locations', { name: 'Front room' });
  await made('availability-overrides', '/v1/tenant-admin/availability-overrides', {
    providerId: providerIds[0],
    date: '2027-03-10',
    closed: true,
  });
  await made('client-notes', '/v1/tenant-admin/clients/ada%40example.com/notes', {
    body: 'Prefers mornings.',
  });
  await made('webhook-endpoints', '/v1/tenant-admin/webhook-endpoints', {
    url: 'https://studio.example/hooks',
    events: ['appointment.created'],
  });
  await made('api-keys', '/v1/tenant-admin/api-keys', { kind: 'PUBLISHABLE', mode: 'TEST', name: 'Spare' });
  fixtureIdsByKind.set('staff', (await createStaff(t.app, tenant, { role: 'manager' })).id);
  fixtureIds.push(...fixtureIdsByKind.values());
  const tables = await t.db.$queryRaw<Array<{ name: string }>>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  fingerprintSql = tables
    .filter((table) => !NOT_FINGERPRINTED.has(table.name))
    .map(
      (table) =>
        `SELECT '${table.name}' AS name, count(*) AS rows, sum(hashtext(r::text)) AS digest FROM "${table.name}" r`,
    )
    .join(' UNION ALL ');
});
afterAll(async () => {
  const byStatus = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`);
  console.log(
    `fuzz: seed ${SEED}, ${RUNS} runs per operation, ${casesRun} requests (${byStatus.join(', ')}); ` +
      `${neverAccepted.length} operations refused every case: ${neverAccepted.join(', ')}`,
  );
  await t.close();
});

describe(`every operation, fuzzed from its schema (seed ${SEED})`, () => {
  it(
    'never answers 5xx, answers errors in the one shape, and a refused request changes nothing',
    async () => {
      const routes = routesOf(document);
      expect(routes.length).toBeGreaterThan(100);
      let before = await fingerprint();
      for (const route of routes) {
        const [method, path] = route.key.split(' ') as [string, string];
        const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
        let accepted = false;
        const refusals = new Map<string, number>();
        await fc.assert(
          fc.asyncProperty(caseArbitrary(path, route.operation, pathNames), async (request) => {
            const url = path.replace(/\{(\w+)\}/g, (_all, name: string) =>
              percentEncode(request.params[name]!),
            );
            const query = Object.entries(request.query)
              .map(([name, value]) => `${encodeURIComponent(name)}=${percentEncode(value)}`)
              .join('&');
            const body = request.body === undefined ? undefined : JSON.stringify(request.body);
            const response = await t.app.inject({
              method: method as 'GET',
              url: query ? `${url}?${query}` : url,
              headers: {
                ...headersFor(path, request.credentials),
                ...(path.includes('/appointments/{id}') ? { 'x-manage-token': manageToken } : {}),
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(body === undefined ? {} : { payload: body }),
            });
            casesRun += 1;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            if (response.statusCode < 400) accepted = true;
            const where = `${route.key} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, where).toBeLessThan(500);
            expect(response.headers['x-content-type-options'], where).toBe('nosniff');
            expect(['strict-origin-when-cross-origin', 'no-referrer'], where).toContain(
              response.headers['referrer-policy'],
            );
            const after = await fingerprint();
            if (response.statusCode >= 400) {
              const error = response.json().error;
              expect(CATALOGUE.has(error?.code), where).toBe(true);
              expect(typeof error.message, where).toBe('string');
              expect(after, `${where}: a refused request changed the database`).toBe(before);
              const reason = `${response.statusCode} ${error.code}`;
              refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
              if (SHOW_REFUSALS) console.log(`${route.key} ${JSON.stringify(request)} → ${response.body}`);
            }
            before = after;
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        if (!accepted) {
          const reasons = [...refusals].sort(([, a], [, b]) => b - a).map(([reason, n]) => `${reason}×${n}`);
          neverAccepted.push(`${route.key} (${reasons.join(', ')})`);
        }
        // A case may have signed the session out: a fresh one for the next routes.
        if (path.startsWith('/v1/auth')) {
          session = await signIn(t.app, staffEmail);
          before = await fingerprint();
        }
      }
      expect(casesRun).toBeGreaterThanOrEqual(routes.length * RUNS);
    },
    60_000 + RUNS * 10_000,
  );
});
