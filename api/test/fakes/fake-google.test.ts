import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from '../../../test/fakes/google/index.ts';

/**
 * The fake Google (OAuth and Calendar v3), driven by the real @googleapis/calendar client and its
 * OAuth2 client as our calendar sync drives them. The fake's clock moves only when a test moves it.
 */

const START = Date.parse('2027-03-01T08:00:00Z');
const REDIRECT = 'https://book.example/v1/oauth/google/callback';
const ADA = 'ada@gmail.example';
let nowMs = START;
let fake: FakeGoogle;

function oauthClient() {
  return new auth.OAuth2({
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    redirectUri: REDIRECT,
    forceRefreshOnFailure: true,
    endpoints: {
      oauth2AuthBaseUrl: `${fake.url}/auth`,
      oauth2TokenUrl: `${fake.url}/token`,
      oauth2RevokeUrl: `${fake.url}/revoke`,
    },
  });
}

/** Consent as Ada, then a Calendar client with her refresh token (and its first access token). */
async function connect(email = ADA) {
  const consenting = oauthClient();
  const url = consenting.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: ['https://www.googleapis.com/auth/calendar.events'],
    state: 'the-state',
  });
  const back = new URL(fake.consent(url, { email }));
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('the-state');
  const { tokens } = await consenting.getToken(back.searchParams.get('code')!);
  const client = oauthClient();
  client.setCredentials(tokens);
  return {
    tokens,
    client,
    api: calendar({ version: 'v3', rootUrl: fake.apiRoot, auth: client, retry: false }),
  };
}

async function failure(call: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; response?: { status: number; data: unknown } } | undefined;
  expect(error?.response, 'the call should have failed').toBeDefined();
  return { status: error!.response!.status, data: error!.response!.data };
}

const event = (id: string | undefined, start: string, end: string): calendar_v3.Schema$Event => ({
  ...(id ? { id } : {}),
  summary: 'Meeting',
  start: { dateTime: start },
  end: { dateTime: end },
});

beforeAll(async () => {
  fake = await startFakeGoogle({ now: () => new Date(nowMs) });
});
beforeEach(() => {
  fake.clear();
  nowMs = START;
});
afterAll(() => fake.close());

describe('OAuth', () => {
  it('exchanges a consent’s code once for a refresh and an access token', async () => {
    const { tokens } = await connect();
    expect(tokens.refresh_token).toMatch(/^1\/\/0g/);
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(fake.refreshTokens()).toEqual([tokens.refresh_token]);
  });

  it('refuses a used or expired code with invalid_grant', async () => {
    const client = oauthClient();
    const url = client.generateAuthUrl({ access_type: 'offline', scope: ['x'], state: 's' });
    const code = new URL(fake.consent(url, { email: ADA })).searchParams.get('code')!;
    await client.getToken(code);
    expect((await failure(client.getToken(code))).data).toMatchObject({ error: 'invalid_grant' });
    const late = new URL(fake.consent(url, { email: ADA })).searchParams.get('code')!;
    nowMs += 11 * 60_000;
    expect((await failure(client.getToken(late))).data).toMatchObject({ error: 'invalid_grant' });
  });

  it('sends a person who cancels back with error=access_denied', () => {
    const url = oauthClient().generateAuthUrl({ scope: ['x'], state: 's' });
    const back = new URL(fake.consent(url, { email: ADA, deny: true }));
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('refreshes an expired access token, and answers invalid_grant once access is revoked', async () => {
    const { api, client } = await connect();
    nowMs += 2 * 3600_000; // the access token has expired on the fake's clock
    // The client still believes it valid (real clock): the 401 makes it refresh and retry.
    expect((await api.events.list({ calendarId: 'primary' })).status).toBe(200);
    fake.revokeAccess(ADA);
    const refused = await failure(api.events.list({ calendarId: 'primary' }));
    expect(refused).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
    expect((await failure(client.refreshAccessToken())).data).toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes a refresh token with its access tokens at /revoke', async () => {
    const { api, client, tokens } = await connect();
    await client.revokeToken(tokens.refresh_token!);
    expect((await failure(api.events.list({ calendarId: 'primary' }))).data).toMatchObject({
      error: 'invalid_grant',
    });
    expect((await failure(client.revokeToken(tokens.refresh_token!))).status).toBe(400);
  });
});

describe('events', () => {
  it('inserts under our id, refuses that id again with 409, gets, patches and deletes', async () => {
    const { api } = await connect();
    const id = 'mais0123456789abcdef0123456789abcdef';
    const created = await api.events.insert({
      calendarId: 'primary',
      requestBody: {
        ...event(id, '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'),
        extendedProperties: { private: { maisAppointmentId: 'a-1' } },
      },
    });
    expect(created.data).toMatchObject({ id, status: 'confirmed', organizer: { email: ADA, self: true } });
    const again = await failure(
      api.events.insert({
        calendarId: 'primary',
        requestBody: event(id, '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'),
      }),
    );
    expect(again).toMatchObject({ status: 409, data: { error: { errors: [{ reason: 'duplicate' }] } } });

    await api.events.patch({
      calendarId: 'primary',
      eventId: id,
      requestBody: { start: { dateTime: '2027-03-03T11:00:00Z' }, end: { dateTime: '2027-03-03T12:00:00Z' } },
    });
    const read = await api.events.get({ calendarId: ADA, eventId: id });
    expect(read.data.start?.dateTime).toBe('2027-03-03T11:00:00Z');
    expect(read.data.extendedProperties?.private).toEqual({ maisAppointmentId: 'a-1' });

    expect((await api.events.delete({ calendarId: 'primary', eventId: id })).status).toBe(204);
    expect((await failure(api.events.delete({ calendarId: 'primary', eventId: id }))).status).toBe(410);
    expect(fake.event(ADA, id)?.status).toBe('cancelled');
    // A deleted id still exists: insert is 409, and a patch with status confirmed restores it.
    expect((await failure(api.events.insert({ calendarId: 'primary', requestBody: read.data }))).status).toBe(
      409,
    );
    await api.events.patch({ calendarId: 'primary', eventId: id, requestBody: { status: 'confirmed' } });
    expect(fake.event(ADA, id)?.status).toBe('confirmed');
    expect((await failure(api.events.get({ calendarId: 'primary', eventId: 'maisunknown0' }))).status).toBe(
      404,
    );
  });

  it('refuses ids outside base32hex, other calendars and bad credentials', async () => {
    const { api } = await connect();
    const badId = await failure(
      api.events.insert({
        calendarId: 'primary',
        requestBody: event('Not-Valid', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'),
      }),
    );
    expect(badId.status).toBe(400);
    expect((await failure(api.events.list({ calendarId: 'someone@else.example' }))).status).toBe(404);
    const stranger = calendar({ version: 'v3', rootUrl: fake.apiRoot, auth: 'not-a-token', retry: false });
    expect((await failure(stranger.events.list({ calendarId: 'primary' }))).status).toBe(401);
  });

  it('fails a request when told to, once, doing nothing', async () => {
    const { api } = await connect();
    fake.failNext('POST /calendar/v3/calendars/*/events');
    const first = await failure(
      api.events.insert({
        calendarId: 'primary',
        requestBody: event('maisfault01', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'),
      }),
    );
    expect(first.status).toBe(500);
    expect(fake.event(ADA, 'maisfault01')).toBeUndefined();
    await api.events.insert({
      calendarId: 'primary',
      requestBody: event('maisfault01', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'),
    });
    expect(fake.event(ADA, 'maisfault01')).toBeDefined();
  });
});

describe('listing and sync tokens', () => {
  it('lists a window with recurring events expanded, in pages, then only changes', async () => {
    const { api } = await connect();
    fake.createEvent(ADA, event('inside0001', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'));
    fake.createEvent(ADA, event('outside001', '2027-06-03T09:00:00Z', '2027-06-03T10:00:00Z'));
    fake.createEvent(ADA, {
      ...event('series0001', '2027-03-01T14:00:00Z', '2027-03-01T15:00:00Z'),
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE'],
    });
    fake.createEvent(ADA, { id: 'alldate001', start: { date: '2027-03-05' }, end: { date: '2027-03-06' } });

    const window = { timeMin: '2027-03-01T00:00:00Z', timeMax: '2027-03-15T00:00:00Z' };
    const first = await api.events.list({
      calendarId: 'primary',
      singleEvents: true,
      maxResults: 3,
      ...window,
    });
    expect(first.data.nextSyncToken).toBeUndefined();
    const second = await api.events.list({ calendarId: 'primary', pageToken: first.data.nextPageToken! });
    const ids = [...first.data.items!, ...second.data.items!].map((e) => e.id);
    // Mondays and Wednesdays 1–14 March: the 1st, 3rd, 8th, 10th.
    expect(ids.sort()).toEqual(
      [
        'alldate001',
        'inside0001',
        'series0001_20270301T140000Z',
        'series0001_20270303T140000Z',
        'series0001_20270308T140000Z',
        'series0001_20270310T140000Z',
      ].sort(),
    );
    expect(second.data.items!.find((e) => e.recurringEventId)?.recurringEventId ?? 'series0001').toBe(
      'series0001',
    );
    const syncToken = second.data.nextSyncToken!;
    expect(syncToken).toBeDefined();

    fake.deleteEvent(ADA, 'inside0001');
    fake.deleteEvent(ADA, 'series0001_20270308T140000Z');
    fake.patchEvent(ADA, 'outside001', { summary: 'Renamed' });
    const changes = await api.events.list({ calendarId: 'primary', singleEvents: true, syncToken });
    const changed = changes.data.items!.map((e) => `${e.id}:${e.status}`);
    expect(changed).toContain('inside0001:cancelled');
    expect(changed).toContain('series0001_20270308T140000Z:cancelled');
    expect(changed).toContain('series0001_20270310T140000Z:confirmed');
    expect(changed).toContain('outside001:confirmed');
    expect(changed).not.toContain('alldate001:confirmed');

    const none = await api.events.list({ calendarId: 'primary', syncToken: changes.data.nextSyncToken! });
    expect(none.data.items).toEqual([]);
  });

  it('answers 410 to a sync token it invalidated, and refuses a window with a sync token', async () => {
    const { api } = await connect();
    const full = await api.events.list({ calendarId: 'primary', singleEvents: true });
    const syncToken = full.data.nextSyncToken!;
    const mixed = await failure(
      api.events.list({ calendarId: 'primary', syncToken, timeMin: '2027-03-01T00:00:00Z' }),
    );
    expect(mixed.status).toBe(400);
    fake.invalidateSyncTokens();
    const gone = await failure(api.events.list({ calendarId: 'primary', syncToken }));
    expect(gone).toMatchObject({
      status: 410,
      data: { error: { errors: [{ reason: 'fullSyncRequired' }] } },
    });
  });
});

describe('push channels', () => {
  it('sends sync on watch and exists on each change, with the channel’s token, until stopped', async () => {
    const { api } = await connect();
    const watched = await api.events.watch({
      calendarId: 'primary',
      requestBody: {
        id: 'channel-1',
        type: 'web_hook',
        address: 'https://book.example/hook',
        token: 'secret',
        params: { ttl: '3600' },
      },
    });
    expect(watched.data).toMatchObject({ id: 'channel-1', expiration: String(START + 3600_000) });
    fake.createEvent(ADA, event('dentist001', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'));

    const seen: Array<Record<string, string>> = [];
    const deliveries = await fake.deliverNotifications(async (address, headers) => {
      expect(address).toBe('https://book.example/hook');
      seen.push(headers);
      return 200;
    });
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(seen.map((h) => [h['X-Goog-Resource-State'], h['X-Goog-Message-Number']])).toEqual([
      ['sync', '1'],
      ['exists', '2'],
    ]);
    expect(seen[0]).toMatchObject({ 'X-Goog-Channel-ID': 'channel-1', 'X-Goog-Channel-Token': 'secret' });

    await api.channels.stop({ requestBody: { id: 'channel-1', resourceId: watched.data.resourceId! } });
    expect(
      (
        await failure(
          api.channels.stop({ requestBody: { id: 'channel-1', resourceId: watched.data.resourceId! } }),
        )
      ).status,
    ).toBe(404);
    fake.createEvent(ADA, event('dentist002', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z'));
    expect(fake.pendingNotifications).toEqual([]);
  });

  it('stops notifying once a channel expires', async () => {
    const { api } = await connect();
    await api.events.watch({
      calendarId: 'primary',
      requestBody: {
        id: 'channel-2',
        type: 'web_hook',
        address: 'https://book.example/hook',
        params: { ttl: '60' },
      },
    });
    await fake.deliverNotifications(async () => 200);
    nowMs += 61_000;
    fake.createEvent(ADA, event('late000001', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'));
    expect(fake.pendingNotifications).toEqual([]);
    expect(fake.openChannels()).toEqual([]);
  });
});
