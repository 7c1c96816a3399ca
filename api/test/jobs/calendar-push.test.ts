import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { googleEventIdFor } from '../../src/domain/calendar/google-event-id.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { calendarJobs } from '../helpers/calendar-jobs.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectGoogle, fakeGoogleEnvironment, type FakeGoogle } from '../helpers/fake-google.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Ours to Google: the calendar.push jobs that follow a booking's history, run by hand (no pg-boss)
// against the fake Google, with the provider's calendar connected through the real OAuth routes.
// Monday 1 March 2027, 07:00Z; the provider works 09:00–17:00 Berlin (08:00Z–16:00Z).
const START = '2027-03-01T07:00:00Z';
const { clock, read } = testClock(START);
const ADA = 'ada@gmail.example';
let t: TestApp;
let google: FakeGoogle;
let stripe: FakeStripe;
let tenant: CreatedTenant;
let serviceId: string;
let paidServiceId: string;
let jobs: ReturnType<typeof calendarJobs>;

const { book } = bookingRequests(() => ({ app: t.app, tenant }));
const cards = cardBookings(() => ({ app: t.app, tenant, stripe }));
const eventOf = (appointmentId: string) => google.event(ADA, googleEventIdFor(appointmentId));
const eventWrites = () =>
  google.requests.filter((r) => r.path.startsWith('/calendar/v3/calendars/') && r.method !== 'GET');

async function booked(start: string, extra: Record<string, unknown> = {}) {
  const response = await book(bookingBody(serviceId, start, extra));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
}
const adminPost = (path: string, payload: object) =>
  admin(t.app, tenant, { method: 'POST', url: `/v1/tenant-admin/appointments/${path}`, payload });

beforeAll(async () => {
  const fakeGoogle = await fakeGoogleEnvironment(read);
  const fakeStripe = await fakeStripeEnvironment();
  google = fakeGoogle.google;
  stripe = fakeStripe.stripe;
  t = await buildTestApp(
    { ...fakeGoogle.env, ...fakeStripe.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    { clock: read },
  );
  tenant = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);
  const free = await bookableService(t.app, tenant, { service: { name: 'Haircut' } });
  serviceId = free.serviceId;
  const providerId = free.providerIds[0]!;
  const paid = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name: 'Colour', durationMinutes: 60, priceBaseCents: 8000, paymentMode: 'FULL' },
  });
  paidServiceId = paid.json().id;
  await admin(t.app, tenant, {
    method: 'PUT',
    url: `/v1/tenant-admin/providers/${providerId}/services`,
    payload: [{ serviceId }, { serviceId: paidServiceId }],
  });
  expect((await connectGoogle(t.app, tenant, providerId, google, ADA)).statusCode).toBe(200);
  jobs = calendarJobs(t, read);
  await jobs.dispatch(); // the history so far is not ours to push
});
afterAll(async () => {
  await t.close();
  await google.close();
  await stripe.close();
});
beforeEach(async () => {
  clock.now = new Date(START);
  jobs.sent.length = 0;
});

describe('a booking in the provider’s calendar', () => {
  it('appears when confirmed: derived id, summary, booking id and phone, our private property', async () => {
    const id = await booked('2027-03-02T09:00:00Z', {
      client: { name: 'Ada Client', email: 'ada.client@example.com', phone: '+49 30 1234567' },
    });
    expect(await jobs.settle()).toEqual(['calendar.push']);
    expect(eventOf(id)).toMatchObject({
      id: `mais${id.replace(/-/g, '')}`,
      status: 'confirmed',
      summary: '[MAIS] Haircut - Ada Client',
      description: `Booking ${id}\nClient phone: +49 30 1234567`,
      start: { dateTime: '2027-03-02T09:00:00.000Z', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-03-02T10:00:00.000Z', timeZone: 'Europe/Berlin' },
      attendees: [],
      extendedProperties: { private: { maisAppointmentId: id } },
      transparency: 'opaque',
    });
    const row = await t.db.appointment.findUniqueOrThrow({ where: { id } });
    expect(row.googleEventId).toBe(googleEventIdFor(id));
  });

  it('moves with a reschedule and goes with a cancel', async () => {
    const id = await booked('2027-03-02T11:00:00Z');
    await jobs.settle();
    expect((await adminPost(`${id}/reschedule`, { startTimeUtc: '2027-03-02T13:00:00Z' })).statusCode).toBe(
      200,
    );
    await jobs.settle();
    expect(eventOf(id)?.start?.dateTime).toBe('2027-03-02T13:00:00.000Z');
    expect((await adminPost(`${id}/cancel`, { reason: 'Ill' })).statusCode).toBe(200);
    await jobs.settle();
    expect(eventOf(id)?.status).toBe('cancelled');
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id } })).googleEventId).toBeNull();
  });

  it('is one event however often and in whatever order the pushes run', async () => {
    const id = await booked('2027-03-03T09:00:00Z');
    await jobs.dispatch();
    const [push] = jobs.sent;
    await jobs.drain();
    await jobs.run(push!.queue, push!.data); // delivered twice
    expect(google.events(ADA).filter((e) => e.id === googleEventIdFor(id))).toHaveLength(1);
    expect(eventOf(id)?.status).toBe('confirmed');

    // Cancelled, then the stale push of its creation runs last: the event stays deleted.
    expect((await adminPost(`${id}/cancel`, { reason: 'Changed plans' })).statusCode).toBe(200);
    await jobs.drain();
    await jobs.dispatch();
    await jobs.drain();
    await jobs.run(push!.queue, push!.data);
    expect(eventOf(id)?.status).toBe('cancelled');
  });

  it('does not push a hold; pushes it once paid', async () => {
    const before = eventWrites().length;
    const hold = await cards.held(paidServiceId, '2027-03-04T09:00:00Z');
    expect(await jobs.settle()).toEqual([]); // HELD enqueues nothing
    expect(eventWrites()).toHaveLength(before);
    expect(eventOf(hold.id)).toBeUndefined();

    stripe.succeedPaymentIntent(hold.intent);
    expect((await cards.confirm(hold.id, hold.token)).json()).toMatchObject({ status: 'CONFIRMED' });
    expect(await jobs.settle()).toContain('calendar.push');
    expect(eventOf(hold.id)).toMatchObject({ status: 'confirmed', summary: '[MAIS] Colour - Ada Client' });
  });

  it('calls Google for nothing when a hold is released', async () => {
    const hold = await cards.held(paidServiceId, '2027-03-04T11:00:00Z');
    await jobs.settle();
    const before = eventWrites().length;
    expect((await cards.cancel(hold.id, hold.token)).statusCode).toBe(200);
    expect(await jobs.settle()).toEqual(['calendar.push']);
    expect(eventWrites()).toHaveLength(before);
  });

  it('invites the client only when the tenant turns it on', async () => {
    const patch = (on: boolean) =>
      admin(t.app, tenant, {
        method: 'PATCH',
        url: '/v1/tenant-admin/tenant',
        payload: { calendarInviteClients: on },
      });
    await patch(true);
    try {
      const id = await booked('2027-03-05T09:00:00Z');
      await jobs.settle();
      expect(eventOf(id)?.attendees).toEqual([{ email: 'ada@example.com', displayName: 'Ada Client' }]);
      const insert = google.requests.findLast((r) => r.method === 'POST' && r.path.endsWith('/events'));
      expect(insert?.query.sendUpdates).toBe('all');
    } finally {
      await patch(false);
    }
  });

  it('retries a push Google failed, recording the failure on the connection', async () => {
    const id = await booked('2027-03-05T11:00:00Z');
    await jobs.dispatch();
    const [push] = jobs.sent.splice(0);
    google.failNext('POST /calendar/v3/calendars/*/events', 503);
    await expect(jobs.run(push!.queue, push!.data)).rejects.toThrow(/Google events.insert: 503/);
    const failed = await t.db.calendarSync.findFirstOrThrow({ where: { tenantId: tenant.tenant.id } });
    expect(failed.lastError).toMatch(/503/);
    await jobs.run(push!.queue, push!.data); // the queue's retry
    expect(eventOf(id)?.status).toBe('confirmed');
  });

  it('leaves the calendar alone for completed bookings and no-shows', async () => {
    const id = await booked('2027-03-01T09:00:00Z');
    await jobs.settle();
    clock.now = new Date('2027-03-01T11:00:00Z');
    expect((await adminPost(`${id}/complete`, {})).statusCode).toBe(200);
    expect(await jobs.settle()).toEqual([]);
    expect(eventOf(id)?.status).toBe('confirmed');
  });
});
