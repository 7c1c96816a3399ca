import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// The staff record what is due as paid at the venue. Monday 1 March 2027, 07:00Z.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let serviceId: string;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read, maxConnections: 20 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  tenant = await createTestTenant(t.db);
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { priceBaseCents: 6000, paymentMode: 'DEPOSIT', depositCents: 1500 },
  }));
});
afterAll(() => t.close());

/** An admin booking (confirmed at once, nothing paid): the whole price is due. */
async function booked(start: string): Promise<string> {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id;
}
const collect = (id: string, payload: unknown = { method: 'venue' }) =>
  admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/collect-balance`,
    payload: payload as object,
  });

describe('POST /v1/tenant-admin/appointments/:id/collect-balance', () => {
  it('records what is due as paid at the venue: a BALANCE_VENUE ledger row, PAID, a PAID event', async () => {
    const id = await booked('2027-03-08T10:00:00Z');
    const response = await collect(id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
    const rows = await t.db.ledgerEntry.findMany({ where: { appointmentId: id } });
    expect(rows).toMatchObject([
      { kind: 'BALANCE_VENUE', amountCents: 6000, currency: 'EUR', stripeObjectId: null },
    ]);
    const events = await t.db.appointmentEvent.findMany({
      where: { appointmentId: id },
      orderBy: { seq: 'asc' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'PAID', data: { method: 'venue', amountCents: 6000 } });

    const again = await collect(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
  });

  it('five collections at once over HTTP, in rounds, collect once', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await booked(`2027-03-0${2 + round}T13:00:00Z`);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          fetch(`${baseUrl}/v1/tenant-admin/appointments/${id}/collect-balance`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tenant.keys.secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({ method: 'venue' }),
          }).then((response) => response.status),
        ),
      );
      expect(answers.sort()).toEqual([200, 409, 409, 409, 409]);
      expect(await t.db.ledgerEntry.count({ where: { appointmentId: id } })).toBe(1);
    }
  });

  it('refuses a cancelled booking, a bad method, and changes nothing', async () => {
    const id = await booked('2027-03-09T10:00:00Z');
    await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/cancel`,
      payload: {},
    });
    expect((await collect(id)).statusCode).toBe(409);
    for (const body of [
      {},
      { method: 'cheque' },
      { method: 'venue', amountCents: 1 },
      { method: 'venue\u0000' },
    ]) {
      expect((await collect(id, body)).statusCode).toBe(400);
    }
    expect(await t.db.ledgerEntry.count({ where: { appointmentId: id } })).toBe(0);
  });
});
