import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from '../../../test/fakes/google/index.ts';
import { GoogleApisCalendarGateway } from '../../src/adapters/google/google-calendar-gateway.ts';
import type { BookingEvent } from '../../src/domain/calendar/booking-event.ts';

// Google not answering: the real @googleapis/calendar client, through the gateway, gives up after
// its timeout (15 s in production, 300 ms here) instead of holding a job forever; the job's retry
// then pushes the event once.

const EMAIL = 'provider@example.com';
let google: FakeGoogle;
let gateway: GoogleApisCalendarGateway;

const event: BookingEvent = {
  id: 'mais0123456789abcdef0123456789ab',
  appointmentId: '0123456789abcdef0123456789abcdef',
  summary: 'Haircut: Ada',
  description: 'Booking 1',
  start: new Date('2030-01-07T10:00:00Z'),
  end: new Date('2030-01-07T11:00:00Z'),
  timeZone: 'Europe/Berlin',
  attendee: null,
};

beforeAll(async () => {
  google = await startFakeGoogle({ now: () => new Date('2030-01-01T00:00:00Z') });
  gateway = new GoogleApisCalendarGateway({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    redirectUri: 'https://book.example/v1/oauth/google/callback',
    notificationAddress: 'https://book.example/v1/webhooks/google-calendar',
    apiRoot: google.apiRoot,
    oauthBase: google.url,
    timeoutMs: 300,
  });
});
afterAll(() => google.close());

describe('a Google that does not answer', () => {
  it('fails the call after the timeout, and the retry pushes the event once', async () => {
    const code = new URL(
      google.consent(gateway.authorizationUrl('state-1'), { email: EMAIL }),
    ).searchParams.get('code')!;
    const connection = gateway.connect(await gateway.exchangeCode(code));
    google.failNext('POST /calendar/v3/calendars/*/events', 'hang');
    const started = Date.now();
    await expect(connection.upsertEvent('primary', event)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(google.events(EMAIL)).toHaveLength(0);

    await connection.upsertEvent('primary', event);
    expect(google.events(EMAIL).map((stored) => stored.id)).toEqual([event.id]);
  });
});
