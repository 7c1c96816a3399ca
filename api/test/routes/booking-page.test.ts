import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { BookingPageSchema } from '../../src/schemas/booking-page.schemas.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// Wednesday 10 March 2027, 08:00 in Berlin.
const { read } = testClock('2027-03-10T07:00:00Z');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let single: CreatedTenant;
let several: CreatedTenant;
let cut: { serviceId: string; providerIds: string[] };
let laterService: { serviceId: string; providerIds: string[] };
let onlyService: { serviceId: string; providerIds: string[] };

const page = (owner: CreatedTenant, query: string) =>
  publicRequest(t.app, owner, { method: 'GET', url: `/v1/public/booking-page?${query}` });
const get = (owner: CreatedTenant, url: string) => publicRequest(t.app, owner, { method: 'GET', url });

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  single = await createTestTenant(t.db);
  several = await createTestTenant(t.db);
  onlyService = await bookableService(t.app, single);
  cut = await bookableService(t.app, several, {
    providers: 2,
    service: { name: 'Cut', bookingWindowDays: 60 },
  });
  // Open only from May: March and April are empty.
  laterService = await bookableService(t.app, several, {
    service: { name: 'Colour', bookingWindowDays: 120 },
    weekly: [{ dayOfWeek: 1, startTime: '10:00', endTime: '12:00', effectiveFrom: '2027-05-01' }],
  });
  // Ben costs more than the base price.
  await admin(t.app, several, {
    method: 'PUT',
    url: `/v1/tenant-admin/providers/${cut.providerIds[1]}/services`,
    payload: [{ serviceId: cut.serviceId, priceOverrideCents: 7000 }],
  });
});
afterAll(() => t.close());

describe('GET /v1/public/booking-page', () => {
  it('answers the business and its services with their prices, and no calendar when none is chosen', async () => {
    const response = await page(several, 'timezone=Europe/Berlin');
    expect(response.statusCode).toBe(200);
    const body = BookingPageSchema.parse(response.json());
    expect(body.tenant).toMatchObject({ name: 'Studio 2', timezone: 'Europe/Berlin', currency: 'EUR' });
    expect(body.services?.map((service) => service.name).sort()).toEqual(['Colour', 'Cut']);
    const service = body.services!.find((candidate) => candidate.id === cut.serviceId)!;
    expect(service.providers.map((provider) => provider.priceCents).sort()).toEqual([5000, 7000]);
    expect(body.schedule).toBeNull();
    // No Stripe on this platform: paid services are paid at the appointment.
    expect(body.cardPayments).toBe(false);
    // The same catalogue as the catalogue routes.
    expect(body.services).toEqual((await get(several, '/v1/public/services')).json().data);
    const tenant = (await get(several, '/v1/public/tenant')).json();
    expect(body.tenant).toEqual(tenant);
  });

  it("opens the chosen service's calendar at its first open day, with that day's times", async () => {
    const body = (await page(several, `timezone=America/New_York&serviceId=${cut.serviceId}`)).json();
    const schedule = body.schedule;
    expect(schedule).toMatchObject({
      serviceId: cut.serviceId,
      providerId: null,
      timezone: 'America/New_York',
      month: '2027-03',
    });
    // The same days and times as the availability routes answer.
    const dates = (
      await get(
        several,
        `/v1/public/services/${cut.serviceId}/availability/dates?month=2027-03&timezone=America/New_York`,
      )
    ).json().dates;
    expect(schedule.dates).toEqual(dates);
    expect(schedule.firstOpenDate).toBe(dates[0]);
    const day = (
      await get(
        several,
        `/v1/public/services/${cut.serviceId}/availability?startDate=${dates[0]}&endDate=${dates[0]}&timezone=America/New_York`,
      )
    ).json();
    expect(schedule.slots).toEqual(day.slots);
    expect(schedule.slots.length).toBeGreaterThan(0);
    // 60 days from 10 March 2027, 08:00 in Berlin (02:00 in New York).
    expect(schedule.lastBookableDate).toBe('2027-05-09');
  });

  it('opens the calendar of the only service without being asked', async () => {
    const body = (await page(single, 'timezone=Europe/Berlin')).json();
    expect(body.services).toHaveLength(1);
    expect(body.schedule.serviceId).toBe(onlyService.serviceId);
    expect(body.schedule.slots.length).toBeGreaterThan(0);
  });

  it('skips empty months to the first open day, and answers an asked empty month with a pointer to it', async () => {
    const first = (await page(several, `timezone=Europe/Berlin&serviceId=${laterService.serviceId}`)).json();
    expect(first.schedule).toMatchObject({ month: '2027-05', firstOpenDate: '2027-05-03' });
    expect(first.schedule.dates).toEqual([
      '2027-05-03',
      '2027-05-10',
      '2027-05-17',
      '2027-05-24',
      '2027-05-31',
    ]);
    expect(first.schedule.slots.map((slot: { localStart: string }) => slot.localStart)).toEqual([
      '2027-05-03T10:00:00+02:00',
      '2027-05-03T11:00:00+02:00',
    ]);

    const asked = (
      await page(several, `timezone=Europe/Berlin&serviceId=${laterService.serviceId}&month=2027-04`)
    ).json();
    expect(asked.schedule).toMatchObject({
      month: '2027-04',
      dates: [],
      firstOpenDate: '2027-05-03',
      slots: [],
    });
  });

  it('answers nothing open past the booking window', async () => {
    const body = (
      await page(several, `timezone=Europe/Berlin&serviceId=${cut.serviceId}&month=2027-06`)
    ).json();
    expect(body.schedule).toMatchObject({ month: '2027-06', dates: [], firstOpenDate: null, slots: [] });
  });

  it('preselects a provider of the service, and falls back to anyone for a provider that does not perform it', async () => {
    const [ana] = cut.providerIds;
    const chosen = (
      await page(several, `timezone=Europe/Berlin&serviceId=${cut.serviceId}&providerId=${ana}`)
    ).json();
    expect(chosen.schedule.providerId).toBe(ana);
    for (const slot of chosen.schedule.slots) expect(slot.providerIds).toEqual([ana]);

    const elsewhere = (
      await page(
        several,
        `timezone=Europe/Berlin&serviceId=${cut.serviceId}&providerId=${laterService.providerIds[0]}`,
      )
    ).json();
    expect(elsewhere.schedule.providerId).toBeNull();
  });

  it('leaves out the business and services with only=schedule', async () => {
    const body = (
      await page(several, `timezone=Europe/Berlin&serviceId=${cut.serviceId}&month=2027-04&only=schedule`)
    ).json();
    expect(body.tenant).toBeNull();
    expect(body.services).toBeNull();
    expect(body.schedule.month).toBe('2027-04');
    expect(body.schedule.dates.length).toBeGreaterThan(0);
  });

  it.each([
    [`serviceId=${UNKNOWN}&timezone=Europe/Berlin`, 404, 'not_found'],
    ['timezone=Mars/Olympus', 400, 'validation_failed'],
    ['timezone=Europe/Berlin&month=2027-13', 400, 'validation_failed'],
    ['timezone=Europe/Berlin&only=everything', 400, 'validation_failed'],
    ['timezone=Europe/Berlin&extra=1', 400, 'validation_failed'],
    ['', 400, 'validation_failed'],
  ])('refuses %s with %i', async (query, status, code) => {
    const response = await page(several, query);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it("does not show another tenant's service", async () => {
    const response = await page(single, `timezone=Europe/Berlin&serviceId=${cut.serviceId}`);
    expect(response.statusCode).toBe(404);
  });
});
