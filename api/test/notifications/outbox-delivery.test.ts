import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { NOTIFICATION_QUEUES } from '../../src/use-cases/notifications/queues.ts';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Sending through the outbox when Postmark refuses, fails or never answers: each message is sent
// at most once (api/README.md, "Notifications: the outbox first, then Postmark"). The jobs are
// called directly; the real postmark client talks to the fake Postmark. Now: Monday 1 March 2027,
// 07:00Z; the SENDING lease is 2 minutes.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let postmark: FakePostmark;
let tenant: CreatedTenant;
let serviceId: string;
let jobs: ReturnType<typeof notificationJobs>;

beforeAll(async () => {
  // A held request is dropped after 200 ms: the client sees a failure, as after a timeout.
  postmark = await startFakePostmark({ hangMs: 200 });
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Ana' });
  ({ serviceId } = await bookableService(t.app, tenant, { service: { name: 'Haircut' } }));
  jobs = notificationJobs(
    t.db,
    {
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_BASE: postmark.url,
      POSTMARK_FROM: 'bookings@mais.example',
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    },
    read,
  );
});
afterAll(async () => {
  await t.close();
  await postmark.close();
});
beforeEach(() => {
  postmark.clear();
  clock.now = new Date('2027-03-01T07:00:00Z');
});

async function book(start: string, extra: Record<string, unknown> = {}) {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: { ...bookingBody(serviceId, start, extra), overrideRules: true },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
}
const outbox = (appointmentId: string) =>
  t.db.outboxMessage.findMany({ where: { appointmentId }, orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }] });
const sentTo = (address: string) => postmark.messages.filter((m) => m.To === address);
const dispatch = async () => (await jobs.dispatch(tenant.tenant.id)).errors;

describe('failures', () => {
  it('an address Postmark refuses for good is FAILED and not tried again', async () => {
    postmark.deactivate('bounced@example.com');
    const id = await book('2027-03-16T10:00:00Z', { client: { name: 'Bo', email: 'bounced@example.com' } });
    const errors = await dispatch();
    expect(errors).toHaveLength(1);
    const [row] = await outbox(id);
    expect(row).toMatchObject({ kind: 'confirmation', status: 'FAILED' });
    expect(row!.lastError).toContain('inactive');
    clock.now = new Date('2027-03-01T08:00:00Z');
    await jobs.run({ queue: NOTIFICATION_QUEUES.outboxSweep, data: {}, options: {} });
    expect(sentTo('bounced@example.com')).toEqual([]);
  });

  it('a wrong token: PENDING again and the job fails; the sweep sends it once the token is right', async () => {
    const wrong = jobs.withEnv({ POSTMARK_SERVER_TOKEN: 'not-the-token' });
    const id = await book('2027-03-17T10:00:00Z');
    const { errors } = await jobs.dispatch(tenant.tenant.id, wrong);
    expect(errors).toHaveLength(1);
    expect((await outbox(id)).map((r) => [r.status, r.lastError])).toEqual([
      ['PENDING', 'Request does not contain a valid Server token.'],
      ['PENDING', 'Request does not contain a valid Server token.'],
    ]);
    expect(postmark.messages).toEqual([]);
    await jobs.run({ queue: NOTIFICATION_QUEUES.outboxSweep, data: {}, options: {} });
    expect((await outbox(id)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(postmark.messages).toHaveLength(2);
  });
});

describe('a crash between handing a message to Postmark and recording it', () => {
  const sweep = () => jobs.run({ queue: NOTIFICATION_QUEUES.outboxSweep, data: {}, options: {} });

  it('Postmark got it: left SENDING, found by its outbox id, never sent again', async () => {
    postmark.failNext('POST /email', 'hang_after_send');
    const id = await book('2027-03-18T10:00:00Z');
    expect(await dispatch()).toHaveLength(1);
    const [confirmation] = await outbox(id);
    expect(confirmation).toMatchObject({ kind: 'confirmation', status: 'SENDING' });
    expect(sentTo('ada@example.com')).toHaveLength(1);

    // Within the lease the attempt may still be running: nobody else touches it.
    await sweep();
    for (const job of jobs.jobs.filter((j) => j.queue === NOTIFICATION_QUEUES.event)) await jobs.run(job);
    expect((await outbox(id))[0]!.status).toBe('SENDING');

    clock.now = new Date('2027-03-01T07:05:00Z');
    await sweep();
    const [after] = await outbox(id);
    expect(after).toMatchObject({
      status: 'SENT',
      providerMessageId: sentTo('ada@example.com')[0]!.MessageID,
    });
    expect(sentTo('ada@example.com')).toHaveLength(1);
    expect(postmark.requests.some((r) => r.path === '/messages/outbound')).toBe(true);
  });

  it('Postmark never got it: left SENDING, asked, then sent once', async () => {
    postmark.failNext('POST /email', 'hang');
    const id = await book('2027-03-19T10:00:00Z');
    await dispatch();
    expect((await outbox(id))[0]).toMatchObject({ status: 'SENDING' });
    expect(sentTo('ada@example.com')).toHaveLength(0);
    clock.now = new Date('2027-03-01T07:05:00Z');
    await sweep();
    await sweep();
    expect((await outbox(id))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(sentTo('ada@example.com')).toHaveLength(1);
  });

  it('a 500 is no answer either: the next attempt after the lease asks, then sends', async () => {
    postmark.failNext('POST /email', 500);
    const id = await book('2027-03-20T10:00:00Z');
    await dispatch();
    expect((await outbox(id))[0]).toMatchObject({ status: 'SENDING' });
    clock.now = new Date('2027-03-01T07:05:00Z');
    await sweep();
    expect((await outbox(id))[0]).toMatchObject({ status: 'SENT' });
    expect(sentTo('ada@example.com')).toHaveLength(1);
  });
});
