import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import { purgeExpiredIdempotencyRecords } from '../../src/adapters/db/repositories/idempotency.repository.ts';
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

  it('stores no secret in clear: a new secret key and a manage token are sealed, keys hashed', async () => {
    const key = await post(
      '/v1/tenant-admin/api-keys',
      { kind: 'SECRET', mode: 'LIVE', name: 'ci' },
      'key-secret-1',
    );
    expect(key.statusCode).toBe(201);
    const secret = key.json().key as string;
    expect(secret).toMatch(/^sk_live_/);
    const { serviceId } = await bookableService(t.app, tenant);
    const booked = await post(
      '/v1/tenant-admin/appointments',
      bookingBody(serviceId, '2027-03-03T10:00:00Z'),
      'book-secret-1',
    );
    expect(booked.statusCode).toBe(201);
    const token = booked.json().manageToken as string;

    // Nothing stored anywhere holds the secrets or the Idempotency-Keys in clear.
    const [dump] = await t.db.$queryRaw<Array<{ text: string }>>`
      SELECT (SELECT string_agg(r::text, ' ') FROM idempotency_records r) ||
             (SELECT string_agg(a::text, ' ') FROM appointments a) AS text`;
    for (const needle of [secret, token, 'key-secret-1', 'book-secret-1'])
      expect(dump!.text).not.toContain(needle);
    const sealed = await t.db.idempotencyRecord.findMany({ where: { tenantId: tenant.tenant.id } });
    for (const record of sealed) {
      expect(Buffer.from(record.responseCiphertext!).toString('latin1')).not.toContain(secret);
    }

    // Yet a replay with the key returns the very same answer, secrets included.
    const replayKey = await post(
      '/v1/tenant-admin/api-keys',
      { kind: 'SECRET', mode: 'LIVE', name: 'ci' },
      'key-secret-1',
    );
    expect(replayKey.headers['idempotent-replayed']).toBe('true');
    expect(replayKey.json().key).toBe(secret);
    const replayBooking = await post(
      '/v1/tenant-admin/appointments',
      bookingBody(serviceId, '2027-03-03T10:00:00Z'),
      'book-secret-1',
    );
    expect(replayBooking.json().manageToken).toBe(token);
  });

  it('forgets keys after 24 hours: the record is replaced, and the purge removes old ones', async () => {
    const body = { name: 'Expiring', durationMinutes: 30, priceBaseCents: 100 };
    expect((await post('/v1/tenant-admin/services', body, 'old-1')).statusCode).toBe(201);
    // Age the record past retention.
    await t.db.idempotencyRecord.updateMany({
      where: { tenantId: tenant.tenant.id },
      data: { createdAt: new Date(read().getTime() - 25 * 3_600_000) },
    });
    const again = await post('/v1/tenant-admin/services', body, 'old-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await t.db.service.count({ where: { name: 'Expiring' } })).toBe(2);

    await t.db.idempotencyRecord.updateMany({
      where: { tenantId: tenant.tenant.id },
      data: { createdAt: new Date(read().getTime() - 25 * 3_600_000) },
    });
    const fresh = await post('/v1/tenant-admin/services', { ...body, name: 'Fresh' }, 'new-1');
    expect(fresh.statusCode).toBe(201);
    expect(await purgeExpiredIdempotencyRecords(t.db, read())).toBeGreaterThan(0);
    const left = await t.db.idempotencyRecord.findMany({ where: { tenantId: tenant.tenant.id } });
    expect(left).toHaveLength(1);
    expect(left[0]!.createdAt.getTime()).toBe(read().getTime());
  });

  it('a starting API process sweeps records past retention', async () => {
    await t.db.idempotencyRecord.create({
      data: {
        tenantId: tenant.tenant.id,
        scope: 'POST /v1/tenant-admin/services',
        keyHash: 'f'.repeat(64),
        requestHash: 'r',
        createdAt: new Date(Date.now() - 25 * 3_600_000),
      },
    });
    const second = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
      db: createPrismaClient(t.database.url),
    });
    await second.ready();
    try {
      await expect
        .poll(() => t.db.idempotencyRecord.count({ where: { keyHash: 'f'.repeat(64) } }), { timeout: 10_000 })
        .toBe(0);
    } finally {
      await second.close();
    }
  });
});
