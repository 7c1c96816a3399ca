import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { connectGoogle, fakeGoogleEnvironment, PUBLIC_URL, type FakeGoogle } from '../helpers/fake-google.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Connecting a provider's Google Calendar: the OAuth dance against the fake Google, its refusals,
// the status route, disconnecting, and where the refresh token must never appear.
// Monday 1 March 2027, 07:00Z.
const START = '2027-03-01T07:00:00Z';
const { clock, read } = testClock(START);
const ADA = 'ada@gmail.example';
let t: TestApp;
let google: FakeGoogle;
let tenant: CreatedTenant;
let other: CreatedTenant;
let providerId: string;
const logLines: string[] = [];

const url = (id = providerId) => `/v1/tenant-admin/providers/${id}/calendar/google`;
const status = async (id = providerId, owner = tenant) =>
  (await admin(t.app, owner, { method: 'GET', url: url(id) })).json();

/** The consent's way back (redirect_uri?code&state), without following it. */
async function consentFor(id = providerId, email = ADA) {
  const started = await admin(t.app, tenant, { method: 'POST', url: url(id) });
  expect(started.statusCode, started.body).toBe(200);
  return new URL(google.consent(started.json().authorizationUrl, { email }));
}
const callback = (back: URL) => t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });

beforeAll(async () => {
  const fake = await fakeGoogleEnvironment(read);
  google = fake.google;
  t = await buildTestApp(fake.env, {
    clock: read,
    logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
  });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ({
    providerIds: [providerId = ''],
  } = await bookableService(t.app, tenant));
});
afterAll(async () => {
  await t.close();
  await google.close();
});
beforeEach(() => {
  clock.now = new Date(START);
});

describe('connecting', () => {
  it('sends the provider to Google’s consent page for offline access to calendar events', async () => {
    const response = await admin(t.app, tenant, { method: 'POST', url: url() });
    expect(response.statusCode).toBe(200);
    const page = new URL(response.json().authorizationUrl);
    expect(`${page.origin}${page.pathname}`).toBe(`${google.url}/auth`);
    expect(Object.fromEntries(page.searchParams)).toMatchObject({
      client_id: google.clientId,
      redirect_uri: `${PUBLIC_URL}/v1/oauth/google/callback`,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      scope: 'https://www.googleapis.com/auth/calendar.events',
      state: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('completes the dance: tokens kept, a channel opened, the calendar read, a page saying so', async () => {
    google.createEvent(ADA, {
      id: 'dentist001',
      start: { dateTime: '2027-03-02T09:00:00Z' },
      end: { dateTime: '2027-03-02T10:00:00Z' },
    });
    const answer = await callback(await consentFor());
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('Google Calendar connected');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");

    expect(await status()).toEqual({
      connected: true,
      status: 'ACTIVE',
      calendarId: 'primary',
      connectedAt: START.replace('Z', '.000Z'),
      lastSyncedAt: START.replace('Z', '.000Z'),
      lastError: null,
      channelExpiresAt: '2027-03-08T07:00:00.000Z',
    });
    const [channel] = google.openChannels();
    expect(channel).toMatchObject({ address: `${PUBLIC_URL}/v1/webhooks/google-calendar`, calendar: ADA });
    const blocks = await t.db.busyBlock.findMany({ where: { providerId } });
    expect(blocks).toMatchObject([{ source: 'GOOGLE', externalId: 'dentist001', summary: null }]);
  });

  it('never shows the refresh token: not in answers, not in the log, not in clear in the database', async () => {
    logLines.length = 0;
    const back = await consentFor();
    const answers = [
      await callback(back),
      await admin(t.app, tenant, { method: 'GET', url: url() }),
      await admin(t.app, tenant, { method: 'POST', url: url() }),
    ];
    const tokens = google.refreshTokens();
    const accessTokens = [...google.state.accessTokens.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    const [dump] = await t.db.$queryRaw<Array<{ text: string }>>`
      SELECT string_agg(c::text, '|') AS text FROM calendar_syncs c`;
    const stored = await t.db.calendarSync.findFirstOrThrow({ where: { providerId } });
    expect(stored.refreshToken).toMatch(/^v1\./);
    const log = logLines.join('');
    expect(log).toContain('/v1/oauth/google/callback?state=[redacted]&code=[redacted]');
    for (const secret of [...tokens, ...accessTokens, back.searchParams.get('code')!]) {
      for (const answer of answers) expect(answer.body).not.toContain(secret);
      expect(dump!.text).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });
});

describe('refusing a callback', () => {
  const syncs = () => t.db.calendarSync.findMany({ where: { providerId } });

  it('refuses a forged state with 400 and stores nothing', async () => {
    const back = await consentFor();
    back.searchParams.set('state', 'forged-state-forged-state-forged-state-forg');
    const before = await syncs();
    const tokenCalls = google.requests.filter((r) => r.path === '/token').length;
    const answer = await callback(back);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('invalid_oauth_state');
    expect(await syncs()).toEqual(before);
    expect(google.requests.filter((r) => r.path === '/token')).toHaveLength(tokenCalls);
  });

  it('refuses a state used before and one over ten minutes old', async () => {
    const back = await consentFor();
    expect((await callback(back)).statusCode).toBe(200);
    const again = await callback(back);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_oauth_state');

    const late = await consentFor();
    clock.tick(10);
    const before = await syncs();
    const expired = await callback(late);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('invalid_oauth_state');
    expect(await syncs()).toEqual(before);
  });

  it('answers 400 oauth_denied when the provider says no', async () => {
    const started = await admin(t.app, tenant, { method: 'POST', url: url() });
    const back = new URL(google.consent(started.json().authorizationUrl, { email: ADA, deny: true }));
    const answer = await callback(back);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('oauth_denied');
  });
});

describe('access', () => {
  it('answers 404 for another tenant’s provider, 401 without a key, 403 with a publishable key', async () => {
    for (const method of ['POST', 'GET', 'DELETE'] as const) {
      const response = await admin(t.app, other, { method, url: url() });
      expect(response.statusCode, method).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect((await t.app.inject({ method, url: url() })).statusCode).toBe(401);
      const publishable = await t.app.inject({
        method,
        url: url(),
        headers: { authorization: `Bearer ${tenant.keys.publishable}` },
      });
      expect(publishable.statusCode).toBe(403);
    }
    expect((await t.db.calendarOAuthState.findMany({ where: { tenantId: other.tenant.id } })).length).toBe(0);
  });

  it('shows a provider that never connected as DISCONNECTED', async () => {
    const { providerIds } = await bookableService(t.app, tenant);
    expect(await status(providerIds[0])).toMatchObject({
      connected: false,
      status: 'DISCONNECTED',
      calendarId: null,
    });
  });
});

describe('disconnecting', () => {
  it('stops the channel, revokes the token at Google, forgets tokens and busy times', async () => {
    const { providerIds } = await bookableService(t.app, tenant);
    const id = providerIds[0]!;
    const bo = 'bo@gmail.example';
    google.createEvent(bo, {
      id: 'bobbus0001',
      start: { dateTime: '2027-03-02T09:00:00Z' },
      end: { dateTime: '2027-03-02T10:00:00Z' },
    });
    expect((await connectGoogle(t.app, tenant, id, google, bo)).statusCode).toBe(200);
    expect(await t.db.busyBlock.count({ where: { providerId: id } })).toBe(1);
    const grant = [...google.state.grants.values()].find((g) => g.email === bo)!;

    const response = await admin(t.app, tenant, { method: 'DELETE', url: url(id) });
    expect(response.statusCode).toBe(204);
    expect(grant.revoked).toBe(true);
    expect(google.openChannels().filter((c) => c.calendar === bo)).toEqual([]);
    expect(await status(id)).toMatchObject({
      connected: false,
      status: 'DISCONNECTED',
      channelExpiresAt: null,
    });
    const row = await t.db.calendarSync.findFirstOrThrow({ where: { providerId: id } });
    expect(row).toMatchObject({ refreshToken: null, accessToken: null, syncToken: null, channelId: null });
    expect(await t.db.busyBlock.count({ where: { providerId: id } })).toBe(0);
    expect((await admin(t.app, tenant, { method: 'DELETE', url: url(id) })).statusCode).toBe(204);
  });
});

describe('the tenant setting', () => {
  it('invites clients only when calendarInviteClients is on (off by default)', async () => {
    expect(
      (await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/tenant' })).json(),
    ).toMatchObject({
      calendarInviteClients: false,
    });
    const patched = await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { calendarInviteClients: true },
    });
    expect(patched.json()).toMatchObject({ calendarInviteClients: true });
    await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { calendarInviteClients: false },
    });
  });
});

describe('without Google on the platform', () => {
  it('answers 409 calendar_not_configured, and still shows the status', async () => {
    const bare = await buildTestApp();
    try {
      const owner = await createTestTenant(bare.db);
      const { providerIds } = await bookableService(bare.app, owner);
      const start = await admin(bare.app, owner, { method: 'POST', url: url(providerIds[0]) });
      expect(start.statusCode).toBe(409);
      expect(start.json().error.code).toBe('calendar_not_configured');
      const read = await admin(bare.app, owner, { method: 'GET', url: url(providerIds[0]) });
      expect(read.json()).toMatchObject({ status: 'DISCONNECTED' });
      const back = await bare.app.inject({
        method: 'GET',
        url: '/v1/oauth/google/callback?state=abc&code=def',
      });
      expect(back.statusCode).toBe(409);
    } finally {
      await bare.close();
    }
  });
});
