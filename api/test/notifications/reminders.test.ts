import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { NOTIFICATION_QUEUES } from '../../src/use-cases/notifications/queues.ts';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { invitationOf } from '../helpers/invitations.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY, type RecordedJob } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Reminders: planned when a booking is confirmed or moved, one job per offset at its time, sent
// only for a booking still at that time and within the reminder's window. The tenant is in
// Europe/Berlin; bookings are made on 1 March 2027 (the clock moves to each reminder's time).
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let postmark: FakePostmark;
let tenant: CreatedTenant;
let serviceId: string;
let jobs: ReturnType<typeof notificationJobs>;

beforeAll(async () => {
  postmark = await startFakePostmark();
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Ana' });
  ({ serviceId } = await bookableService(t.app, tenant, { service: { name: 'Haircut' } }));
  jobs = notificationJobs(
    t.db,
    {
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_BASE: postmark.url,
      POSTMARK_FROM: 'bookings@mais.example',
      PUBLIC_URL: 'https://book.example.com',
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

async function book(start: string, extra: Record<string, unknown> = {}, service = serviceId) {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: { ...bookingBody(service, start, extra), overrideRules: true },
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().appointment.id as string;
  await dispatch();
  return id;
}
async function dispatch() {
  expect((await jobs.dispatch(tenant.tenant.id)).errors).toEqual([]);
}
const change = async (id: string, action: string, payload: object = {}) => {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/${action}`,
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  await dispatch();
};
const remindersOf = (id: string) => jobs.reminders().filter((job) => job.data.appointmentId === id);
/** Runs a reminder job at its time (or `at`), as pg-boss would after startAfter. */
async function runAt(job: RecordedJob, at: Date = job.options.startAfter!) {
  clock.now = at;
  await jobs.runReminder(job);
}
const reminderEmails = () => postmark.messages.filter((m) => m.Tag === 'reminder');

describe('reminders across daylight-saving changes (Europe/Berlin)', () => {
  it('spring: 10:00 CEST on 28 March 2027; 24 h before is 09:00 CET the day before', async () => {
    const id = await book('2027-03-28T08:00:00Z');
    const planned = remindersOf(id);
    expect(
      planned.map((job) => [
        job.data.offsetMinutes,
        job.options.startAfter!.toISOString(),
        job.options.singletonKey,
      ]),
    ).toEqual([
      [1440, '2027-03-27T08:00:00.000Z', `reminder:${id}:1440:2027-03-28T08:00:00.000Z`],
      [60, '2027-03-28T07:00:00.000Z', `reminder:${id}:60:2027-03-28T08:00:00.000Z`],
    ]);
    expect(planned.every((job) => job.queue === NOTIFICATION_QUEUES.reminder)).toBe(true);

    await runAt(planned[0]!);
    await runAt(planned[1]!);
    const [dayBefore, hourBefore] = reminderEmails();
    expect(dayBefore!.Subject).toBe('Reminder: Haircut in 1 day');
    expect(hourBefore!.Subject).toBe('Reminder: Haircut in 1 hour');
    for (const email of [dayBefore!, hourBefore!]) {
      expect(email.TextBody).toContain('When: Sunday, March 28, 2027, 10:00 AM (Europe/Berlin, UTC+02:00)');
      expect(invitationOf(email)).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
        tzid: 'Europe/Berlin',
        local: '2027-03-28T10:00:00',
      });
    }
  });

  it('autumn: 10:00 CET on 31 October 2027; 24 h before is 11:00 CEST the day before', async () => {
    const id = await book('2027-10-31T09:00:00Z');
    const planned = remindersOf(id);
    expect(planned.map((job) => job.options.startAfter!.toISOString())).toEqual([
      '2027-10-30T09:00:00.000Z',
      '2027-10-31T08:00:00.000Z',
    ]);
    await runAt(planned[0]!);
    expect(reminderEmails()[0]!.TextBody).toContain(
      'When: Sunday, October 31, 2027, 10:00 AM (Europe/Berlin, UTC+01:00)',
    );
  });
});

describe('which reminders go', () => {
  it('one per reminder, even when its job runs again', async () => {
    const id = await book('2027-03-05T10:00:00Z');
    const [dayBefore] = remindersOf(id);
    await runAt(dayBefore!);
    await runAt(dayBefore!, new Date(dayBefore!.options.startAfter!.getTime() + 60_000));
    expect(reminderEmails()).toHaveLength(1);
    expect(await t.db.outboxMessage.count({ where: { appointmentId: id, kind: 'reminder' } })).toBe(1);
  });

  it("a moved booking's old reminders send nothing; the new time's are planned and sent", async () => {
    const id = await book('2027-03-06T10:00:00Z');
    const [oldDayBefore] = remindersOf(id);
    await change(id, 'reschedule', { startTimeUtc: '2027-03-07T10:00:00Z' });
    const fresh = remindersOf(id).filter((job) => job.data.startTimeUtc === '2027-03-07T10:00:00.000Z');
    expect(fresh.map((job) => job.options.startAfter!.toISOString())).toEqual([
      '2027-03-06T10:00:00.000Z',
      '2027-03-07T09:00:00.000Z',
    ]);
    await runAt(oldDayBefore!);
    expect(reminderEmails()).toEqual([]);
    expect(jobs.logs.at(-1)).toMatchObject({ message: 'reminder not sent', data: { reason: 'moved' } });
    await runAt(fresh[0]!);
    expect(reminderEmails()).toHaveLength(1);
    expect(invitationOf(reminderEmails()[0]!)).toMatchObject({
      sequence: 1,
      start: '2027-03-07T10:00:00.000Z',
    });
  });

  it("a cancelled booking's reminders send nothing", async () => {
    const id = await book('2027-03-08T10:00:00Z');
    await change(id, 'cancel');
    for (const job of remindersOf(id)) await runAt(job);
    expect(reminderEmails()).toEqual([]);
    expect(jobs.logs.at(-1)).toMatchObject({ data: { reason: 'not_confirmed' } });
  });

  it('a reminder past its window (the server was down) is skipped, not sent late', async () => {
    const id = await book('2027-03-09T10:00:00Z');
    const [dayBefore, hourBefore] = remindersOf(id);
    // 24 h before: the window is 2 hours. 1 h before: 30 minutes.
    await runAt(dayBefore!, new Date('2027-03-08T12:00:00.001Z'));
    await runAt(hourBefore!, new Date('2027-03-09T09:29:00Z'));
    expect(reminderEmails().map((m) => m.Subject)).toEqual(['Reminder: Haircut in 1 hour']);
    expect(jobs.logs.some((line) => (line.data as { reason?: string }).reason === 'past_window')).toBe(true);
  });

  it('a reminder whose sending failed is not sent after its window either', async () => {
    const id = await book('2027-03-09T14:00:00Z');
    const [, hourBefore] = remindersOf(id);
    postmark.failNext('POST /email', 500);
    await runAt(hourBefore!).catch(() => undefined);
    clock.now = new Date('2027-03-09T13:45:00Z');
    await jobs.run({ queue: NOTIFICATION_QUEUES.outboxSweep, data: {}, options: {} });
    const [row] = await t.db.outboxMessage.findMany({ where: { appointmentId: id, kind: 'reminder' } });
    expect(row).toMatchObject({
      status: 'SKIPPED',
      lastError: 'past its window: a reminder is not sent late',
    });
    expect(reminderEmails()).toEqual([]);
  });

  it('none already due when the booking was made; a service may choose its own offsets', async () => {
    const soon = await book('2027-03-01T07:30:00Z');
    expect(remindersOf(soon)).toEqual([]);
    const { serviceId: custom } = await bookableService(t.app, tenant, {
      service: { name: 'Massage', reminderOffsetsMinutes: [2880, 15] },
    });
    const id = await book('2027-03-10T10:00:00Z', {}, custom);
    expect(remindersOf(id).map((job) => job.data.offsetMinutes)).toEqual([2880, 15]);
    const none = (await bookableService(t.app, tenant, { service: { reminderOffsetsMinutes: [] } }))
      .serviceId;
    expect(remindersOf(await book('2027-03-10T12:00:00Z', {}, none))).toEqual([]);
  });
});

describe('SMS reminders', () => {
  it('go to clients with a phone number when the tenant turned them on, logged with the number masked', async () => {
    const withoutSms = await book('2027-03-11T10:00:00Z', {
      client: { name: 'Ada', email: 'ada@example.com', phone: '+49 30 1234567' },
    });
    await runAt(remindersOf(withoutSms)[0]!);
    expect(await t.db.outboxMessage.count({ where: { appointmentId: withoutSms, channel: 'sms' } })).toBe(0);

    await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { smsReminders: true },
    });
    const id = await book('2027-03-12T10:00:00Z', {
      client: { name: 'Ada', email: 'ada@example.com', phone: '+49 30 1234567' },
    });
    const noPhone = await book('2027-03-12T12:00:00Z');
    const logged = jobs.logs.length;
    await runAt(remindersOf(id)[0]!);
    await runAt(remindersOf(noPhone)[0]!);
    const rows = await t.db.outboxMessage.findMany({
      where: { appointmentId: id, kind: 'reminder' },
      orderBy: { channel: 'asc' },
    });
    expect(rows.map((r) => [r.channel, r.status, r.recipient])).toEqual([
      ['email', 'SENT', 'ada@example.com'],
      ['sms', 'SKIPPED', '+49 30 1234567'],
    ]);
    expect(rows[1]!.textBody).toBe(
      'Studio Ana: reminder of Haircut in 1 day, Friday, March 12, 2027 at 11:00 AM (Europe/Berlin, UTC+01:00).',
    );
    expect(await t.db.outboxMessage.count({ where: { appointmentId: noPhone, channel: 'sms' } })).toBe(0);
    const lines = jobs.logs.slice(logged);
    expect(lines.filter((line) => line.message === 'SMS (logged, not sent)')).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('1234567');
    await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { smsReminders: false },
    });
  });
});
