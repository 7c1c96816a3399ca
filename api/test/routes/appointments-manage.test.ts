import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Managing a booking with its manage token: view, cancel, reschedule, cancellation terms.
// Monday 1 March 2027, 08:00 in Berlin (UTC+1). Providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

const { book, startsOn } = bookingRequests(() => ({ app: t.app, tenant }));

describe('managing a booking with its token', () => {
  async function booked(start = '2027-03-08T10:00:00Z') {
    const setup = await bookableService(t.app, tenant);
    const { appointment, manageToken } = (await book(bookingBody(setup.serviceId, start))).json();
    return { ...setup, appointment, manageToken };
  }

  it('shows the booking only with the right token', async () => {
    const { appointment, manageToken } = await booked();
    const ok = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/appointments/${appointment.id}?token=${manageToken}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().id).toBe(appointment.id);
    const wrong = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/appointments/${appointment.id}?token=${'x'.repeat(43)}`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('not_found');
    const otherTenant = await publicRequest(t.app, other, {
      method: 'GET',
      url: `/v1/public/appointments/${appointment.id}?token=${manageToken}`,
    });
    expect(otherTenant.statusCode).toBe(404);
  });

  it('takes the token from x-manage-token (before a body or ?token=), and names the header when none is sent', async () => {
    const { appointment, manageToken } = await booked('2027-03-08T12:00:00Z');
    const url = `/v1/public/appointments/${appointment.id}`;
    const byHeader = await publicRequest(t.app, tenant, {
      method: 'GET',
      url,
      headers: { 'x-manage-token': manageToken },
    });
    expect(byHeader.statusCode).toBe(200);
    // The header wins over a wrong query token, and a wrong header is not rescued by a right query.
    const headerFirst = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `${url}?token=${'x'.repeat(43)}`,
      headers: { 'x-manage-token': manageToken },
    });
    expect(headerFirst.statusCode).toBe(200);
    const wrongHeader = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `${url}?token=${manageToken}`,
      headers: { 'x-manage-token': 'x'.repeat(43) },
    });
    expect(wrongHeader.statusCode).toBe(404);
    for (const [method, path] of [
      ['GET', url],
      ['GET', `${url}/cancellation`],
      ['POST', `${url}/cancel`],
    ] as const) {
      const none = await publicRequest(t.app, tenant, {
        method,
        url: path,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(none.statusCode, `${method} ${path}`).toBe(400);
      expect(none.json().error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'x-manage-token', message: 'is required' }],
      });
    }
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );
  });

  it('cancels, which frees the slot; a wrong token changes nothing', async () => {
    const { appointment, manageToken, serviceId } = await booked();
    const wrong = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      payload: { token: 'y'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(404);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );

    const cancelled = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      payload: { token: manageToken },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', cancelledAt: read().toISOString() });
    expect(await startsOn(serviceId, '2027-03-08')).toContain('10:00');
    const twice = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      payload: { token: manageToken },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('invalid_state');
  });

  it("keeps the client's reason for cancelling in the booking and its history", async () => {
    const { appointment, manageToken } = await booked('2027-03-08T14:00:00Z');
    const tooLong = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      headers: { 'x-manage-token': manageToken },
      payload: { reason: 'x'.repeat(501) },
    });
    expect(tooLong.statusCode).toBe(400);
    const cancelled = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      headers: { 'x-manage-token': manageToken },
      payload: { reason: '  Train strike  ' },
    });
    expect(cancelled.statusCode).toBe(200);
    const stored = await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(stored.cancellationReason).toBe('Train strike');
    const events = await t.db.appointmentEvent.findMany({ where: { appointmentId: appointment.id } });
    expect(events.find((event) => event.type === 'CANCELLED')).toMatchObject({
      actor: 'CLIENT',
      data: { reason: 'Train strike' },
    });
  });

  it('reschedules atomically, and leaves the booking alone when the new time is taken', async () => {
    const { appointment, manageToken, serviceId } = await booked('2027-03-09T10:00:00Z');
    expect((await book(bookingBody(serviceId, '2027-03-09T13:00:00Z'))).statusCode).toBe(201);

    const refused = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/reschedule`,
      payload: { token: manageToken, startTimeUtc: '2027-03-09T13:00:00Z' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('slot_unavailable');
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );

    // Overlapping its own old time is fine: 10:30 is off-grid, 11:00 overlaps nothing but the old buffer-free slot.
    const moved = await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/reschedule`,
      payload: { token: manageToken, startTimeUtc: '2027-03-09T11:00:00Z' },
    });
    expect(moved.statusCode).toBe(200);
    // The same appointment moves: same id, same token, same link.
    expect(moved.json()).toMatchObject({
      id: appointment.id,
      status: 'CONFIRMED',
      startTimeUtc: '2027-03-09T11:00:00.000Z',
      rescheduledFromId: null,
    });
    // No second row: the booking and the 13:00 one are all there is.
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(2);
    const view = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/appointments/${appointment.id}`,
      headers: { 'x-manage-token': manageToken },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'CONFIRMED', startTimeUtc: '2027-03-09T11:00:00.000Z' });
    // The history records the move with both times.
    const history = (
      await t.db.appointmentEvent.findMany({
        where: { appointmentId: appointment.id },
        orderBy: { seq: 'asc' },
      })
    ).map((event) => ({ type: event.type, actor: event.actor, data: event.data }));
    expect(history).toEqual([
      {
        type: 'CREATED',
        actor: 'CLIENT',
        data: expect.objectContaining({ startTimeUtc: '2027-03-09T10:00:00.000Z' }),
      },
      {
        type: 'RESCHEDULED',
        actor: 'CLIENT',
        data: {
          from: { startTimeUtc: '2027-03-09T10:00:00.000Z', endTimeUtc: '2027-03-09T11:00:00.000Z' },
          to: { startTimeUtc: '2027-03-09T11:00:00.000Z', endTimeUtc: '2027-03-09T12:00:00.000Z' },
        },
      },
    ]);
    expect(await startsOn(serviceId, '2027-03-09')).toContain('10:00');
  });
});

describe('GET /v1/public/appointments/:id/cancellation', () => {
  it('shows the fee by the service policy, else the default, before cancelling', async () => {
    const owner = await createTestTenant(t.db);
    const { serviceId } = await bookableService(t.app, owner);
    const policy = (url: string, tiers: object[]) =>
      admin(t.app, owner, { method: 'PUT', url: `/v1/tenant-admin${url}`, payload: { tiers } });
    await policy('/cancellation-policy', [
      { hoursBeforeStart: 24, feePercentage: 50 },
      { hoursBeforeStart: 2, feePercentage: 100 },
    ]);
    const preview = async (start: string) => {
      const { appointment, manageToken } = (await book(bookingBody(serviceId, start), {}, owner)).json();
      const response = await publicRequest(t.app, owner, {
        method: 'GET',
        url: `/v1/public/appointments/${appointment.id}/cancellation?token=${manageToken}`,
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    // now = 07:00Z; price 5000.
    expect(await preview('2027-03-01T08:00:00Z')).toMatchObject({
      hoursBeforeStart: 1,
      tier: { hoursBeforeStart: 2, feePercentage: 100, feeFixedCents: null },
      feeCents: 5000,
      paidCents: 0,
      refundCents: 0,
      amountDueCents: 5000,
      currency: 'EUR',
    });
    expect(await preview('2027-03-01T12:00:00Z')).toMatchObject({ hoursBeforeStart: 5, feeCents: 2500 });
    expect(await preview('2027-03-04T12:00:00Z')).toMatchObject({
      tier: null,
      feeCents: 0,
      amountDueCents: 0,
    });

    await policy(`/services/${serviceId}/cancellation-policy`, [
      { hoursBeforeStart: 48, feeFixedCents: 700 },
    ]);
    expect(await preview('2027-03-02T12:00:00Z')).toMatchObject({
      feeCents: 700,
      tier: { feeFixedCents: 700 },
    });
  });

  it('answers 404 for a wrong token and 409 once cancelled', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const { appointment, manageToken } = (await book(bookingBody(serviceId, '2027-03-03T15:00:00Z'))).json();
    const url = (token: string) => `/v1/public/appointments/${appointment.id}/cancellation?token=${token}`;
    expect((await publicRequest(t.app, tenant, { method: 'GET', url: url('z'.repeat(43)) })).statusCode).toBe(
      404,
    );
    await publicRequest(t.app, tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${appointment.id}/cancel`,
      payload: { token: manageToken },
    });
    const after = await publicRequest(t.app, tenant, { method: 'GET', url: url(manageToken) });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('invalid_state');
  });
});
