import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { testClock } from '../helpers/booking-fixtures.ts';
import {
  connectQuickBooks,
  fakeQuickBooksEnvironment,
  PUBLIC_URL,
  type FakeQuickBooks,
} from '../helpers/fake-quickbooks.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Connecting a tenant's QuickBooks Online company (issue 11) against the fake Intuit, through the
// routes: the single-use state, sealed tokens, status, disconnect and the backfill request.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
const REALM = '9130350000000001';
let t: TestApp;
let quickbooks: FakeQuickBooks;
let tenant: CreatedTenant;
const log: string[] = [];

beforeAll(async () => {
  const fake = await fakeQuickBooksEnvironment(read);
  quickbooks = fake.quickbooks;
  t = await buildTestApp(fake.env, {
    clock: read,
    logger: { level: 'trace', stream: { write: (line: string) => void log.push(line) } },
  });
});
afterAll(async () => {
  await t.close();
  await quickbooks.close();
});
beforeEach(async () => {
  clock.now = new Date('2027-03-01T07:00:00Z');
  tenant = await createTestTenant(t.db);
});

const status = async (owner = tenant) =>
  (await admin(t.app, owner, { method: 'GET', url: '/v1/tenant-admin/quickbooks' })).json();
const start = async () =>
  new URL(
    (await admin(t.app, tenant, { method: 'POST', url: '/v1/tenant-admin/quickbooks/connect' })).json()
      .authorizationUrl,
  );
const callback = (back: string) => {
  const url = new URL(back);
  return t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
};

describe('connecting QuickBooks', () => {
  it('answers Intuit’s authorize page for the accounting scope, with a state and our callback', async () => {
    const url = await start();
    expect(`${url.origin}${url.pathname}`).toBe(`${quickbooks.url}/authorize`);
    expect(url.searchParams.get('client_id')).toBe(quickbooks.clientId);
    expect(url.searchParams.get('scope')).toBe('com.intuit.quickbooks.accounting');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/v1/oauth/quickbooks/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
  });

  it('stores the company and the tokens sealed; no token, code or state in clear in the database or the log', async () => {
    const authorizationUrl = await start();
    const back = new URL(quickbooks.consent(authorizationUrl.toString(), { realmId: REALM }));
    const response = await callback(back.toString());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(await status()).toMatchObject({ connected: true, status: 'ACTIVE', realmId: REALM, failures: 0 });
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({ where: { tenantId: tenant.tenant.id } });
    expect(row.refreshToken).toMatch(/^v1\./);
    expect(row.accessToken).toMatch(/^v1\./);
    const stored = JSON.stringify(await t.db.$queryRaw`SELECT * FROM quickbooks_connections`);
    const secrets = [
      ...quickbooks.refreshTokens(),
      ...quickbooks.accessTokens(),
      back.searchParams.get('code')!,
      back.searchParams.get('state')!,
    ];
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
      expect(log.join('\n')).not.toContain(secret);
    }
    expect(log.join('\n')).toContain('/v1/oauth/quickbooks/callback?');
  });

  it('refuses a used, forged or expired state (400 invalid_oauth_state) and stores nothing', async () => {
    const back = quickbooks.consent((await start()).toString(), { realmId: REALM });
    expect((await callback(back)).statusCode).toBe(200);
    const again = await callback(back);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_oauth_state');

    const forged = new URL(quickbooks.consent((await start()).toString(), { realmId: '42' }));
    forged.searchParams.set('state', 'not-a-state-we-issued');
    expect((await callback(forged.toString())).json().error.code).toBe('invalid_oauth_state');

    const late = quickbooks.consent((await start()).toString(), { realmId: '42' });
    clock.now = new Date('2027-03-01T07:11:00Z');
    const expired = await callback(late);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('invalid_oauth_state');
    expect(await status()).toMatchObject({ realmId: REALM });
  });

  it('answers 400 oauth_denied when the admin declines, and a bad query 400', async () => {
    const declined = await callback(quickbooks.consent((await start()).toString(), { deny: true }));
    expect(declined.statusCode).toBe(400);
    expect(declined.json().error.code).toBe('oauth_denied');
    expect(await status()).toMatchObject({ connected: false, status: 'DISCONNECTED', realmId: null });
    for (const query of ['state=%00', 'state=ok&realmId=12a', 'state=ok&code=%F0%9F%98%80', '']) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/oauth/quickbooks/callback?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('disconnects: revoked at Intuit, tokens forgotten; 204 again when none', async () => {
    await connectQuickBooks(t.app, tenant, quickbooks, '777');
    const deleted = await admin(t.app, tenant, { method: 'DELETE', url: '/v1/tenant-admin/quickbooks' });
    expect(deleted.statusCode).toBe(204);
    expect(quickbooks.requests.at(-1)).toMatchObject({ method: 'POST', path: '/revoke', status: 200 });
    expect([...quickbooks.state.grants.values()].filter((g) => g.realmId === '777' && !g.revoked)).toEqual(
      [],
    );
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({ where: { tenantId: tenant.tenant.id } });
    expect(row).toMatchObject({ status: 'DISCONNECTED', refreshToken: null, accessToken: null });
    expect(await status()).toMatchObject({ connected: false, status: 'DISCONNECTED', realmId: null });
    const again = await admin(t.app, tenant, { method: 'DELETE', url: '/v1/tenant-admin/quickbooks' });
    expect(again.statusCode).toBe(204);
  });

  it('leaves another tenant’s connection alone', async () => {
    const other = await createTestTenant(t.db);
    await connectQuickBooks(t.app, other, quickbooks, '555');
    await connectQuickBooks(t.app, tenant, quickbooks, '556');
    await admin(t.app, tenant, { method: 'DELETE', url: '/v1/tenant-admin/quickbooks' });
    expect(await status(other)).toMatchObject({ connected: true, realmId: '555' });
    expect(await status()).toMatchObject({ connected: false });
  });
});

describe('POST /v1/tenant-admin/quickbooks/sync', () => {
  const sync = (payload: unknown) =>
    admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/quickbooks/sync',
      payload: payload as object,
    });

  it('queues a backfill of the period’s days in the tenant zone (widening one still waiting)', async () => {
    expect((await sync({ startDate: '2027-01-01', endDate: '2027-01-31' })).json().error.code).toBe(
      'invalid_state',
    );
    await connectQuickBooks(t.app, tenant, quickbooks, REALM);
    const queued = await sync({ startDate: '2027-01-01', endDate: '2027-01-31' });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toEqual({ startDate: '2027-01-01', endDate: '2027-01-31', queued: true });
    await sync({ startDate: '2026-12-15', endDate: '2027-01-10' });
    const row = await t.db.quickBooksConnection.findUniqueOrThrow({ where: { tenantId: tenant.tenant.id } });
    // Europe/Berlin: local midnights.
    expect(row.backfillFrom?.toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(row.backfillTo?.toISOString()).toBe('2027-01-31T23:00:00.000Z');
    expect(await status()).toMatchObject({ backfillWaiting: true });
  });

  it('refuses bad periods with 400', async () => {
    await connectQuickBooks(t.app, tenant, quickbooks, REALM);
    for (const body of [
      { startDate: '2027-02-01', endDate: '2027-01-01' },
      { startDate: '2027-02-30', endDate: '2027-03-01' },
      { startDate: '2020-01-01', endDate: '2027-01-01' },
      { startDate: '2027-01-01\u0000', endDate: '2027-01-02' },
      { startDate: '2027-01-01', endDate: '2027-01-02', extra: 1 },
      { startDate: '99999-01-01', endDate: '2027-01-02' },
    ]) {
      const response = await sync(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('without an Intuit app', () => {
  it('answers 409 quickbooks_not_configured', async () => {
    const bare = await buildTestApp({});
    try {
      const owner = await createTestTenant(bare.db);
      for (const request of [
        { method: 'POST' as const, url: '/v1/tenant-admin/quickbooks/connect' },
        {
          method: 'POST' as const,
          url: '/v1/tenant-admin/quickbooks/sync',
          payload: { startDate: '2027-01-01', endDate: '2027-01-02' },
        },
      ]) {
        const response = await admin(bare.app, owner, request);
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('quickbooks_not_configured');
      }
      const state = await admin(bare.app, owner, { method: 'GET', url: '/v1/tenant-admin/quickbooks' });
      expect(state.json()).toMatchObject({ connected: false, status: 'DISCONNECTED' });
    } finally {
      await bare.close();
    }
  });
});
