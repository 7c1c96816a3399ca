import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { calendarJobs } from '../helpers/calendar-jobs.ts';
import { connectGoogle, fakeGoogleEnvironment, viaApp, type FakeGoogle } from '../helpers/fake-google.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Google to ours: a provider's own events become busy time (through push notifications, the
// calendar.sync job and the poll), against the fake Google. The provider works 09:00–17:00 Berlin,
// 08:00Z–16:00Z in March (60-minute slots 08:00Z … 15:00Z). Monday 1 March 2027, 07:00Z.
const START = '2027-03-01T07:00:00Z';
const { clock, read } = testClock(START);
const ADA = 'ada@gmail.example';
let t: TestApp;
let google: FakeGoogle;
let tenant: CreatedTenant;
let serviceId: string;
let providerId: string;
let jobs: ReturnType<typeof calendarJobs>;

const { startsOn, book } = bookingRequests(() => ({ app: t.app, tenant }));
const notify = () => google.deliverNotifications(viaApp(t.app));
const status = async (id = providerId) =>
  (
    await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/providers/${id}/calendar/google` })
  ).json();
const timed = (id: string, start: string, end: string, extra: object = {}) => ({
  id,
  summary: 'Private',
  start: { dateTime: start },
  end: { dateTime: end },
  ...extra,
});
const listings = () => google.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events'));
const webhook = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/v1/webhooks/google-calendar', headers });

beforeAll(async () => {
  const fake = await fakeGoogleEnvironment(read);
  google = fake.google;
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  ({
    serviceId,
    providerIds: [providerId = ''],
  } = await bookableService(t.app, tenant));
  expect((await connectGoogle(t.app, tenant, providerId, google, ADA)).statusCode).toBe(200);
  expect((await notify()).map((d) => d.status)).toEqual([200]); // the channel's `sync` message
  jobs = calendarJobs(t, read);
});
afterAll(async () => {
  await t.close();
  await google.close();
});
beforeEach(() => {
  clock.now = new Date(START);
  jobs.sent.length = 0;
});

describe('a provider’s own events', () => {
  it('take their time away through a push notification, and give it back when deleted', async () => {
    expect(await startsOn(serviceId, '2027-03-02')).toContain('09:00');
    google.createEvent(ADA, timed('dentist001', '2027-03-02T09:00:00Z', '2027-03-02T10:30:00Z'));
    expect((await notify()).map((d) => d.status)).toEqual([200]);
    const starts = await startsOn(serviceId, '2027-03-02');
    expect(starts).not.toContain('09:00');
    expect(starts).not.toContain('10:00');
    expect(starts).toContain('11:00');

    google.deleteEvent(ADA, 'dentist001');
    await notify();
    expect(await startsOn(serviceId, '2027-03-02')).toContain('09:00');
    expect(await startsOn(serviceId, '2027-03-02')).toContain('10:00');
  });

  it('move when moved', async () => {
    google.createEvent(ADA, timed('movable001', '2027-03-03T09:00:00Z', '2027-03-03T10:00:00Z'));
    await notify();
    google.patchEvent(ADA, 'movable001', {
      start: { dateTime: '2027-03-03T13:00:00Z' },
      end: { dateTime: '2027-03-03T14:00:00Z' },
    });
    await notify();
    const starts = await startsOn(serviceId, '2027-03-03');
    expect(starts).toContain('09:00');
    expect(starts).not.toContain('13:00');
  });

  it('block a whole day in the provider’s zone when all-day', async () => {
    google.createEvent(ADA, { id: 'closed0001', start: { date: '2027-03-04' }, end: { date: '2027-03-05' } });
    await notify();
    expect(await startsOn(serviceId, '2027-03-04')).toEqual([]);
    expect(await startsOn(serviceId, '2027-03-05')).toContain('08:00');
    const [block] = await t.db.busyBlock.findMany({ where: { externalId: 'closed0001' } });
    expect([block?.startTimeUtc.toISOString(), block?.endTimeUtc.toISOString()]).toEqual([
      '2027-03-03T23:00:00.000Z',
      '2027-03-04T23:00:00.000Z',
    ]);
  });

  it('leave time free when declined, shown as available, or cancelled', async () => {
    google.createEvent(
      ADA,
      timed('declined01', '2027-03-08T09:00:00Z', '2027-03-08T10:00:00Z', {
        attendees: [
          { email: 'boss@corp.example', organizer: true, responseStatus: 'accepted' },
          { email: ADA, self: true, responseStatus: 'declined' },
        ],
      }),
    );
    google.createEvent(
      ADA,
      timed('freetime01', '2027-03-08T11:00:00Z', '2027-03-08T12:00:00Z', { transparency: 'transparent' }),
    );
    google.createEvent(ADA, timed('cancel0001', '2027-03-08T13:00:00Z', '2027-03-08T14:00:00Z'));
    await notify();
    expect(await startsOn(serviceId, '2027-03-08')).not.toContain('13:00');
    google.patchEvent(ADA, 'cancel0001', { status: 'cancelled' });
    await notify();
    const starts = await startsOn(serviceId, '2027-03-08');
    for (const free of ['09:00', '11:00', '13:00']) expect(starts).toContain(free);
    expect(
      await t.db.busyBlock.count({
        where: { externalId: { in: ['declined01', 'freetime01', 'cancel0001'] } },
      }),
    ).toBe(0);
  });

  it('repeat as their recurring instances, inside the sync window only', async () => {
    google.createEvent(ADA, {
      ...timed('standup001', '2027-03-09T10:00:00Z', '2027-03-09T11:00:00Z'),
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
    });
    await notify();
    for (const tuesday of ['2027-03-09', '2027-03-16', '2027-04-27']) {
      expect(await startsOn(serviceId, tuesday), tuesday).not.toContain('10:00');
    }
    expect(await startsOn(serviceId, '2027-03-10')).toContain('10:00');
    const blocks = await t.db.busyBlock.findMany({ where: { externalId: { startsWith: 'standup001_' } } });
    const last = blocks
      .map((b) => b.startTimeUtc.getTime())
      .sort()
      .at(-1)!;
    // Now + 60 days (the services' booking window) + 1: nothing beyond 1 May 2027 07:00Z, so the
    // Tuesdays 9 March to 27 April.
    expect(last).toBeLessThan(Date.parse('2027-05-01T07:00:00Z'));
    expect(blocks.length).toBe(8);
  });

  it('are not our own bookings’ events coming back', async () => {
    const response = await book(bookingBody(serviceId, '2027-03-10T09:00:00Z'));
    const id = response.json().appointment.id as string;
    await jobs.settle(); // pushed to Google, which notifies the channel
    expect(google.events(ADA).some((e) => e.extendedProperties?.private?.maisAppointmentId === id)).toBe(
      true,
    );
    await notify();
    expect(await t.db.busyBlock.count({ where: { externalId: `mais${id.replace(/-/g, '')}` } })).toBe(0);
  });

  it('are all read when they fill several pages', async () => {
    for (let i = 0; i < 300; i++) {
      const day = String(20 + (i % 10)).padStart(2, '0');
      const start = `2027-04-${day}T${String(8 + (Math.floor(i / 10) % 8)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}:00Z`;
      google.createEvent(
        ADA,
        timed(
          `bulk${String(i).padStart(6, '0')}`,
          start,
          new Date(Date.parse(start) + 15 * 60_000).toISOString(),
        ),
      );
    }
    await notify();
    expect(await t.db.busyBlock.count({ where: { externalId: { startsWith: 'bulk' } } })).toBe(300);
  });
});

describe('syncing', () => {
  it('lists everything again when Google expired the sync token (410)', async () => {
    google.createEvent(ADA, timed('before0001', '2027-03-11T09:00:00Z', '2027-03-11T10:00:00Z'));
    await notify();
    google.invalidateSyncTokens();
    // Changes the incremental listing can no longer give: one deleted, one new.
    google.deleteEvent(ADA, 'before0001');
    google.createEvent(ADA, timed('after00001', '2027-03-11T13:00:00Z', '2027-03-11T14:00:00Z'));
    const before = listings().length;
    const statuses = await notify();
    expect(statuses.every((d) => d.status === 200)).toBe(true);
    // Two notifications: the first sync meets the 410 and lists the window (in pages, after the
    // bulk test), the second goes on from the new token.
    const [expired, full, ...rest] = listings().slice(before);
    expect([expired?.status, expired?.query.syncToken === undefined]).toEqual([410, false]);
    expect(full).toMatchObject({
      status: 200,
      query: { singleEvents: 'true', showDeleted: 'false', timeMin: expect.any(String) },
    });
    expect(rest.map((r) => r.status).every((code) => code === 200)).toBe(true);
    expect(rest.at(-1)?.query.syncToken).toBeDefined();
    const starts = await startsOn(serviceId, '2027-03-11');
    expect(starts).toContain('09:00');
    expect(starts).not.toContain('13:00');
    expect(await t.db.busyBlock.count({ where: { externalId: 'before0001' } })).toBe(0);
  });

  it('catches up through the 15-minute poll when a notification was lost', async () => {
    google.createEvent(ADA, timed('unnoticed1', '2027-03-12T09:00:00Z', '2027-03-12T10:00:00Z'));
    google.pendingNotifications.length = 0; // lost on the way
    expect(await startsOn(serviceId, '2027-03-12')).toContain('09:00');
    await jobs.run('calendar.poll');
    expect(jobs.sent).toEqual([
      {
        queue: 'calendar.sync',
        data: { tenantId: tenant.tenant.id, providerId },
        options: { singletonKey: `${tenant.tenant.id}:${providerId}` },
      },
    ]);
    await jobs.drain();
    expect(await startsOn(serviceId, '2027-03-12')).not.toContain('09:00');
    expect((await status()).lastSyncedAt).toBe(read().toISOString());
  });
});

describe('push notifications', () => {
  it('refuses a wrong token (401) and an unknown channel (404), syncing nothing', async () => {
    const channel = google.openChannels().find((c) => c.calendar === ADA)!;
    google.createEvent(ADA, timed('spoofed001', '2027-03-15T09:00:00Z', '2027-03-15T10:00:00Z'));
    google.pendingNotifications.length = 0;
    const before = listings().length;
    const wrongToken = await webhook({
      'x-goog-channel-id': channel.id,
      'x-goog-channel-token': 'not-the-token',
      'x-goog-resource-state': 'exists',
    });
    expect(wrongToken.statusCode).toBe(401);
    expect(wrongToken.json().error.code).toBe('invalid_channel_token');
    const noToken = await webhook({ 'x-goog-channel-id': channel.id, 'x-goog-resource-state': 'exists' });
    expect(noToken.statusCode).toBe(401);
    const unknown = await webhook({
      'x-goog-channel-id': '00000000-0000-4000-8000-000000000000',
      'x-goog-channel-token': channel.token!,
      'x-goog-resource-state': 'exists',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    expect(listings()).toHaveLength(before);
    expect(await t.db.busyBlock.count({ where: { externalId: 'spoofed001' } })).toBe(0);
  });

  it('acknowledges a sync message without listing, and answers 503 when Google fails', async () => {
    const channel = google.openChannels().find((c) => c.calendar === ADA)!;
    const headers = { 'x-goog-channel-id': channel.id, 'x-goog-channel-token': channel.token! };
    const before = listings().length;
    const sync = await webhook({ ...headers, 'x-goog-resource-state': 'sync' });
    expect([sync.statusCode, sync.json()]).toEqual([200, { received: true }]);
    expect(listings()).toHaveLength(before);
    google.failNext('GET /calendar/v3/calendars/*/events', 503);
    const failed = await webhook({ ...headers, 'x-goog-resource-state': 'exists' });
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['retry-after']).toBe('30');
    expect((await status()).lastError).toMatch(/503/);
    const retried = await webhook({ ...headers, 'x-goog-resource-state': 'exists' });
    expect(retried.statusCode).toBe(200);
    expect((await status()).lastError).toBeNull();
  });
});

describe('channels', () => {
  it('are renewed a day before they expire, the old one stopped', async () => {
    const [old] = google.openChannels().filter((c) => c.calendar === ADA);
    expect(old).toBeDefined();
    await jobs.run('calendar.renew-channels');
    expect(google.openChannels().filter((c) => c.calendar === ADA)).toEqual([old]); // six days left

    clock.now = new Date(old!.expiration - 20 * 3600_000);
    await jobs.run('calendar.renew-channels');
    const open = google.openChannels().filter((c) => c.calendar === ADA);
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(old!.id);
    expect(old!.stopped).toBe(true);
    expect((await status()).channelExpiresAt).toBe(new Date(open[0]!.expiration).toISOString());
    // The old channel is ours no more; the new one works.
    const stale = await webhook({
      'x-goog-channel-id': old!.id,
      'x-goog-channel-token': old!.token!,
      'x-goog-resource-state': 'exists',
    });
    expect(stale.statusCode).toBe(404);
    google.pendingNotifications.length = 0;
    google.createEvent(ADA, timed('fresh00001', '2027-03-08T15:00:00Z', '2027-03-08T16:00:00Z'));
    expect((await notify()).map((d) => d.status)).toEqual([200]);
    expect(await t.db.busyBlock.count({ where: { externalId: 'fresh00001' } })).toBe(1);
  });
});

describe('a revoked grant', () => {
  it('marks the connection NEEDS_REAUTH and makes no further calls', async () => {
    const other = await bookableService(t.app, tenant);
    const id = other.providerIds[0]!;
    const bo = 'bo@gmail.example';
    expect((await connectGoogle(t.app, tenant, id, google, bo)).statusCode).toBe(200);
    google.pendingNotifications.length = 0;
    google.revokeAccess(bo);

    await expect(
      jobs.run('calendar.sync', { tenantId: tenant.tenant.id, providerId: id }),
    ).resolves.toBeUndefined();
    expect(await status(id)).toMatchObject({
      connected: false,
      status: 'NEEDS_REAUTH',
      lastError: expect.stringMatching(/connect the calendar again/),
      channelExpiresAt: null,
    });
    const row = await t.db.calendarSync.findFirstOrThrow({ where: { providerId: id } });
    expect(row).toMatchObject({ refreshToken: null, accessToken: null, channelId: null });

    const calls = google.requests.length;
    await jobs.run('calendar.sync', { tenantId: tenant.tenant.id, providerId: id });
    await jobs.run('calendar.renew-channels');
    await jobs.run('calendar.poll');
    expect(jobs.sent.map((job) => job.data.providerId)).not.toContain(id);
    const booking = await book(bookingBody(other.serviceId, '2027-03-16T14:00:00Z'));
    expect(booking.statusCode, booking.body).toBe(201);
    await jobs.settle();
    expect(google.requests.slice(calls).filter((r) => r.user === bo || r.path === '/token')).toEqual([]);
  });
});

describe('a calendar two providers share', () => {
  it('makes one provider’s bookings busy time for the other', async () => {
    const second = await bookableService(t.app, tenant);
    expect((await connectGoogle(t.app, tenant, second.providerIds[0]!, google, ADA)).statusCode).toBe(200);
    await notify();
    const response = await book(bookingBody(second.serviceId, '2027-03-17T09:00:00Z'));
    expect(response.statusCode, response.body).toBe(201);
    await jobs.settle(); // the second provider's booking, pushed into the shared calendar
    await notify();
    const eventId = `mais${(response.json().appointment.id as string).replace(/-/g, '')}`;
    const blocks = await t.db.busyBlock.findMany({ where: { externalId: eventId } });
    expect(blocks.map((b) => b.providerId)).toEqual([providerId]);
    expect(await startsOn(serviceId, '2027-03-17')).not.toContain('09:00');
  });
});

describe('the jobs’ log', () => {
  it('never holds a token', () => {
    const log = jobs.logLines.join('\n');
    expect(log).toContain('access revoked'); // the revoked grant above was logged
    const secrets = [...google.refreshTokens(), ...google.state.accessTokens.keys()];
    expect(secrets.length).toBeGreaterThan(2);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
