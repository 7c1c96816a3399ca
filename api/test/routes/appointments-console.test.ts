import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { notificationJobs } from '../helpers/notification-jobs.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// What the console's Appointments area asks of the API: the list's filters and client search, the
// appointment page (names, history, ledger rows), the admin's cancellation preview and resending the
// confirmation. Monday 1 March 2027, 08:00 in Berlin; providers work 09:00–17:00 Berlin every day.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let serviceId: string;
let otherServiceId: string;
let providerIds: string[];
let providerSession: Session;
const ids = {} as Record<'ada' | 'grace' | 'odd' | 'alan', string>;

const get = (url: string, owner = tenant) => admin(t.app, owner, { method: 'GET', url });
const post = (url: string, payload?: object, headers: Record<string, string> = {}, owner = tenant) =>
  admin(t.app, owner, { method: 'POST', url, ...(payload ? { payload } : {}), headers });
const listOf = async (query: string) => {
  const response = await get(`/v1/tenant-admin/appointments?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data.map((a: { client: { name: string } }) => a.client.name) as string[];
};

async function manual(
  key: keyof typeof ids,
  service: string,
  start: string,
  client: object,
  providerId: string,
) {
  const response = await post('/v1/tenant-admin/appointments', {
    ...bookingBody(service, start, { providerId }),
    client,
  });
  expect(response.statusCode, response.body).toBe(201);
  ids[key] = response.json().appointment.id;
}

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  ({ serviceId, providerIds } = await bookableService(t.app, tenant, {
    providers: 2,
    service: { name: 'Cut' },
  }));
  const second = await bookableService(t.app, tenant, { service: { name: 'Colour' } });
  otherServiceId = second.serviceId;
  const [mine, theirs] = providerIds as [string, string];
  await admin(t.app, tenant, {
    method: 'PUT',
    url: `/v1/tenant-admin/providers/${mine}/services`,
    payload: [{ serviceId }, { serviceId: otherServiceId }],
  });
  await manual(
    'ada',
    serviceId,
    '2027-03-10T09:00:00Z',
    { name: 'Ada Lovelace', email: 'ada@math.example' },
    mine,
  );
  await manual(
    'grace',
    serviceId,
    '2027-03-10T11:00:00Z',
    { name: 'Grace Hopper', email: 'GRACE@navy.example' },
    theirs,
  );
  await manual(
    'odd',
    otherServiceId,
    '2027-03-11T09:00:00Z',
    { name: 'Sale 50%_off', email: 'sale@shop.example' },
    mine,
  );
  await manual(
    'alan',
    otherServiceId,
    '2027-03-12T09:00:00Z',
    { name: 'Alan Turing', email: 'alan@bletchley.example' },
    mine,
  );
  // Ada pays at the venue: PAID, with a ledger row.
  expect(
    (await post(`/v1/tenant-admin/appointments/${ids.ada}/collect-balance`, { method: 'venue' })).statusCode,
  ).toBe(200);
  providerSession = await signIn(
    t.app,
    (await createStaff(t.app, tenant, { role: 'provider', providerId: mine })).email,
  );
});
afterAll(() => t.close());

describe('GET /v1/tenant-admin/appointments: filters and client search', () => {
  it('filters by service, payment status and client, alone and together, with the names', async () => {
    expect(await listOf(`serviceId=${otherServiceId}`)).toEqual(['Sale 50%_off', 'Alan Turing']);
    expect(await listOf('paymentStatus=PAID')).toEqual(['Ada Lovelace']);
    expect(await listOf('q=grace')).toEqual(['Grace Hopper']);
    expect(await listOf('q=NAVY.EX')).toEqual(['Grace Hopper']); // email, any case
    expect(await listOf(`q=a&serviceId=${serviceId}`)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await listOf(`q=a&serviceId=${serviceId}&providerId=${providerIds[1]}`)).toEqual(['Grace Hopper']);
    expect(await listOf(`paymentStatus=PAID&serviceId=${otherServiceId}`)).toEqual([]);
    expect(await listOf('q=alan&startDate=2027-03-11&endDate=2027-03-11')).toEqual([]);
    expect(await listOf('q=alan&startDate=2027-03-12&endDate=2027-03-12&status=CONFIRMED')).toEqual([
      'Alan Turing',
    ]);
    const [row] = (await get(`/v1/tenant-admin/appointments?q=ada`)).json().data;
    expect(row).toMatchObject({ serviceName: 'Cut', providerName: 'Provider 1', resourceName: null });
  });

  it('reads % and _ in the search as themselves', async () => {
    expect(await listOf(`q=${encodeURIComponent('50%_')}`)).toEqual(['Sale 50%_off']);
    expect(await listOf(`q=${encodeURIComponent('%')}`)).toEqual(['Sale 50%_off']);
    expect(await listOf('q=_')).toEqual(['Sale 50%_off']);
    expect(await listOf(`q=${encodeURIComponent('\\')}`)).toEqual([]);
  });

  it('refuses a search it cannot run: NUL, too long, empty; an unknown payment status', async () => {
    for (const query of [
      `q=${encodeURIComponent('ada\u0000')}`,
      `q=${'x'.repeat(101)}`,
      'q=%20%20',
      'paymentStatus=SOMETIMES',
      'serviceId=not-a-uuid',
    ]) {
      const response = await get(`/v1/tenant-admin/appointments?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it("keeps a provider session to its own provider's appointments, whatever it filters by", async () => {
    const names = async (query: string) => {
      const response = await asSession(t.app, providerSession, {
        method: 'GET',
        url: `/v1/tenant-admin/appointments?${query}`,
      });
      expect(response.statusCode).toBe(200);
      return response.json().data.map((a: { client: { name: string } }) => a.client.name);
    };
    expect(await names('q=grace')).toEqual([]);
    expect(await names(`providerId=${providerIds[1]}&serviceId=${serviceId}`)).toEqual(['Ada Lovelace']);
    expect(await names('q=a')).toEqual(['Ada Lovelace', 'Sale 50%_off', 'Alan Turing']);
  });
});

describe('GET /v1/tenant-admin/appointments/:id', () => {
  it('answers the names, the history and the ledger rows of the appointment', async () => {
    const response = await get(`/v1/tenant-admin/appointments/${ids.ada}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ serviceName: 'Cut', providerName: 'Provider 1', paymentStatus: 'PAID' });
    expect(body.history.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'PAID']);
    expect(body.ledger).toEqual([
      expect.objectContaining({ appointmentId: ids.ada, kind: 'BALANCE_VENUE', amountCents: 5000 }),
    ]);
    expect((await get(`/v1/tenant-admin/appointments/${ids.grace}`)).json().ledger).toEqual([]);
  });
});

describe('GET /v1/tenant-admin/appointments/:id/cancellation-preview', () => {
  it("shows the policy's terms to staff, 404 for another provider's or tenant's, 409 once cancelled", async () => {
    const preview = await get(`/v1/tenant-admin/appointments/${ids.ada}/cancellation-preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    // Paid at the venue, not by card: nothing to give back by card.
    expect(preview.json()).toMatchObject({
      appointmentId: ids.ada,
      currency: 'EUR',
      paidCents: 5000,
      refundableByCardCents: 0,
    });

    const mine = await asSession(t.app, providerSession, {
      method: 'GET',
      url: `/v1/tenant-admin/appointments/${ids.alan}/cancellation-preview`,
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await asSession(t.app, providerSession, {
      method: 'GET',
      url: `/v1/tenant-admin/appointments/${ids.grace}/cancellation-preview`,
    });
    expect(theirs.statusCode).toBe(404);
    const otherTenant = await get(`/v1/tenant-admin/appointments/${ids.ada}/cancellation-preview`, other);
    expect(otherTenant.statusCode).toBe(404);

    const { serviceId: spare } = await bookableService(t.app, tenant, { service: { name: 'Spare' } });
    const booked = await post('/v1/tenant-admin/appointments', bookingBody(spare, '2027-03-15T09:00:00Z'));
    const id = booked.json().appointment.id;
    await post(`/v1/tenant-admin/appointments/${id}/cancel`);
    const cancelled = await get(`/v1/tenant-admin/appointments/${id}/cancellation-preview`);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.code).toBe('invalid_state');
  });
});

describe('POST /v1/tenant-admin/appointments/:id/resend-confirmation', () => {
  const resend = (id: string, key: string, owner = tenant) =>
    post(
      `/v1/tenant-admin/appointments/${id}/resend-confirmation`,
      undefined,
      { 'idempotency-key': key },
      owner,
    );
  const confirmations = (id: string) =>
    t.db.outboxMessage.findMany({
      where: { appointmentId: id, kind: 'confirmation' },
      orderBy: { createdAt: 'asc' },
    });

  it('queues one more confirmation per request: the same Idempotency-Key twice sends one', async () => {
    const jobs = notificationJobs(t.db, {}, read);
    await jobs.dispatch(tenant.tenant.id);
    expect(await confirmations(ids.grace)).toHaveLength(1);

    const first = await resend(ids.grace, 'resend-grace-1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: ids.grace, status: 'CONFIRMED' });
    const again = await resend(ids.grace, 'resend-grace-1');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await jobs.dispatch(tenant.tenant.id)).errors).toEqual([]);
    const messages = await confirmations(ids.grace);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ recipient: 'GRACE@navy.example', status: 'SKIPPED' });
    expect(messages[1]!.dedupeKey).toMatch(new RegExp(`^confirmation:${ids.grace}:resend:\\d+$`));

    const history = (await get(`/v1/tenant-admin/appointments/${ids.grace}`)).json().history;
    expect(history.map((e: { type: string; actor: string }) => `${e.type} ${e.actor}`)).toEqual([
      'CREATED ADMIN',
      'CONFIRMATION_RESENT ADMIN',
    ]);

    expect((await resend(ids.grace, 'resend-grace-2')).statusCode).toBe(200);
    await jobs.dispatch(tenant.tenant.id);
    expect(await confirmations(ids.grace)).toHaveLength(3);
  });

  it('409 for a cancelled or finished booking; 403 for a provider session, 404 for another tenant, changing nothing', async () => {
    const { serviceId: spare } = await bookableService(t.app, tenant, { service: { name: 'Spare 2' } });
    const booked = await post('/v1/tenant-admin/appointments', bookingBody(spare, '2027-03-16T09:00:00Z'));
    const id = booked.json().appointment.id;
    await post(`/v1/tenant-admin/appointments/${id}/cancel`);
    const cancelled = await resend(id, 'resend-cancelled');
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.code).toBe('invalid_state');

    clock.now = new Date('2027-03-12T12:00:00Z'); // Alan's 09:00Z appointment is over
    try {
      expect((await resend(ids.alan, 'resend-over')).statusCode).toBe(409);
    } finally {
      clock.now = new Date('2027-03-01T07:00:00Z');
    }

    const before = await t.db.appointmentEvent.count({ where: { appointmentId: ids.alan } });
    const asProvider = await asSession(t.app, providerSession, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${ids.alan}/resend-confirmation`,
    });
    expect(asProvider.statusCode).toBe(403);
    expect((await resend(ids.alan, 'resend-other-tenant', other)).statusCode).toBe(404);
    expect(await t.db.appointmentEvent.count({ where: { appointmentId: ids.alan } })).toBe(before);
    expect(
      await t.db.appointmentEvent.count({ where: { appointmentId: id, type: 'CONFIRMATION_RESENT' } }),
    ).toBe(0);
  });
});
