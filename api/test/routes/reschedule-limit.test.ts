import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Until when a client may move a booking: the policy's rescheduleAllowedUntilHours, else as long as
// cancelling is free under its tiers (the default tiers: 48 h before the start, exactly 48 h in
// time). Admins may move any booking at any time. Now: Monday 1 March 2027, 07:00Z; providers work
// 08:00Z–16:00Z.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let plain: CreatedTenant; // no cancellation policy
let strict: CreatedTenant; // policies with their own limit

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  plain = await createTestTenant(t.db);
  strict = await createTestTenant(t.db);
});
afterAll(() => t.close());
beforeEach(() => {
  clock.now = new Date('2027-03-01T07:00:00Z');
});

async function bookFor(owner: CreatedTenant, serviceId: string, start: string) {
  const { book } = bookingRequests(() => ({ app: t.app, tenant: owner }));
  const response = await book(bookingBody(serviceId, start));
  expect(response.statusCode, response.body).toBe(201);
  const { appointment, manageToken } = response.json();
  return { id: appointment.id as string, token: manageToken as string };
}
const asClient = (owner: CreatedTenant, id: string, token: string, startTimeUtc: string) =>
  publicRequest(t.app, owner, {
    method: 'POST',
    url: `/v1/public/appointments/${id}/reschedule`,
    headers: { 'x-manage-token': token },
    payload: { startTimeUtc },
  });
const asAdmin = (owner: CreatedTenant, id: string, startTimeUtc: string) =>
  admin(t.app, owner, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/reschedule`,
    payload: { startTimeUtc },
  });
async function preview(owner: CreatedTenant, id: string, token: string) {
  const response = await publicRequest(t.app, owner, {
    method: 'GET',
    url: `/v1/public/appointments/${id}/cancellation`,
    headers: { 'x-manage-token': token },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const putPolicy = (owner: CreatedTenant, url: string, payload: object) =>
  admin(t.app, owner, { method: 'PUT', url: `/v1/tenant-admin${url}`, payload });
const startOf = async (id: string) =>
  (await t.db.appointment.findUniqueOrThrow({ where: { id } })).startTimeUtc.toISOString();
const moves = (appointmentId: string) =>
  t.db.appointmentEvent.count({ where: { appointmentId, type: 'RESCHEDULED' } });

/** Refused: 409 reschedule_too_late naming the limit, and the booking where it was. */
async function expectTooLate(owner: CreatedTenant, id: string, token: string, to: string, hours: number) {
  const [startBefore, movesBefore] = [await startOf(id), await moves(id)];
  const response = await asClient(owner, id, token, to);
  expect(response.statusCode, response.body).toBe(409);
  expect(response.json().error).toMatchObject({
    code: 'reschedule_too_late',
    message: expect.stringContaining(`until ${hours} hours before its start`),
  });
  expect(await startOf(id)).toBe(startBefore);
  expect(await moves(id)).toBe(movesBefore);
}

describe('without a policy: as long as cancelling is free (48 h)', () => {
  let paidServiceId: string;
  let freeServiceId: string;
  beforeAll(async () => {
    ({ serviceId: paidServiceId } = await bookableService(t.app, plain, {
      service: { priceBaseCents: 5000 },
    }));
    ({ serviceId: freeServiceId } = await bookableService(t.app, plain, {
      service: { name: 'Chat', priceBaseCents: 0 },
    }));
  });

  it('exactly 48 h before is in time; 1 ms later, from the new start, is not; an admin still can', async () => {
    const { id, token } = await bookFor(plain, paidServiceId, '2027-03-05T10:00:00Z');
    expect((await preview(plain, id, token)).rescheduleAllowedUntil).toBe('2027-03-03T10:00:00.000Z');

    clock.now = new Date('2027-03-03T10:00:00.000Z');
    const moved = await asClient(plain, id, token, '2027-03-05T11:00:00Z');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startTimeUtc).toBe('2027-03-05T11:00:00.000Z');
    // The limit follows the booking's start as it is now: 2027-03-03T11:00.
    expect((await preview(plain, id, token)).rescheduleAllowedUntil).toBe('2027-03-03T11:00:00.000Z');

    clock.now = new Date('2027-03-03T11:00:00.001Z');
    await expectTooLate(plain, id, token, '2027-03-05T12:00:00Z', 48);

    const byAdmin = await asAdmin(plain, id, '2027-03-05T12:00:00Z');
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(await startOf(id)).toBe('2027-03-05T12:00:00.000Z');
  });

  it('an hour before the start, a minute after the limit: refused; admins move it anyway', async () => {
    const { id, token } = await bookFor(plain, paidServiceId, '2027-03-06T10:00:00Z');
    clock.now = new Date('2027-03-04T10:01:00Z');
    await expectTooLate(plain, id, token, '2027-03-06T13:00:00Z', 48);
    clock.now = new Date('2027-03-06T09:00:00Z');
    await expectTooLate(plain, id, token, '2027-03-06T13:00:00Z', 48);
    expect((await asAdmin(plain, id, '2027-03-06T13:00:00Z')).statusCode).toBe(200);
  });

  it('a free booking costs nothing to cancel: movable until the start', async () => {
    const { id, token } = await bookFor(plain, freeServiceId, '2027-03-02T10:00:00Z');
    expect((await preview(plain, id, token)).rescheduleAllowedUntil).toBeNull();
    clock.now = new Date('2027-03-02T09:00:00Z');
    const moved = await asClient(plain, id, token, '2027-03-02T12:00:00Z');
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

describe('a policy with rescheduleAllowedUntilHours', () => {
  let serviceId: string;
  let ownServiceId: string;
  beforeAll(async () => {
    ({ serviceId } = await bookableService(t.app, strict, { service: { priceBaseCents: 5000 } }));
    ({ serviceId: ownServiceId } = await bookableService(t.app, strict, {
      service: { name: 'Own policy', priceBaseCents: 5000 },
    }));
  });

  it('is accepted and returned by the PUT and GET routes; omitted keeps it, null clears it', async () => {
    const set = await putPolicy(strict, '/cancellation-policy', {
      tiers: [{ hoursBeforeStart: 48, feePercentage: 50 }],
      rescheduleAllowedUntilHours: 6,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ serviceId: null, rescheduleAllowedUntilHours: 6 });
    const read = await admin(t.app, strict, { method: 'GET', url: '/v1/tenant-admin/cancellation-policy' });
    expect(read.json()).toEqual(set.json());

    const kept = await putPolicy(strict, '/cancellation-policy', {
      tiers: [{ hoursBeforeStart: 48, feePercentage: 50 }],
    });
    expect(kept.json().rescheduleAllowedUntilHours).toBe(6);
    const cleared = await putPolicy(strict, '/cancellation-policy', {
      tiers: [],
      rescheduleAllowedUntilHours: null,
    });
    expect(cleared.json()).toMatchObject({ tiers: [], rescheduleAllowedUntilHours: null });
    const stored = await t.db.cancellationPolicy.findFirstOrThrow({
      where: { tenantId: strict.tenant.id, serviceId: null },
    });
    expect(stored.rescheduleAllowedUntilHours).toBeNull();

    const own = await putPolicy(strict, `/services/${ownServiceId}/cancellation-policy`, {
      tiers: [],
      rescheduleAllowedUntilHours: 24,
    });
    expect(own.json()).toMatchObject({ serviceId: ownServiceId, rescheduleAllowedUntilHours: 24 });
  });

  it.each([[-1], [8761], [1.5], ['6']])('refuses %j hours (400), and changes nothing', async (hours) => {
    const before = await t.db.cancellationPolicy.findMany({ where: { tenantId: strict.tenant.id } });
    const response = await putPolicy(strict, '/cancellation-policy', {
      tiers: [],
      rescheduleAllowedUntilHours: hours,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('rescheduleAllowedUntilHours');
    expect(await t.db.cancellationPolicy.findMany({ where: { tenantId: strict.tenant.id } })).toEqual(before);
  });

  it('6 hours, whatever the tiers say: exactly 6 h before in time, 1 ms later refused', async () => {
    const set = await putPolicy(strict, '/cancellation-policy', {
      tiers: [{ hoursBeforeStart: 48, feePercentage: 50 }],
      rescheduleAllowedUntilHours: 6,
    });
    expect(set.statusCode).toBe(200);
    const { id, token } = await bookFor(strict, serviceId, '2027-03-04T10:00:00Z');
    expect((await preview(strict, id, token)).rescheduleAllowedUntil).toBe('2027-03-04T04:00:00.000Z');

    // 30 h before: the 48-hour tier would charge half, but moving is allowed until 6 h.
    clock.now = new Date('2027-03-03T04:00:00Z');
    expect((await asClient(strict, id, token, '2027-03-04T09:00:00Z')).statusCode).toBe(200);
    clock.now = new Date('2027-03-04T03:00:00Z'); // exactly 6 h before 09:00
    expect((await asClient(strict, id, token, '2027-03-04T12:00:00Z')).statusCode).toBe(200);
    clock.now = new Date('2027-03-04T06:00:00.001Z'); // 6 h − 1 ms before 12:00
    await expectTooLate(strict, id, token, '2027-03-04T13:00:00Z', 6);
    expect((await asAdmin(strict, id, '2027-03-04T13:00:00Z')).statusCode).toBe(200);
  });

  it("0 hours: until the start; a service's own policy wins over the default", async () => {
    expect(
      (await putPolicy(strict, '/cancellation-policy', { tiers: [], rescheduleAllowedUntilHours: 0 }))
        .statusCode,
    ).toBe(200);
    const anyTime = await bookFor(strict, serviceId, '2027-03-05T10:00:00Z');
    clock.now = new Date('2027-03-05T09:59:00Z');
    expect((await asClient(strict, anyTime.id, anyTime.token, '2027-03-05T13:00:00Z')).statusCode).toBe(200);

    clock.now = new Date('2027-03-01T07:00:00Z');
    const own = await bookFor(strict, ownServiceId, '2027-03-06T10:00:00Z');
    expect((await preview(strict, own.id, own.token)).rescheduleAllowedUntil).toBe(
      '2027-03-05T10:00:00.000Z',
    );
    clock.now = new Date('2027-03-05T10:00:00Z');
    expect((await asClient(strict, own.id, own.token, '2027-03-06T11:00:00Z')).statusCode).toBe(200);
    clock.now = new Date('2027-03-05T11:00:01Z');
    await expectTooLate(strict, own.id, own.token, '2027-03-06T12:00:00Z', 24);
  });
});
