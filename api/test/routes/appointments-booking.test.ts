import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvailabilitySchema, AvailableDatesSchema } from '../../src/schemas/availability-query.schemas.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Availability, booking, idempotency and holds.
// Monday 1 March 2027, 08:00 in Berlin (UTC+1). Providers work 09:00–17:00 Berlin = 08:00Z–16:00Z.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

let stripe: FakeStripe;

beforeAll(async () => {
  // Card payments on (a fake Stripe), and `tenant` takes cards: paid services are held until paid.
  // `other` has no Stripe account: its paid services are paid at the appointment.
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  await connectTenant(t, stripe, tenant);
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const { book, availability, startsOn } = bookingRequests(() => ({ app: t.app, tenant }));

describe('GET /v1/public/services/:serviceId/availability', () => {
  it('lists the day’s slots with the local start in the client’s zone', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant);
    const response = await availability(
      serviceId,
      'startDate=2027-03-02&endDate=2027-03-02&timezone=America/New_York',
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.timezone).toBe('America/New_York');
    // New York's 2 March runs 05:00Z–05:00Z next day; Berlin hours 08:00Z–16:00Z fit inside: 8 one-hour slots.
    expect(body.slots).toHaveLength(8);
    expect(body.slots[0]).toEqual({
      startTimeUtc: '2027-03-02T08:00:00.000Z',
      endTimeUtc: '2027-03-02T09:00:00.000Z',
      localStart: '2027-03-02T03:00:00-05:00',
      providerIds,
      seatsLeft: 1,
    }); // The route sends plain JSON (no per-item validation on the way out): the answer must still be
    // exactly what its documented schema says, no field more or less.
    expect(AvailabilitySchema.strict().parse(body)).toEqual(body);
  });

  it('respects minimum notice from now', async () => {
    const { serviceId } = await bookableService(t.app, tenant, { service: { minimumNoticeMinutes: 120 } });
    // now = 07:00Z; notice 2 h → first start 09:00Z.
    expect((await startsOn(serviceId, '2027-03-01'))[0]).toBe('09:00');
  });

  it('answers the month calendar with the days that have slots', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant, {
      weekly: [{ dayOfWeek: 3, startTime: '09:00', endTime: '12:00' }],
    });
    await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/availability-overrides',
      payload: { providerId: providerIds[0], date: '2027-03-10', closed: true },
    });
    const response = await publicRequest(t.app, tenant, {
      method: 'GET',
      url: `/v1/public/services/${serviceId}/availability/dates?month=2027-03&timezone=Europe/Berlin`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      timezone: 'Europe/Berlin',
      month: '2027-03',
      dates: ['2027-03-03', '2027-03-17', '2027-03-24', '2027-03-31'],
    });
    expect(AvailableDatesSchema.strict().parse(response.json())).toEqual(response.json());
  });

  it.each([
    ['startDate=2027-03-01&endDate=2027-05-02&timezone=UTC', 'endDate'],
    ['startDate=2027-03-05&endDate=2027-03-01&timezone=UTC', 'endDate'],
    ['startDate=2027-02-30&endDate=2027-03-01&timezone=UTC', 'startDate'],
    ['startDate=2027-03-01&endDate=2027-03-01&timezone=Mars/Olympus', 'timezone'],
    ['startDate=2027-03-01&endDate=2027-03-01', 'timezone'],
    ['startDate=2027-03-01&endDate=2027-03-01&timezone=UTC&providerId=nope', 'providerId'],
  ])('answers 400 for %s', async (query, path) => {
    const { serviceId } = await bookableService(t.app, tenant);
    const response = await availability(serviceId, query);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it("answers 404 for another tenant's service and for a provider who does not offer it", async () => {
    const { serviceId } = await bookableService(t.app, other);
    expect(
      (await availability(serviceId, 'startDate=2027-03-02&endDate=2027-03-02&timezone=UTC')).statusCode,
    ).toBe(404);
    const mine = await bookableService(t.app, tenant);
    const stranger = '00000000-0000-4000-8000-000000000000';
    const response = await availability(
      mine.serviceId,
      `startDate=2027-03-02&endDate=2027-03-02&timezone=UTC&providerId=${stranger}`,
    );
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /v1/public/appointments', () => {
  it('books a free slot once: the slot disappears and a second booking is refused', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant);
    const response = await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'));
    expect(response.statusCode).toBe(201);
    const { appointment, manageToken } = response.json();
    expect(appointment).toMatchObject({
      status: 'CONFIRMED',
      providerId: providerIds[0],
      startTimeUtc: '2027-03-02T10:00:00.000Z',
      endTimeUtc: '2027-03-02T11:00:00.000Z',
      paymentStatus: 'NOT_REQUIRED',
      totalAmountCents: 5000,
      holdExpiresAt: null,
    });
    expect(manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.manageTokenHash).not.toContain(manageToken);

    expect(await startsOn(serviceId, '2027-03-02')).not.toContain('10:00');
    const again = await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('slot_unavailable');
  });

  it('refuses times off the grid, outside hours, past the window and in the past', async () => {
    const { serviceId } = await bookableService(t.app, tenant, { service: { bookingWindowDays: 7 } });
    for (const start of [
      '2027-03-02T10:30:00Z',
      '2027-03-02T16:00:00Z',
      '2027-03-09T10:00:00Z',
      '2027-03-01T06:00:00Z',
    ]) {
      const response = await book(bookingBody(serviceId, start));
      expect(response.statusCode, start).toBe(409);
      expect(response.json().error.code).toBe('slot_unavailable');
    }
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(0);
  });

  it('keeps buffers clear around bookings', async () => {
    const { serviceId } = await bookableService(t.app, tenant, {
      service: { durationMinutes: 30, slotIntervalMinutes: 30, bufferAfterMinutes: 30 },
    });
    expect((await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'))).statusCode).toBe(201);
    // 10:00–10:30 plus 30 minutes of buffer: 10:30 is gone, 11:00 is free.
    const starts = await startsOn(serviceId, '2027-03-02');
    expect(starts).not.toContain('10:30');
    expect(starts).toContain('11:00');
    expect((await book(bookingBody(serviceId, '2027-03-02T10:30:00Z'))).statusCode).toBe(409);
  });

  it('assigns "any available" to the least booked provider that day, then round-robin', async () => {
    const { serviceId, providerIds } = await bookableService(t.app, tenant, { providers: 2 });
    const first = (await book(bookingBody(serviceId, '2027-03-03T09:00:00Z'))).json().appointment.providerId;
    const second = (await book(bookingBody(serviceId, '2027-03-03T10:00:00Z'))).json().appointment.providerId;
    expect(new Set([first, second])).toEqual(new Set(providerIds));
    const third = (await book(bookingBody(serviceId, '2027-03-03T11:00:00Z'))).json().appointment.providerId;
    expect(third).toBe(first); // both have one booking that day; `first` was booked longer ago
    // When only one provider is free, it gets the booking.
    const chosen = await book(bookingBody(serviceId, '2027-03-03T12:00:00Z', { providerId: providerIds[1] }));
    expect(chosen.json().appointment.providerId).toBe(providerIds[1]);
  });

  it('sells class seats up to capacity', async () => {
    const { serviceId } = await bookableService(t.app, tenant, { service: { capacity: 3 } });
    const slot = async () =>
      (await availability(serviceId, 'startDate=2027-03-02&endDate=2027-03-02&timezone=UTC'))
        .json()
        .slots.find((s: { startTimeUtc: string }) => s.startTimeUtc === '2027-03-02T10:00:00.000Z');
    expect((await slot()).seatsLeft).toBe(3);
    expect((await book(bookingBody(serviceId, '2027-03-02T10:00:00Z', { seats: 2 }))).statusCode).toBe(201);
    expect((await slot()).seatsLeft).toBe(1);
    expect((await book(bookingBody(serviceId, '2027-03-02T10:00:00Z', { seats: 2 }))).statusCode).toBe(409);
    expect((await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'))).statusCode).toBe(201);
    expect(await slot()).toBeUndefined();
  });

  it('claims a free room, and offers nothing once every room is taken', async () => {
    const { serviceId, resourceIds } = await bookableService(t.app, tenant, { providers: 2, resources: 1 });
    const first = await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'));
    expect(first.json().appointment.resourceId).toBe(resourceIds[0]);
    expect(await startsOn(serviceId, '2027-03-02')).not.toContain('10:00');
    expect((await book(bookingBody(serviceId, '2027-03-02T10:00:00Z'))).statusCode).toBe(409);
  });

  it('validates intake answers by type', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const fields = (
      await admin(t.app, tenant, {
        method: 'PUT',
        url: `/v1/tenant-admin/services/${serviceId}/intake-fields`,
        payload: [
          { label: 'Hair length', fieldType: 'SELECT', required: true, options: ['Short', 'Long'] },
          { label: 'Birthday', fieldType: 'DATE', required: false },
          { label: 'Agree', fieldType: 'CHECKBOX', required: true },
        ],
      })
    ).json().data as Array<{ id: string }>;
    const [length, birthday, agree] = fields.map((field) => field.id) as [string, string, string];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ [birthday]: '1990-01-01', [agree]: true }, `intake.${length}`],
      [{ [length]: 'Medium', [agree]: true }, `intake.${length}`],
      [{ [length]: 'Short', [birthday]: '1990-02-30', [agree]: true }, `intake.${birthday}`],
      [{ [length]: 'Short', [agree]: false }, `intake.${agree}`],
      [{ [length]: 'Short', [agree]: 'yes' }, `intake.${agree}`],
      [
        { [length]: 'Short', [agree]: true, '00000000-0000-4000-8000-000000000000': 'x' },
        'intake.00000000-0000-4000-8000-000000000000',
      ],
    ];
    for (const [intake, path] of cases) {
      const response = await book(bookingBody(serviceId, '2027-03-02T10:00:00Z', { intake }));
      expect(response.statusCode, JSON.stringify(intake)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(0);

    const ok = await book(
      bookingBody(serviceId, '2027-03-02T10:00:00Z', { intake: { [length]: 'Long', [agree]: true } }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().appointment.intake).toEqual([
      { fieldId: length, label: 'Hair length', value: 'Long' },
      { fieldId: agree, label: 'Agree', value: true },
    ]);
  });

  it.each([
    [{ startTimeUtc: '2027-03-02T10:00:00+01:00' }, 'startTimeUtc'],
    [{ startTimeUtc: 'tomorrow' }, 'startTimeUtc'],
    [{ clientTimezone: 'Nowhere/Land' }, 'clientTimezone'],
    [{ client: { name: 'A', email: 'not-an-email' } }, 'client.email'],
    [{ client: { email: 'a@example.com' } }, 'client.name'],
    [{ seats: 0 }, 'seats'],
    [{ seats: 2 }, 'seats'],
    [{ serviceId: 'abc' }, 'serviceId'],
    [{ coupon: 'FREE' }, 'coupon'],
  ])('answers 400 for %j and books nothing', async (change, path) => {
    const { serviceId } = await bookableService(t.app, tenant);
    const response = await book({ ...bookingBody(serviceId, '2027-03-02T10:00:00Z'), ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(0);
  });

  it("answers 404 for another tenant's service or provider", async () => {
    const theirs = await bookableService(t.app, other);
    expect((await book(bookingBody(theirs.serviceId, '2027-03-02T10:00:00Z'))).statusCode).toBe(404);
    const mine = await bookableService(t.app, tenant);
    const response = await book(
      bookingBody(mine.serviceId, '2027-03-02T10:00:00Z', { providerId: theirs.providerIds[0] }),
    );
    expect(response.statusCode).toBe(404);
    expect(
      await t.db.appointment.count({ where: { serviceId: { in: [theirs.serviceId, mine.serviceId] } } }),
    ).toBe(0);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same body and refuses another body with 422', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const body = bookingBody(serviceId, '2027-03-04T10:00:00Z');
    const first = await book(body, { 'idempotency-key': 'order-1' });
    const replay = await book({ ...body }, { 'idempotency-key': 'order-1' });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(1);

    const reused = await book(bookingBody(serviceId, '2027-03-04T11:00:00Z'), {
      'idempotency-key': 'order-1',
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect(await t.db.appointment.count({ where: { serviceId } })).toBe(1);
  });

  it('keeps keys apart per tenant', async () => {
    const mine = await bookableService(t.app, tenant);
    const theirs = await bookableService(t.app, other);
    expect(
      (await book(bookingBody(mine.serviceId, '2027-03-04T12:00:00Z'), { 'idempotency-key': 'shared' }))
        .statusCode,
    ).toBe(201);
    const response = await book(
      bookingBody(theirs.serviceId, '2027-03-04T12:00:00Z'),
      { 'idempotency-key': 'shared' },
      other,
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('paid services without card payments', () => {
  it('are booked confirmed, the amount due at the appointment, with no hold and no payment', async () => {
    const { serviceId } = await bookableService(t.app, other, {
      service: { paymentMode: 'DEPOSIT', depositCents: 2000, priceBaseCents: 8000 },
    });
    const response = await book(bookingBody(serviceId, '2027-03-05T12:00:00Z'), {}, other);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      appointment: { status: 'CONFIRMED', paymentStatus: 'AWAITING_PAYMENT', holdExpiresAt: null },
      payment: null,
    });
    expect(stripe.requests.filter((r) => r.path === '/v1/payment_intents')).toHaveLength(0);
  });
});

describe('holds for paid services', () => {
  it('holds the slot while unpaid and frees it when the hold expires, with no job', async () => {
    const { serviceId } = await bookableService(t.app, tenant, {
      service: { paymentMode: 'DEPOSIT', depositPercent: 25, priceBaseCents: 8000 },
    });
    const held = await book(bookingBody(serviceId, '2027-03-05T10:00:00Z'));
    expect(held.statusCode).toBe(201);
    const hold = held.json().appointment;
    expect(hold).toMatchObject({
      status: 'PENDING',
      paymentStatus: 'AWAITING_PAYMENT',
      totalAmountCents: 8000,
      depositAmountCents: 2000,
      holdExpiresAt: new Date(read().getTime() + 10 * 60_000).toISOString(),
    });
    expect(await startsOn(serviceId, '2027-03-05')).not.toContain('10:00');
    expect((await book(bookingBody(serviceId, '2027-03-05T10:00:00Z'))).statusCode).toBe(409);

    clock.tick(11);
    try {
      expect(await startsOn(serviceId, '2027-03-05')).toContain('10:00');
      const taken = await book(bookingBody(serviceId, '2027-03-05T10:00:00Z'));
      expect(taken.statusCode).toBe(201);
      const expired = await t.db.appointment.findUniqueOrThrow({ where: { id: hold.id } });
      expect(expired.status).toBe('CANCELLED');
      expect(expired.cancellationReason).toBe('hold_expired');
    } finally {
      clock.tick(-11);
    }
  });

  it('a moved hold keeps its expiry; an expired hold cannot be moved, and its release is in its history', async () => {
    const { serviceId } = await bookableService(t.app, tenant, {
      service: { paymentMode: 'FULL', priceBaseCents: 3000 },
    });
    const held = (await book(bookingBody(serviceId, '2027-03-06T10:00:00Z'))).json();
    const expiry = held.appointment.holdExpiresAt;
    clock.tick(4);
    try {
      const moved = await publicRequest(t.app, tenant, {
        method: 'POST',
        url: `/v1/public/appointments/${held.appointment.id}/reschedule`,
        headers: { 'x-manage-token': held.manageToken },
        payload: { startTimeUtc: '2027-03-06T12:00:00Z' },
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({
        id: held.appointment.id,
        status: 'PENDING',
        holdExpiresAt: expiry,
      });

      clock.tick(7); // 11 minutes after booking: the 10-minute hold is over.
      const late = await publicRequest(t.app, tenant, {
        method: 'POST',
        url: `/v1/public/appointments/${held.appointment.id}/reschedule`,
        headers: { 'x-manage-token': held.manageToken },
        payload: { startTimeUtc: '2027-03-06T13:00:00Z' },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({
        code: 'invalid_state',
        message: expect.stringMatching(/hold has expired/),
      });
      // The next booking over its time releases it, with a SYSTEM event in its history.
      expect((await book(bookingBody(serviceId, '2027-03-06T12:00:00Z'))).statusCode).toBe(201);
      const history = await admin(t.app, tenant, {
        method: 'GET',
        url: `/v1/tenant-admin/appointments/${held.appointment.id}`,
      });
      expect(history.json().status).toBe('CANCELLED');
      expect(
        history.json().history.map((e: { type: string; actor: string }) => `${e.type} ${e.actor}`),
      ).toEqual(['HELD CLIENT', 'PAYMENT_REQUESTED SYSTEM', 'RESCHEDULED CLIENT', 'CANCELLED SYSTEM']);
      expect(history.json().history[3].data).toEqual({ reason: 'hold_expired' });
    } finally {
      clock.tick(-11);
    }
  });
});

describe('classes', () => {
  it('says how many seats are left when more are asked for', async () => {
    const { serviceId } = await bookableService(t.app, tenant, { service: { capacity: 8 } });
    expect((await book(bookingBody(serviceId, '2027-03-04T10:00:00Z', { seats: 3 }))).statusCode).toBe(201);
    const tooMany = await book(bookingBody(serviceId, '2027-03-04T10:00:00Z', { seats: 6 }));
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error).toMatchObject({
      code: 'slot_unavailable',
      message: '2027-03-04T10:00:00Z has only 5 seats left; 6 were requested.',
    });
    const nine = await book(bookingBody(serviceId, '2027-03-04T11:00:00Z', { seats: 9 }));
    expect(nine.json().error.message).toBe('2027-03-04T11:00:00Z has only 8 seats left; 9 were requested.');
  });
});
