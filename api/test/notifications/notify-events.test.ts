import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MANAGE_TOKEN_SLOT } from '../../src/domain/notifications/manage-link.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { NOTIFICATION_QUEUES } from '../../src/use-cases/notifications/queues.ts';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { invitationOf } from '../helpers/invitations.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// What each appointment event sends, through the jobs (called directly) and the real postmark
// client against the fake Postmark. Now: Monday 1 March 2027, 07:00Z; bookings a week later.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let postmark: FakePostmark;
let tenant: CreatedTenant;
let serviceId: string;
let paidServiceId: string;
let jobs: ReturnType<typeof notificationJobs>;

const ENV = () => ({
  POSTMARK_SERVER_TOKEN: postmark.token,
  POSTMARK_API_BASE: postmark.url,
  POSTMARK_FROM: 'MAIS Scheduling <bookings@mais.example>',
  PUBLIC_URL: 'https://book.example.com',
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
});

beforeAll(async () => {
  // A held request is dropped after 200 ms: the client sees a failure, as after a timeout.
  postmark = await startFakePostmark({ hangMs: 200 });
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Ana' });
  await admin(t.app, tenant, {
    method: 'PATCH',
    url: '/v1/tenant-admin/tenant',
    payload: { bookingPageUrl: 'https://studio.example/book', branding: { primaryColor: '#aa3366' } },
  });
  ({ serviceId } = await bookableService(t.app, tenant, { service: { name: 'Haircut' } }));
  ({ serviceId: paidServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Colour', priceBaseCents: 5000, paymentMode: 'FULL' },
  }));
  jobs = notificationJobs(t.db, ENV(), read);
});
afterAll(async () => {
  await t.close();
  await postmark.close();
});
beforeEach(() => {
  postmark.clear();
  clock.now = new Date('2027-03-01T07:00:00Z');
});

async function book(start: string, extra: Record<string, unknown> = {}, service = serviceId) {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: { ...bookingBody(service, start, extra), overrideRules: true },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
}
const change = async (id: string, action: string, payload: object = {}) => {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/${action}`,
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
};
const outbox = (appointmentId: string) =>
  t.db.outboxMessage.findMany({ where: { appointmentId }, orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }] });
const sentTo = (address: string) => postmark.messages.filter((m) => m.To === address);
const dispatch = async () => {
  const { errors } = await jobs.dispatch(tenant.tenant.id);
  return errors;
};

describe('a booking confirmed at once', () => {
  it("sends the client's confirmation in their language with the .ics, and the provider's notice", async () => {
    const id = await book('2027-03-10T10:00:00Z', {
      locale: 'es',
      clientTimezone: 'America/Mexico_City',
      client: { name: 'Ada Cliente', email: 'ada.es@example.com' },
    });
    expect(await dispatch()).toEqual([]);

    const [confirmation] = sentTo('ada.es@example.com');
    expect(confirmation).toMatchObject({
      From: '"Studio Ana" <bookings@mais.example>',
      Subject: 'Reserva confirmada: Haircut, miércoles, 10 de marzo de 2027',
      Tag: 'confirmation',
    });
    expect(confirmation!.TextBody).toContain(
      'Cuándo: miércoles, 10 de marzo de 2027, 4:00 (America/Mexico_City, UTC-06:00)',
    );
    expect(invitationOf(confirmation!)).toMatchObject({
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      method: 'REQUEST',
      uid: `${id}@book.example.com`,
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'America/Mexico_City',
      start: '2027-03-10T10:00:00.000Z',
      end: '2027-03-10T11:00:00.000Z',
      hasStamp: true,
    });
    const [notice] = sentTo('p1@example.com');
    expect(notice!.Subject).toBe('New booking: Haircut with Ada Cliente, Wednesday, March 10, 2027');
    expect(notice!.Attachments).toEqual([]);

    const rows = await outbox(id);
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['confirmation', 'SENT', 1],
      ['provider-booked', 'SENT', 1],
    ]);
    expect(rows[0]!.providerMessageId).toBe(confirmation!.MessageID);
    expect(confirmation!.Metadata).toEqual({ outboxId: rows[0]!.id, tenantId: tenant.tenant.id });
  });

  it('links the booking with a token of its own that opens it, kept out of the outbox', async () => {
    const id = await book('2027-03-10T12:00:00Z');
    await dispatch();
    const [confirmation] = sentTo('ada@example.com');
    const token = /mais-token=([A-Za-z0-9_-]+)/.exec(confirmation!.TextBody!)?.[1];
    expect(confirmation!.TextBody).toContain(
      `https://studio.example/book?mais-appointment=${id}&mais-token=${token}`,
    );
    expect(confirmation!.HtmlBody).toContain(`mais-token=${token}`);
    const opened = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/appointments/${id}`,
      headers: { 'x-manage-token': token! },
    });
    expect(opened.statusCode, opened.body).toBe(200);

    const [row] = await outbox(id);
    expect(row!.textBody).toContain(`mais-token=${MANAGE_TOKEN_SLOT}`);
    expect(JSON.stringify(row)).not.toContain(token);
    const stored = await t.db.appointment.findUniqueOrThrow({ where: { id } });
    expect(stored.emailTokenSealed).not.toContain(token);
  });

  it('enqueues the event job and the reminders plan, once per event', async () => {
    await book('2027-03-10T14:00:00Z');
    const before = jobs.jobs.length;
    const { events } = await jobs.dispatch(tenant.tenant.id);
    const created = events.find((event) => event.type === 'CREATED')!;
    expect(jobs.jobs.slice(before, before + 2)).toMatchObject([
      { queue: NOTIFICATION_QUEUES.event, options: { singletonKey: `${tenant.tenant.id}:${created.seq}` } },
      {
        queue: NOTIFICATION_QUEUES.remindersPlan,
        options: { singletonKey: `${tenant.tenant.id}:${created.seq}` },
      },
    ]);
  });

  it('sends nothing twice when its jobs run again', async () => {
    const id = await book('2027-03-11T10:00:00Z');
    await dispatch();
    expect(postmark.messages).toHaveLength(2);
    for (const job of jobs.jobs.filter((j) => j.queue === NOTIFICATION_QUEUES.event)) await jobs.run(job);
    expect(postmark.messages).toHaveLength(2);
    expect((await outbox(id)).map((r) => r.attempts)).toEqual([1, 1]);
  });
});

describe('moves, cancellations and payments', () => {
  it('a move: the new time with SEQUENCE 1; a cancellation: METHOD:CANCEL, SEQUENCE 2', async () => {
    const id = await book('2027-03-12T10:00:00Z');
    await dispatch();
    await change(id, 'reschedule', { startTimeUtc: '2027-03-12T13:00:00Z' });
    await dispatch();
    const moved = postmark.messages.find((m) => m.Tag === 'reschedule')!;
    expect(moved.Subject).toBe('Booking moved: Haircut, Friday, March 12, 2027');
    expect(moved.TextBody).toContain(
      'It was on Friday, March 12, 2027 at 11:00 AM (Europe/Berlin, UTC+01:00).',
    );
    expect(invitationOf(moved)).toMatchObject({
      method: 'REQUEST',
      uid: `${id}@book.example.com`,
      sequence: 1,
      start: '2027-03-12T13:00:00.000Z',
    });
    expect(postmark.messages.find((m) => m.Tag === 'provider-rescheduled')!.To).toBe('p1@example.com');

    await change(id, 'cancel');
    await dispatch();
    const cancelled = postmark.messages.find((m) => m.Tag === 'cancellation')!;
    expect(cancelled.Subject).toBe('Booking cancelled: Haircut, Friday, March 12, 2027');
    expect(cancelled.TextBody).not.toContain('refund');
    expect(cancelled.TextBody).not.toContain('mais-token');
    expect(invitationOf(cancelled)).toMatchObject({
      contentType: 'text/calendar; charset=utf-8; method=CANCEL',
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `${id}@book.example.com`,
      sequence: 2,
    });
    expect((await outbox(id)).map((r) => r.kind).sort()).toEqual([
      'cancellation',
      'confirmation',
      'provider-booked',
      'provider-cancelled',
      'provider-rescheduled',
      'reschedule',
    ]);
  });

  it('changes handled together send only what is still true: a move then a cancel is one cancellation', async () => {
    const id = await book('2027-03-13T10:00:00Z');
    await dispatch();
    await change(id, 'reschedule', { startTimeUtc: '2027-03-13T12:00:00Z' });
    await change(id, 'cancel');
    await dispatch();
    expect((await outbox(id)).map((r) => r.kind).sort()).toEqual([
      'cancellation',
      'confirmation',
      'provider-booked',
      'provider-cancelled',
    ]);
  });

  it('a payment received after the booking is a receipt to the client', async () => {
    const id = await book('2027-03-14T10:00:00Z', {}, paidServiceId);
    await dispatch();
    expect(sentTo('ada@example.com')[0]!.TextBody).toContain('Due at the appointment: €50.00');
    await change(id, 'collect-balance', { method: 'venue' });
    await dispatch();
    const receipt = postmark.messages.find((m) => m.Tag === 'payment-received')!;
    expect(receipt.Subject).toBe('Payment received: €50.00 for Colour');
    // The first money issued invoice 1, which comes with the receipt (api/README.md, "Invoices and receipts").
    expect(receipt.Attachments).toEqual([
      { Name: 'invoice-1.pdf', ContentType: 'application/pdf', Content: expect.stringMatching(/^JVBERi/) },
    ]);
  });
});

describe('what the HTML and the provider are given', () => {
  it('escapes a client called <script> in the HTML', async () => {
    await book('2027-03-15T10:00:00Z', {
      client: { name: '<script>alert("hi")</script>', email: 'script@example.com' },
    });
    await dispatch();
    for (const message of [
      ...sentTo('script@example.com'),
      ...postmark.messages.filter((m) => m.Tag === 'provider-booked'),
    ]) {
      expect(message.HtmlBody).not.toContain('<script>');
      expect(message.HtmlBody).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
    }
  });
});
