import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// What a subscribed calendar reads: every feed body parsed with ical.js.
// Monday 1 March 2027, 08:00 in Berlin; providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const START = '2027-03-01T07:00:00Z';
const { clock, read } = testClock(START);
let t: TestApp;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let serviceId: string;
let providerIds: string[];
let paidServiceId: string;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp(
    {
      ...fake.env,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_URL: 'https://book.example.com',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    { clock: read },
  );
  tenant = await createTestTenant(t.db, { name: 'Studio Nord' });
  await connectTenant(t, stripe, tenant);
  ({ serviceId, providerIds } = await bookableService(t.app, tenant, {
    service: { name: 'Haircut' },
    providers: 2,
  }));
  ({ serviceId: paidServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 8000, paymentMode: 'FULL' },
  }));
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});
beforeEach(() => {
  clock.now = new Date(START);
});

const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));

async function booked(
  start: string,
  client: { name: string; email: string; phone?: string },
  providerId?: string,
) {
  const response = await cards.book(bookingBody(serviceId, start, { client, providerId }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment as { id: string; startTimeUtc: string; endTimeUtc: string };
}

async function adminCall(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const response = await admin(t.app, tenant, { method, url: `/v1/tenant-admin${url}`, payload });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

/** The feed URL's path (the URL is https://book.example.com/v1/calendar-feeds/<token>.ics). */
async function feedPath(providerId: string | null): Promise<string> {
  const { url } = await adminCall('GET', providerId ? `/providers/${providerId}/ics-feed` : '/ics-feed');
  expect(url).toMatch(/^https:\/\/book\.example\.com\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  return new URL(url).pathname;
}

const fetchFeed = (path: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: path, headers });

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  sequence: number;
  status: string;
  start: string;
  end: string;
}

async function eventsOf(path: string): Promise<ParsedEvent[]> {
  const response = await fetchFeed(path);
  expect(response.statusCode, response.body).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(response.body));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: (component.getFirstPropertyValue('description') as string | null) ?? null,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

const byUid = (events: ParsedEvent[], appointmentId: string) =>
  events.find((event) => event.uid === `${appointmentId}@book.example.com`);

describe("a provider's feed", () => {
  it("lists only that provider's appointments, by first name, at their times", async () => {
    const ada = await booked(
      '2027-03-02T09:00:00Z',
      { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      providerIds[0],
    );
    const grace = await booked(
      '2027-03-02T09:00:00Z',
      { name: 'Grace Hopper', email: 'grace@example.com' },
      providerIds[1],
    );
    const path = await feedPath(providerIds[0]!);

    const response = await fetchFeed(path);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Studio Nord – Provider 1');
    expect(response.body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(response.body).toContain('X-PUBLISHED-TTL:PT1H');

    const events = await eventsOf(path);
    expect(events).toEqual([
      {
        uid: `${ada.id}@book.example.com`,
        summary: 'Haircut – Ada',
        description: null,
        sequence: 0,
        status: 'CONFIRMED',
        start: ada.startTimeUtc,
        end: ada.endTimeUtc,
      },
    ]);
    expect(byUid(events, grace.id)).toBeUndefined();
    for (const detail of ['Lovelace', 'ada@example.com', '7946', 'Grace'])
      expect(response.body).not.toContain(detail);
  });

  it('follows a reschedule (same UID, SEQUENCE 1, the new start) and keeps a cancellation as CANCELLED', async () => {
    const moved = await booked(
      '2027-03-03T10:00:00Z',
      { name: 'Mary Somerville', email: 'm@example.com' },
      providerIds[0],
    );
    const cancelled = await booked(
      '2027-03-03T12:00:00Z',
      { name: 'Emmy Noether', email: 'e@example.com' },
      providerIds[0],
    );
    const path = await feedPath(providerIds[0]!);
    expect(byUid(await eventsOf(path), moved.id)).toMatchObject({
      sequence: 0,
      start: '2027-03-03T10:00:00.000Z',
    });

    await adminCall('POST', `/appointments/${moved.id}/reschedule`, { startTimeUtc: '2027-03-03T14:00:00Z' });
    await adminCall('POST', `/appointments/${cancelled.id}/cancel`, { reason: 'Ill' });
    const events = await eventsOf(path);
    expect(byUid(events, moved.id)).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
      start: '2027-03-03T14:00:00.000Z',
      end: '2027-03-03T15:00:00.000Z',
      summary: 'Haircut – Mary',
    });
    expect(byUid(events, cancelled.id)).toMatchObject({
      status: 'CANCELLED',
      sequence: 0,
      summary: 'Cancelled: Haircut – Emmy',
    });

    await adminCall('POST', `/appointments/${moved.id}/reschedule`, { startTimeUtc: '2027-03-03T15:00:00Z' });
    expect(byUid(await eventsOf(path), moved.id)).toMatchObject({
      sequence: 2,
      start: '2027-03-03T15:00:00.000Z',
    });
  });

  it('keeps completed and no-show appointments as confirmed', async () => {
    const done = await booked(
      '2027-03-01T08:00:00Z',
      { name: 'Lise Meitner', email: 'l@example.com' },
      providerIds[0],
    );
    const missed = await booked(
      '2027-03-01T09:00:00Z',
      { name: 'Rosalind Franklin', email: 'r@example.com' },
      providerIds[0],
    );
    clock.now = new Date('2027-03-01T12:00:00Z');
    await adminCall('POST', `/appointments/${done.id}/complete`);
    await adminCall('POST', `/appointments/${missed.id}/no-show`);
    const events = await eventsOf(await feedPath(providerIds[0]!));
    expect(byUid(events, done.id)).toMatchObject({ status: 'CONFIRMED', summary: 'Haircut – Lise' });
    expect(byUid(events, missed.id)).toMatchObject({
      status: 'CONFIRMED',
      description: 'The client did not come.',
    });
  });

  it('lists the last 30 days and the next 365, nothing older', async () => {
    const early = await booked(
      '2027-03-01T10:00:00Z',
      { name: 'Early Bird', email: 'eb@example.com' },
      providerIds[1],
    );
    const path = await feedPath(providerIds[1]!);
    clock.now = new Date('2027-03-30T12:00:00Z');
    expect(byUid(await eventsOf(path), early.id)).toBeDefined();
    clock.now = new Date('2027-04-01T12:00:00Z');
    expect(byUid(await eventsOf(path), early.id)).toBeUndefined();
    clock.now = new Date('2026-03-02T12:00:00Z');
    expect(byUid(await eventsOf(path), early.id)).toBeDefined();
    clock.now = new Date('2026-02-27T12:00:00Z');
    expect(byUid(await eventsOf(path), early.id)).toBeUndefined();
  });
});

describe('holds', () => {
  it('are not listed, nor once released; a paid booking is', async () => {
    const path = await feedPath(null);
    const waiting = await cards.held(paidServiceId, '2027-03-04T09:00:00Z');
    const abandoned = await cards.held(paidServiceId, '2027-03-04T11:00:00Z');
    expect((await cards.cancel(abandoned.id, abandoned.token)).statusCode).toBe(200);
    const paid = await cards.paid(paidServiceId, '2027-03-04T13:00:00Z');

    const events = await eventsOf(path);
    expect(byUid(events, waiting.id)).toBeUndefined();
    expect(byUid(events, abandoned.id)).toBeUndefined();
    expect(byUid(events, paid.id)).toMatchObject({
      status: 'CONFIRMED',
      summary: 'Colour – Ada (Provider 1)',
    });
  });
});

describe("the tenant's feed", () => {
  it('lists every provider, naming each, and full details only when the tenant allows it', async () => {
    const first = await booked(
      '2027-03-05T09:00:00Z',
      { name: 'Katherine Johnson', email: 'kj@example.com', phone: '+1 555 0100' },
      providerIds[0],
    );
    const second = await booked(
      '2027-03-05T09:00:00Z',
      { name: 'Dorothy Vaughan', email: 'dv@example.com' },
      providerIds[1],
    );
    const path = await feedPath(null);
    const response = await fetchFeed(path);
    expect(new ICAL.Component(ICAL.parse(response.body)).getFirstPropertyValue('x-wr-calname')).toBe(
      'Studio Nord',
    );
    let events = await eventsOf(path);
    expect(byUid(events, first.id)).toMatchObject({
      summary: 'Haircut – Katherine (Provider 1)',
      description: null,
    });
    expect(byUid(events, second.id)).toMatchObject({ summary: 'Haircut – Dorothy (Provider 2)' });
    expect(response.body).not.toContain('kj@example.com');

    expect((await adminCall('GET', '/tenant')).icsFeedClientDetails).toBe(false);
    expect((await adminCall('PATCH', '/tenant', { icsFeedClientDetails: true })).icsFeedClientDetails).toBe(
      true,
    );
    events = await eventsOf(path);
    expect(byUid(events, first.id)).toMatchObject({
      summary: 'Haircut – Katherine Johnson (Provider 1)',
      description: 'Client: Katherine Johnson\nEmail: kj@example.com\nPhone: +1 555 0100',
    });
    await adminCall('PATCH', '/tenant', { icsFeedClientDetails: false });
    expect(byUid(await eventsOf(path), first.id)).toMatchObject({
      summary: 'Haircut – Katherine (Provider 1)',
    });
  });
});

describe('polling', () => {
  it('answers 304 to If-None-Match until something in the feed changes', async () => {
    const path = await feedPath(providerIds[1]!);
    const first = await fetchFeed(path);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetchFeed(path, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, max-age=300');
    expect((await fetchFeed(path, { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode).toBe(304);

    await booked('2027-03-06T09:00:00Z', { name: 'Hedy Lamarr', email: 'h@example.com' }, providerIds[1]);
    const changed = await fetchFeed(path, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('sends the same bytes to the same question, gzip-encoded on request', async () => {
    const path = await feedPath(null);
    const [one, two] = [await fetchFeed(path), await fetchFeed(path)];
    expect(one.body).toBe(two.body);
    const zipped = await fetchFeed(path, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(one.headers.etag);
  });
});
