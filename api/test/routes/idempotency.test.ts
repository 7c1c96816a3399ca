import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

const post = (url: string, payload: object | undefined, key: string) =>
  admin(t.app, tenant, {
    method: 'POST',
    url,
    headers: { 'idempotency-key': key },
    ...(payload ? { payload } : {}),
  });

describe('Idempotency-Key on every POST', () => {
  it('creates a service once for a retried request', async () => {
    const body = { name: 'Retried', durationMinutes: 30, priceBaseCents: 100 };
    const first = await post('/v1/tenant-admin/services', body, 'svc-1');
    const retry = await post('/v1/tenant-admin/services', body, 'svc-1');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await t.db.service.count({ where: { name: 'Retried' } })).toBe(1);
  });

  it('replays a status change instead of refusing the retry', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const booked = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: bookingBody(serviceId, '2027-03-02T10:00:00Z'),
    });
    const id = booked.json().appointment.id;
    const first = await post(`/v1/tenant-admin/appointments/${id}/cancel`, undefined, 'cancel-1');
    const retry = await post(`/v1/tenant-admin/appointments/${id}/cancel`, undefined, 'cancel-1');
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    // Without the key, the second cancel is a new request and is refused.
    const fresh = await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/cancel`,
    });
    expect(fresh.statusCode).toBe(409);
  });

  it('treats the same key on another path or body as a different request (422)', async () => {
    const body = { name: 'Keyed', durationMinutes: 30, priceBaseCents: 100 };
    expect((await post('/v1/tenant-admin/services', body, 'k-2')).statusCode).toBe(201);
    const other = await post('/v1/tenant-admin/services', { ...body, name: 'Other' }, 'k-2');
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await t.db.service.count({ where: { name: 'Other' } })).toBe(0);
  });

  it('stores client errors found while handling, and replays them', async () => {
    // Schema errors answer before any handling (and always the same way); this one is found by the domain rules.
    const bad = { name: 'Deposit', durationMinutes: 30, priceBaseCents: 100, paymentMode: 'DEPOSIT' };
    const first = await post('/v1/tenant-admin/services', bad, 'bad-1');
    const retry = await post('/v1/tenant-admin/services', bad, 'bad-1');
    expect(first.statusCode).toBe(400);
    expect(retry.statusCode).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a malformed key', async () => {
    const response = await post(
      '/v1/tenant-admin/services',
      { name: 'X', durationMinutes: 30, priceBaseCents: 1 },
      'has space',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  });
});
