import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let open: CreatedTenant;
let guarded: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
  open = await createTestTenant(t.db, { name: 'Open Studio' });
  guarded = await createTestTenant(t.db, {
    name: 'Guarded Studio',
    allowedOrigins: ['https://guarded.example'],
  });
});
afterAll(() => t.close());

describe('GET /v1/public/tenant', () => {
  it('shows only what a client may see', async () => {
    const response = await publicRequest(t.app, open, { method: 'GET', url: '/v1/public/tenant' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: 'Open Studio',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      branding: {},
    });
  });

  it('needs a publishable key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/public/tenant' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({
      code: 'invalid_api_key',
      message: 'Missing API key: send it in the x-tenant-key header.',
    });
  });
});

describe('GET /v1/public/services', () => {
  it('lists active services in sort order, never another tenant’s', async () => {
    const make = (tenant: CreatedTenant, name: string, sortOrder: number) =>
      admin(t.app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/services',
        payload: { name, durationMinutes: 30, priceBaseCents: 1000, sortOrder },
      });
    await make(open, 'Second', 2);
    await make(open, 'First', 1);
    const hidden = (await make(open, 'Hidden', 0)).json();
    await admin(t.app, open, { method: 'DELETE', url: `/v1/tenant-admin/services/${hidden.id}` });
    await make(guarded, 'Not yours', 0);

    const response = await publicRequest(t.app, open, { method: 'GET', url: '/v1/public/services' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.nextCursor).toBeNull();
    expect(body.data.map((service: { name: string }) => service.name)).toEqual(['First', 'Second']);
    expect(body.data[0]).toEqual({
      id: expect.any(String),
      name: 'First',
      description: '',
      durationMinutes: 30,
      capacity: 1,
      priceBaseCents: 1000,
      currency: 'EUR',
      paymentMode: 'NONE',
      depositCents: null,
      depositPercent: null,
      noShowFeeCents: null,
      noShowFeePercent: null,
      sortOrder: 1,
      dueAtBookingCents: 0,
      providers: [],
      intakeFields: [],
      location: null,
    });
  });

  it('shows what is due at booking, per provider price, as the booking will charge it', async () => {
    const owner = await createTestTenant(t.db);
    const { serviceId, providerIds } = await bookableService(t.app, owner, {
      providers: 2,
      service: { paymentMode: 'DEPOSIT', depositPercent: 25, priceBaseCents: 8000 },
    });
    await admin(t.app, owner, {
      method: 'PUT',
      url: `/v1/tenant-admin/providers/${providerIds[1]}/services`,
      payload: [{ serviceId, priceOverrideCents: 10_002 }],
    });
    const service = (await publicRequest(t.app, owner, { method: 'GET', url: '/v1/public/services' })).json()
      .data[0];
    expect(service.dueAtBookingCents).toBe(2000);
    const due = Object.fromEntries(
      service.providers.map((p: { id: string; dueAtBookingCents: number }) => [p.id, p.dueAtBookingCents]),
    );
    // 25 % of 100.02, rounded half up: 25.01 (the booking's own rounding, in pricing.ts).
    expect(due).toEqual({ [providerIds[0]!]: 2000, [providerIds[1]!]: 2501 });
    const booked = await publicRequest(t.app, owner, {
      method: 'POST',
      url: '/v1/public/appointments',
      payload: bookingBody(serviceId, aWeekFromNowAt10Utc(), { providerId: providerIds[1] }),
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().appointment.depositAmountCents).toBe(due[providerIds[1]!]);
  });
});

function aWeekFromNowAt10Utc(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  day.setUTCHours(10, 0, 0, 0);
  return day.toISOString().replace('.000', '');
}

describe('CORS per tenant', () => {
  it('answers preflights (which carry no key) for any origin', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/public/services',
      headers: {
        origin: 'https://anywhere.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-tenant-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://anywhere.example');
    expect(String(response.headers['access-control-allow-headers'])).toContain('x-tenant-key');
  });

  it('allows any origin when the tenant lists none', async () => {
    const response = await publicRequest(t.app, open, {
      method: 'GET',
      url: '/v1/public/tenant',
      headers: { origin: 'https://random.example' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://random.example');
  });

  it('allows listed origins and refuses the others with a readable 403', async () => {
    const allowed = await publicRequest(t.app, guarded, {
      method: 'GET',
      url: '/v1/public/tenant',
      headers: { origin: 'https://guarded.example' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://guarded.example');

    const refused = await publicRequest(t.app, guarded, {
      method: 'GET',
      url: '/v1/public/tenant',
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('origin_not_allowed');
    expect(refused.body).not.toContain('Guarded Studio');
  });

  it('serves server-side callers (no Origin) of a guarded tenant', async () => {
    const response = await publicRequest(t.app, guarded, { method: 'GET', url: '/v1/public/tenant' });
    expect(response.statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  it('allows the configured requests per minute per visitor (address and key), then 429 with Retry-After', async () => {
    const limited = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = await createTestTenant(limited.db);
      const b = await createTestTenant(limited.db);
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await publicRequest(limited.app, a, { method: 'GET', url: '/v1/public/tenant' })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await publicRequest(limited.app, a, { method: 'GET', url: '/v1/public/tenant' });
      expect(refused.json().error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another tenant's key has its own allowance (more in rate-limit.test.ts).
      expect(
        (await publicRequest(limited.app, b, { method: 'GET', url: '/v1/public/tenant' })).statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
