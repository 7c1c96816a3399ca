import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// The settings notifications read: a service's reminder offsets, the tenant's SMS reminders and
// booking page, a booking's language.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: read });
  tenant = await createTestTenant(t.db);
});
afterAll(() => t.close());

const createService = (extra: object) =>
  admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name: 'Cut', durationMinutes: 30, priceBaseCents: 0, ...extra },
  });

describe("a service's reminderOffsetsMinutes", () => {
  it('defaults to 24 hours and 1 hour before, and can be changed', async () => {
    const created = await createService({});
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().reminderOffsetsMinutes).toEqual([1440, 60]);
    const updated = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${created.json().id}`,
      payload: { reminderOffsetsMinutes: [43200, 1] },
    });
    expect(updated.json().reminderOffsetsMinutes).toEqual([43200, 1]);
    expect((await createService({ reminderOffsetsMinutes: [] })).json().reminderOffsetsMinutes).toEqual([]);
  });

  it.each([
    ['0 minutes', [0]],
    ['more than 30 days', [43201]],
    ['a repeated offset', [60, 60]],
    ['more than 5', [1, 2, 3, 4, 5, 6]],
    ['not whole minutes', [1.5]],
  ])('refuses %s', async (_label, offsets) => {
    const response = await createService({ reminderOffsetsMinutes: offsets });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details[0].path).toMatch(/^reminderOffsetsMinutes/);
  });
});

describe("the tenant's notification settings", () => {
  it('SMS reminders are off and there is no booking page until set', async () => {
    const settings = (await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/tenant' })).json();
    expect(settings).toMatchObject({ smsReminders: false, bookingPageUrl: null });
    const updated = await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { smsReminders: true, bookingPageUrl: 'https://studio.example/book' },
    });
    expect(updated.json()).toMatchObject({
      smsReminders: true,
      bookingPageUrl: 'https://studio.example/book',
    });
    const cleared = await admin(t.app, tenant, {
      method: 'PATCH',
      url: '/v1/tenant-admin/tenant',
      payload: { bookingPageUrl: null },
    });
    expect(cleared.json().bookingPageUrl).toBeNull();
  });

  it('a booking page must be an http(s) URL', async () => {
    for (const bookingPageUrl of ['javascript:alert(1)', 'not a url', 'ftp://studio.example/']) {
      const response = await admin(t.app, tenant, {
        method: 'PATCH',
        url: '/v1/tenant-admin/tenant',
        payload: { bookingPageUrl },
      });
      expect(response.statusCode, bookingPageUrl).toBe(400);
    }
  });
});

describe("a booking's language", () => {
  it('is English unless the booking says es; nothing else', async () => {
    const { serviceId } = await bookableService(t.app, tenant);
    const book = (start: string, extra: Record<string, unknown>) =>
      publicRequest(t.app, tenant, {
        method: 'POST',
        url: '/v1/public/appointments',
        payload: bookingBody(serviceId, start, extra),
      });
    const english = await book('2027-03-08T09:00:00Z', {});
    expect(english.statusCode, english.body).toBe(201);
    expect(english.json().appointment.locale).toBe('en');
    const spanish = await book('2027-03-08T11:00:00Z', { locale: 'es' });
    expect(spanish.json().appointment.locale).toBe('es');
    const stored = await t.db.appointment.findUniqueOrThrow({ where: { id: spanish.json().appointment.id } });
    expect(stored.locale).toBe('es');
    const french = await book('2027-03-08T13:00:00Z', { locale: 'fr' });
    expect(french.statusCode).toBe(400);
    expect(french.json().error.details[0].path).toBe('locale');
  });
});
