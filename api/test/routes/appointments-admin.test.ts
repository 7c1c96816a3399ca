import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// The business's view: listing, manual bookings and status changes.
// Monday 1 March 2027, 08:00 in Berlin (UTC+1). Providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

const { book } = bookingRequests(() => ({ app: t.app, tenant }));

describe('admin appointments', () => {
  it('lists by day, status and provider, page by page', async () => {
    const owner = await createTestTenant(t.db);
    const { serviceId, providerIds } = await bookableService(t.app, owner, { providers: 2 });
    for (const hour of ['09', '10', '11']) {
      await book(
        bookingBody(serviceId, `2027-03-10T${hour}:00:00Z`, { providerId: providerIds[0] }),
        {},
        owner,
      );
    }
    await book(bookingBody(serviceId, '2027-03-11T09:00:00Z', { providerId: providerIds[1] }), {}, owner);

    const day = await admin(t.app, owner, {
      method: 'GET',
      url: '/v1/tenant-admin/appointments?startDate=2027-03-10&endDate=2027-03-10&limit=2',
    });
    expect(day.statusCode).toBe(200);
    expect(day.json().data.map((a: { startTimeUtc: string }) => a.startTimeUtc.slice(11, 13))).toEqual([
      '09',
      '10',
    ]);
    const next = await admin(t.app, owner, {
      method: 'GET',
      url: `/v1/tenant-admin/appointments?startDate=2027-03-10&endDate=2027-03-10&limit=2&cursor=${day.json().nextCursor}`,
    });
    expect(next.json().data.map((a: { startTimeUtc: string }) => a.startTimeUtc.slice(11, 13))).toEqual([
      '11',
    ]);
    expect(next.json().nextCursor).toBeNull();

    const byProvider = await admin(t.app, owner, {
      method: 'GET',
      url: `/v1/tenant-admin/appointments?providerId=${providerIds[1]}`,
    });
    expect(byProvider.json().data).toHaveLength(1);
    const cancelled = await admin(t.app, owner, {
      method: 'GET',
      url: '/v1/tenant-admin/appointments?status=CANCELLED',
    });
    expect(cancelled.json().data).toHaveLength(0);
  });

  it('books manually within the rules, or outside them only with overrideRules, never over a booking', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const manual = (start: string, extra: Record<string, unknown> = {}) =>
      admin(t.app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/appointments',
        payload: bookingBody(serviceId, start, extra),
      });
    expect((await manual('2027-03-12T18:00:00Z')).statusCode).toBe(409);
    const outside = await manual('2027-03-12T18:00:00Z', {
      overrideRules: true,
      notes: 'After hours for a regular',
    });
    expect(outside.statusCode).toBe(201);
    expect(outside.json().appointment.status).toBe('CONFIRMED');
    const overlapping = await manual('2027-03-12T18:30:00Z', { overrideRules: true });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.code).toBe('slot_unavailable');
  });

  it('completes or marks no-show only after the start, and cancels', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const a = (await book(bookingBody(serviceId, '2027-03-01T09:00:00Z'))).json().appointment;
    const b = (await book(bookingBody(serviceId, '2027-03-01T11:00:00Z'))).json().appointment;
    const c = (await book(bookingBody(serviceId, '2027-03-01T13:00:00Z'))).json().appointment;
    const post = (id: string, action: string) =>
      admin(t.app, tenant, { method: 'POST', url: `/v1/tenant-admin/appointments/${id}/${action}` });

    const early = await post(a.id, 'complete');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');

    clock.tick(5 * 60); // 12:00Z
    try {
      expect((await post(a.id, 'complete')).json()).toMatchObject({
        status: 'COMPLETED',
        completedAt: read().toISOString(),
      });
      expect((await post(b.id, 'no-show')).json().status).toBe('NO_SHOW');
      expect((await post(a.id, 'cancel')).statusCode).toBe(409);
      const cancelled = await admin(t.app, tenant, {
        method: 'POST',
        url: `/v1/tenant-admin/appointments/${c.id}/cancel`,
        payload: { reason: 'Provider ill' },
      });
      expect(cancelled.json().status).toBe('CANCELLED');
      expect((await t.db.appointment.findUniqueOrThrow({ where: { id: c.id } })).cancellationReason).toBe(
        'Provider ill',
      );
    } finally {
      clock.tick(-5 * 60);
    }
  });

  it("answers 404 for another tenant's appointment and changes nothing", async () => {
    const theirs = await bookableService(t.app, other);
    const appointment = (await book(bookingBody(theirs.serviceId, '2027-03-02T10:00:00Z'), {}, other)).json()
      .appointment;
    for (const action of ['cancel', 'complete', 'no-show']) {
      const response = await admin(t.app, tenant, {
        method: 'POST',
        url: `/v1/tenant-admin/appointments/${appointment.id}/${action}`,
      });
      expect(response.statusCode).toBe(404);
    }
    expect(
      (await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${appointment.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe(
      'CONFIRMED',
    );
  });

  it('reschedules the same appointment and shows every change with its actor in the history', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const booked = (await book(bookingBody(serviceId, '2027-03-12T09:00:00Z'))).json();
    const id = booked.appointment.id;
    const moved = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/reschedule`,
      payload: { startTimeUtc: '2027-03-12T14:00:00Z' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id, startTimeUtc: '2027-03-12T14:00:00.000Z' });
    const closed = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/reschedule`,
      payload: { startTimeUtc: '2027-03-12T20:00:00Z' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('slot_unavailable');
    const cancelled = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/cancel`,
      payload: { reason: 'provider ill' },
    });
    expect(cancelled.statusCode).toBe(200);

    const shown = await admin(t.app, tenant, { method: 'GET', url: `/v1/tenant-admin/appointments/${id}` });
    expect(shown.statusCode).toBe(200);
    const history = shown.json().history as Array<{ seq: number; type: string; actor: string; data: object }>;
    expect(history.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
      {
        type: 'CREATED',
        actor: 'CLIENT',
        data: expect.objectContaining({ startTimeUtc: '2027-03-12T09:00:00.000Z' }),
      },
      {
        type: 'RESCHEDULED',
        actor: 'ADMIN',
        data: {
          from: { startTimeUtc: '2027-03-12T09:00:00.000Z', endTimeUtc: '2027-03-12T10:00:00.000Z' },
          to: { startTimeUtc: '2027-03-12T14:00:00.000Z', endTimeUtc: '2027-03-12T15:00:00.000Z' },
        },
      },
      { type: 'CANCELLED', actor: 'ADMIN', data: { reason: 'provider ill' } },
    ]);
    // Sequence numbers rise within the tenant.
    expect(history[1]!.seq).toBeGreaterThan(history[0]!.seq);
    expect(history[2]!.seq).toBeGreaterThan(history[1]!.seq);
    // The history is append-only in the database itself.
    await expect(
      t.db.$executeRaw`UPDATE appointment_events SET data = '{}' WHERE "appointmentId" = ${id}::uuid`,
    ).rejects.toThrow(/append-only/);
  });
});
