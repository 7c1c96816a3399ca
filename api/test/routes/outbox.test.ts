import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { readInvitation } from '../helpers/invitations.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/outbox without POSTMARK_SERVER_TOKEN (the embedded default): every message
// is built and kept SKIPPED, and the route shows what would have been sent, newest first, never a
// manage token. Bookings are made a minute apart from Monday 1 March 2027, 07:00Z.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let a: CreatedTenant;
let b: CreatedTenant;
const booked: string[] = [];
let jobs: ReturnType<typeof notificationJobs>;

const list = (tenant: CreatedTenant, query = '') =>
  admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/outbox${query}` });

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  a = await createTestTenant(t.db, { name: 'Studio A' });
  b = await createTestTenant(t.db, { name: 'Studio B' });
  await admin(t.app, a, {
    method: 'PATCH',
    url: '/v1/tenant-admin/tenant',
    payload: { bookingPageUrl: 'https://a.example/book' },
  });
  const { serviceId } = await bookableService(t.app, a, { service: { name: 'Haircut' } });
  // With a key: the links hold the token's placeholder, which the route shows redacted.
  jobs = notificationJobs(
    t.db,
    { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, PUBLIC_URL: 'https://book.example.com' },
    read,
  );
  for (const start of ['2027-03-10T10:00:00Z', '2027-03-10T12:00:00Z', '2027-03-10T14:00:00Z']) {
    clock.now = new Date(clock.now.getTime() + 60_000);
    const response = await admin(t.app, a, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: bookingBody(serviceId, start),
    });
    booked.push(response.json().appointment.id);
    expect((await jobs.dispatch(a.tenant.id)).errors).toEqual([]);
  }
});
afterAll(() => t.close());

describe('GET /v1/tenant-admin/outbox', () => {
  it('lists every message built, SKIPPED without a Postmark token, newest first', async () => {
    const response = await list(a);
    expect(response.statusCode, response.body).toBe(200);
    const { data, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(data).toHaveLength(6);
    expect(data.map((m: { appointmentId: string }) => m.appointmentId)).toEqual([
      booked[2],
      booked[2],
      booked[1],
      booked[1],
      booked[0],
      booked[0],
    ]);
    const confirmation = data.find(
      (m: { kind: string; appointmentId: string }) => m.kind === 'confirmation',
    )!;
    expect(confirmation).toMatchObject({
      channel: 'email',
      recipient: 'ada@example.com',
      status: 'SKIPPED',
      subject: 'Booking confirmed: Haircut, Wednesday, March 10, 2027',
      lastError: 'POSTMARK_SERVER_TOKEN is not set: not sent',
      sentAt: null,
      attempts: 1,
    });
    expect(confirmation.text).toContain(
      `https://a.example/book?mais-appointment=${booked[2]}&mais-token=REDACTED`,
    );
    expect(data.map((m: { kind: string }) => m.kind).sort()).toEqual([
      'confirmation',
      'confirmation',
      'confirmation',
      'provider-booked',
      'provider-booked',
      'provider-booked',
    ]);
    // Nothing was sent, so no email token was ever made.
    const rows = await t.db.appointment.findMany({ where: { id: { in: booked } } });
    expect(rows.every((row) => row.emailTokenSealed === null)).toBe(true);
  });

  it('pages with a cursor, newest first, each message once', async () => {
    const all = (await list(a)).json().data.map((m: { id: string }) => m.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = (
        await list(a, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by status and appointment', async () => {
    expect((await list(a, '?status=SENT')).json().data).toEqual([]);
    expect((await list(a, '?status=SKIPPED')).json().data).toHaveLength(6);
    const one = (await list(a, `?appointmentId=${booked[0]}`)).json().data;
    expect(one.map((m: { kind: string }) => m.kind).sort()).toEqual(['confirmation', 'provider-booked']);
    expect((await list(a, '?status=SHIPPED')).statusCode).toBe(400);
    expect((await list(a, '?appointmentId=nope')).statusCode).toBe(400);
  });

  it('refuses a cursor it did not make', async () => {
    const crafted = Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    );
    const response = await list(a, `?cursor=${crafted}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'cursor' }] });
  });

  it("never shows another tenant's messages", async () => {
    expect((await list(b)).json()).toEqual({ data: [], nextCursor: null });
    const id = (await list(a)).json().data[0].id;
    const response = await admin(t.app, b, { method: 'GET', url: `/v1/tenant-admin/outbox/${id}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await list(b, `?appointmentId=${booked[0]}`)).json().data).toEqual([]);
  });

  it('needs a secret key', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/v1/tenant-admin/outbox' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('invalid_api_key');
    const publishable = await publicRequest(t.app, a, {
      method: 'GET',
      url: '/v1/tenant-admin/outbox',
      headers: { authorization: `Bearer ${a.keys.publishable}` },
    });
    expect(publishable.statusCode).toBe(403);
    const one = await t.app.inject({ method: 'GET', url: `/v1/tenant-admin/outbox/${booked[0]}` });
    expect(one.statusCode).toBe(401);
  });
});

describe('GET /v1/tenant-admin/outbox/:id', () => {
  it('shows the HTML version and the .ics, with the token redacted', async () => {
    const [summary] = (await list(a, `?appointmentId=${booked[1]}`))
      .json()
      .data.filter((m: { kind: string }) => m.kind === 'confirmation');
    const response = await admin(t.app, a, { method: 'GET', url: `/v1/tenant-admin/outbox/${summary.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const message = response.json();
    expect(message.html).toContain('mais-token=REDACTED');
    expect(message.html).toContain('<html lang="en">');
    expect(readInvitation(message.ics)).toMatchObject({
      method: 'REQUEST',
      uid: `${booked[1]}@book.example.com`,
      sequence: 0,
      start: '2027-03-10T12:00:00.000Z',
    });
    const notice = (await list(a, `?appointmentId=${booked[1]}`))
      .json()
      .data.find((m: { kind: string }) => m.kind === 'provider-booked');
    const detail = (
      await admin(t.app, a, { method: 'GET', url: `/v1/tenant-admin/outbox/${notice.id}` })
    ).json();
    expect(detail).toMatchObject({ recipient: 'p1@example.com', ics: null });
  });
});
