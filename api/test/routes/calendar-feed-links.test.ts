import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// The admin side of ICS feeds: showing and rotating the secret URLs, and what is kept of them.
const { read } = testClock('2027-03-01T07:00:00Z');
const KEY = Buffer.alloc(32, 1).toString('base64');
const NEXT_KEY = Buffer.alloc(32, 2).toString('base64');

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let providerId: string;
let otherProviderId: string;
const lines: string[] = [];
/** Every token this file was shown: none may be found in the database or the log. */
const tokensSeen = new Set<string>();

beforeAll(async () => {
  t = await buildTestApp(
    { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'https://book.example.com', ENCRYPTION_KEY: KEY },
    { clock: read, logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
  );
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  providerId = (await bookableService(t.app, tenant)).providerIds[0]!;
  otherProviderId = (await bookableService(t.app, other)).providerIds[0]!;
});
afterAll(() => t.close());

function call(owner: CreatedTenant, method: 'GET' | 'POST', url: string, app = t.app) {
  return admin(app, owner, { method, url: `/v1/tenant-admin${url}` });
}

/** The link's answer, its token noted. */
async function link(method: 'GET' | 'POST', url: string, owner = tenant, app = t.app) {
  const response = await call(owner, method, url, app);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  const body = response.json() as { url: string | null; rotatedAt: string };
  if (body.url) tokensSeen.add(tokenOf(body.url));
  return body;
}

const tokenOf = (url: string) => /\/v1\/calendar-feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
const feed = (url: string, app = t.app, remoteAddress?: string) =>
  app.inject({ method: 'GET', url: new URL(url).pathname, ...(remoteAddress ? { remoteAddress } : {}) });

describe('feed URLs', () => {
  it("shows a provider's URL, the same on every request, made the first time", async () => {
    const first = await link('GET', `/providers/${providerId}/ics-feed`);
    expect(first).toEqual({
      url: expect.stringMatching(
        /^https:\/\/book\.example\.com\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/,
      ),
      rotatedAt: '2027-03-01T07:00:00.000Z',
    });
    expect(await link('GET', `/providers/${providerId}/ics-feed`)).toEqual(first);
    expect((await feed(first.url!)).statusCode).toBe(200);
  });

  it('rotates: a new URL at once, the old one answers 404 like one that never existed', async () => {
    for (const path of [`/providers/${providerId}/ics-feed`, '/ics-feed']) {
      const before = await link('GET', path);
      const rotated = await link('POST', path);
      expect(rotated.url).not.toBe(before.url);
      expect(await link('GET', path)).toEqual(rotated);
      expect((await feed(rotated.url!)).statusCode).toBe(200);

      const old = await feed(before.url!);
      expect(old.statusCode).toBe(404);
      expect(old.json()).toEqual({ error: { code: 'not_found', message: 'Calendar feed not found.' } });
      expect(old.headers['cache-control']).toBe('no-store');
      const unknown = await t.app.inject({ url: `/v1/calendar-feeds/${'A'.repeat(43)}.ics` });
      const malformed = await t.app.inject({ url: '/v1/calendar-feeds/not-a-token.ics' });
      const noExtension = await t.app.inject({ url: `/v1/calendar-feeds/${tokenOf(rotated.url!)}` });
      for (const response of [unknown, malformed, noExtension]) {
        expect(response.statusCode).toBe(404);
        expect(response.body).toBe(old.body);
      }
    }
  });

  it("answers 404 for another tenant's provider or an unknown one, and 401 without a key", async () => {
    for (const method of ['GET', 'POST'] as const) {
      for (const id of [otherProviderId, '00000000-0000-4000-8000-000000000000']) {
        const response = await call(tenant, method, `/providers/${id}/ics-feed`);
        expect(response.statusCode, `${method} ${id}`).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      for (const url of [`/v1/tenant-admin/providers/${providerId}/ics-feed`, '/v1/tenant-admin/ics-feed']) {
        const response = await t.app.inject({ method, url });
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('invalid_api_key');
      }
    }
    expect(
      await t.db.calendarFeed.count({ where: { tenantId: tenant.tenant.id, providerId: otherProviderId } }),
    ).toBe(0);
    expect(await t.db.calendarFeed.count({ where: { tenantId: other.tenant.id } })).toBe(0);
  });

  it("keeps each tenant's feeds apart", async () => {
    const mine = await link('GET', '/ics-feed');
    const theirs = await link('GET', '/ics-feed', other);
    expect(theirs.url).not.toBe(mine.url);
    const ownBooking = await publicRequest(t.app, other, {
      method: 'POST',
      url: '/v1/public/appointments',
      payload: bookingBody(
        (await call(other, 'GET', '/services')).json().data[0].id,
        '2027-03-02T09:00:00Z',
        {
          client: { name: 'Other Client', email: 'o@example.com' },
        },
      ),
    });
    expect(ownBooking.statusCode, ownBooking.body).toBe(201);
    expect((await feed(theirs.url!)).body).toContain('Session – Other');
    expect((await feed(mine.url!)).body).not.toContain('Other');
  });
});

describe('what is kept', () => {
  it('stores the token only as its SHA-256 and sealed, never in clear', async () => {
    const { url } = await link('GET', `/providers/${providerId}/ics-feed`);
    const rows = await t.db.$queryRawUnsafe<Array<{ row: string; tokenHash: string; tokenSealed: string }>>(
      `SELECT c::text AS row, "tokenHash", "tokenSealed" FROM calendar_feeds c`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const dump = rows.map((r) => r.row).join('\n');
    expect(tokensSeen.size).toBeGreaterThanOrEqual(5);
    for (const token of tokensSeen) expect(dump).not.toContain(token);
    const hash = createHash('sha256').update(tokenOf(url!)).digest('hex');
    expect(rows.find((r) => r.tokenHash === hash)?.tokenSealed).toMatch(/^v1\./);
  });

  it('does not open a sealed token copied to another feed', async () => {
    const provider = (await bookableService(t.app, tenant)).providerIds[0]!;
    await link('GET', `/providers/${provider}/ics-feed`);
    await link('GET', '/ics-feed');
    const tenantRow = await t.db.calendarFeed.findFirstOrThrow({
      where: { tenantId: tenant.tenant.id, providerId: null },
    });
    await t.db.calendarFeed.updateMany({
      where: { tenantId: tenant.tenant.id, providerId: provider },
      data: { tokenSealed: tenantRow.tokenSealed },
    });
    expect((await link('GET', `/providers/${provider}/ics-feed`)).url).toBeNull();
    expect(lines.join('')).toContain('does not open with ENCRYPTION_KEY');
    expect((await link('POST', `/providers/${provider}/ics-feed`)).url).not.toBeNull();
  });

  it('still shows URLs sealed under ENCRYPTION_KEY_PREVIOUS, and seals them again under the new key', async () => {
    const { url } = await link('GET', '/ics-feed');
    const next = await buildApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        ENCRYPTION_KEY: NEXT_KEY,
        ENCRYPTION_KEY_PREVIOUS: KEY,
        PUBLIC_URL: 'https://book.example.com',
      }),
      { db: createPrismaClient(t.database.url), clock: read },
    );
    try {
      const sealedBefore = (
        await t.db.calendarFeed.findFirstOrThrow({ where: { tenantId: tenant.tenant.id, providerId: null } })
      ).tokenSealed;
      expect((await link('GET', '/ics-feed', tenant, next)).url).toBe(url);
      const sealedAfter = (
        await t.db.calendarFeed.findFirstOrThrow({ where: { tenantId: tenant.tenant.id, providerId: null } })
      ).tokenSealed;
      expect(sealedAfter).not.toBe(sealedBefore);
      expect(sealedAfter!.split('.')[1]).not.toBe(sealedBefore!.split('.')[1]);
      expect((await link('GET', '/ics-feed', tenant, next)).url).toBe(url);
    } finally {
      await next.close();
    }
  });

  it('never logs a token: feed requests log their path redacted', async () => {
    // A POST: the feed was sealed again under NEXT_KEY above, which this app does not have.
    const { url } = await link('POST', '/ics-feed');
    await feed(url!);
    await t.app.inject({ url: `/v1/calendar-feeds/${tokenOf(url!)}/extra?token=x` });
    const log = lines.join('');
    expect(log).toContain('"url":"/v1/calendar-feeds/[redacted]"');
    for (const token of tokensSeen) expect(log).not.toContain(token);
  });
});

describe('without ENCRYPTION_KEY or PUBLIC_URL', () => {
  let bare: TestApp;
  let owner: CreatedTenant;
  let bareProvider: string;

  beforeAll(async () => {
    bare = await buildTestApp(
      { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_AUTH_FAILURES_PER_MINUTE: '3' },
      { clock: read },
    );
    owner = await createTestTenant(bare.db);
    bareProvider = (await bookableService(bare.app, owner)).providerIds[0]!;
  });
  afterAll(() => bare.close());

  it('shows a URL only in the answer that made it, from the request origin', async () => {
    const path = `/providers/${bareProvider}/ics-feed`;
    const made = await link('GET', path, owner, bare.app);
    expect(made.url).toMatch(/^http:\/\/localhost\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await link('GET', path, owner, bare.app)).toEqual({ url: null, rotatedAt: made.rotatedAt });
    const rotated = await link('POST', path, owner, bare.app);
    expect(rotated.url).not.toBeNull();
    expect((await link('GET', path, owner, bare.app)).url).toBeNull();
    expect(await bare.db.calendarFeed.findMany({ select: { tokenSealed: true } })).toEqual([
      { tokenSealed: null },
    ]);

    const forwarded = await admin(bare.app, owner, {
      method: 'POST',
      url: `/v1/tenant-admin${path}`,
      headers: { host: 'studio.example:8443' },
    });
    expect(forwarded.json().url).toMatch(/^http:\/\/studio\.example:8443\/v1\/calendar-feeds\//);
  });

  it('names events by a fixed UID domain', async () => {
    const { serviceId } = await bookableService(bare.app, owner);
    const booking = await publicRequest(bare.app, owner, {
      method: 'POST',
      url: '/v1/public/appointments',
      payload: bookingBody(serviceId, '2027-03-02T09:00:00Z'),
    });
    const { url } = await link('POST', '/ics-feed', owner, bare.app);
    const calendar = new ICAL.Component(ICAL.parse((await feed(url!, bare.app)).body));
    expect(calendar.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'))).toEqual(
      [`${booking.json().appointment.id}@mais-scheduling.invalid`],
    );
  });

  it('refuses an address after its budget of unknown feeds, before any lookup; other addresses go on', async () => {
    const { url } = await link('POST', '/ics-feed', owner, bare.app);
    const guesser = '203.0.113.7';
    for (let i = 0; i < 3; i++) {
      const miss = await bare.app.inject({
        url: `/v1/calendar-feeds/${'B'.repeat(42)}${i}.ics`,
        remoteAddress: guesser,
      });
      expect(miss.statusCode).toBe(404);
    }
    const refused = await feed(url!, bare.app, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await feed(url!, bare.app, '203.0.113.8')).statusCode).toBe(200);
  });

  it('answers one feed at most 60 times a minute, whoever asks', async () => {
    const { url } = await link('POST', `/providers/${bareProvider}/ics-feed`, owner, bare.app);
    for (let i = 0; i < 60; i++) {
      expect((await feed(url!, bare.app, `198.51.100.${i}`)).statusCode).toBe(200);
    }
    const refused = await feed(url!, bare.app, '198.51.100.200');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
  });
});
