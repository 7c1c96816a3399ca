import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaisClient, MaisError } from '../src/index.ts';
import {
  bookableService,
  CLIENT,
  dateIn,
  startLiveApi,
  upcomingSlots,
  type LiveApi,
} from './helpers/live-api.ts';

let api: LiveApi;
let client: MaisClient;
let serviceId: string;
let providerId: string;

beforeAll(async () => {
  api = await startLiveApi();
  const { service, provider } = await bookableService(api.admin(), 'Massage');
  serviceId = service.id;
  providerId = provider.id;
  client = api.client();
});
afterAll(() => api.close());

describe('MaisClient against the real API', () => {
  it('tenant.retrieve: the business as the public sees it', async () => {
    expect(await client.tenant.retrieve()).toEqual({
      name: api.tenant.tenant.name,
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      branding: {},
    });
  });

  it('services.list: the active services with their providers', async () => {
    const list = await client.services.list();
    expect(list.nextCursor).toBeNull();
    expect(list.data.map((service) => service.id)).toEqual([serviceId]);
    expect(list.data[0]).toMatchObject({
      name: 'Massage',
      durationMinutes: 60,
      priceBaseCents: 5000,
      currency: 'EUR',
      providers: [{ id: providerId, name: 'Massage provider', priceCents: 5000 }],
      intakeFields: [],
    });
  });

  it("bookingPage.retrieve: tenant, services and the only service's first open day in one answer", async () => {
    const page = await client.bookingPage.retrieve({ timezone: 'Europe/Berlin' });
    expect(page.tenant).toEqual(await client.tenant.retrieve());
    expect(page.services).toEqual((await client.services.list()).data);
    const schedule = page.schedule!;
    expect(schedule).toMatchObject({ serviceId, providerId: null, timezone: 'Europe/Berlin' });
    const first = schedule.firstOpenDate!;
    expect(schedule.dates[0]).toBe(first);
    const day = await client.availability.list(serviceId, {
      startDate: first,
      endDate: first,
      timezone: 'Europe/Berlin',
    });
    expect(schedule.slots).toEqual(day.slots);

    const ahead = await client.bookingPage.retrieve({
      timezone: 'Europe/Berlin',
      serviceId,
      providerId,
      month: schedule.month,
      only: 'schedule',
    });
    expect(ahead).toMatchObject({ tenant: null, services: null, schedule: { providerId } });
  });

  it('availability.list: hourly slots 09:00–16:00 Berlin time, for a provider or any', async () => {
    const day = dateIn('Europe/Berlin', 3);
    const query = { startDate: day, endDate: day, timezone: 'Europe/Berlin' };
    const any = await client.availability.list(serviceId, query);
    expect(any.timezone).toBe('Europe/Berlin');
    expect(any.slots.map((slot) => slot.localStart.slice(11, 16))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    expect(any.slots[0]).toMatchObject({ providerIds: [providerId], seatsLeft: 1 });
    expect(await client.availability.list(serviceId, { ...query, providerId })).toEqual(any);
  });

  it('availability.dates: every day of next month has slots', async () => {
    const next = new Date();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const month = next.toISOString().slice(0, 7);
    const dates = await client.availability.dates(serviceId, { month, timezone: 'Europe/Berlin' });
    const daysInMonth = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    expect(dates).toMatchObject({ timezone: 'Europe/Berlin', month });
    expect(dates.dates).toHaveLength(daysInMonth);
    expect(dates.dates[0]).toBe(`${month}-01`);
  });

  it('appointments: create, retrieve, reschedule and cancel with the manage token', async () => {
    // More than 48 hours ahead: the default policy lets a client move a booking while cancelling is free.
    const [first, second] = (await upcomingSlots(client, serviceId)).filter(
      (slot) => Date.parse(slot.startTimeUtc) > Date.now() + 3 * 86_400_000,
    );
    const booked = await client.appointments.create({
      serviceId,
      startTimeUtc: first!.startTimeUtc,
      client: CLIENT,
      clientTimezone: 'Europe/Berlin',
    });
    expect(booked.appointment).toMatchObject({
      serviceId,
      providerId,
      status: 'CONFIRMED',
      startTimeUtc: first!.startTimeUtc,
      client: { name: CLIENT.name, email: CLIENT.email, phone: null },
      totalAmountCents: 5000,
    });
    const { id } = booked.appointment;
    const token = booked.manageToken;

    expect(await client.appointments.retrieve(id, token)).toEqual(booked.appointment);

    const moved = await client.appointments.reschedule(id, { token, startTimeUtc: second!.startTimeUtc });
    // The same appointment moves: same id, and the same token still manages it.
    expect(moved).toMatchObject({
      id,
      rescheduledFromId: null,
      startTimeUtc: second!.startTimeUtc,
      status: 'CONFIRMED',
    });
    expect((await client.appointments.retrieve(id, token)).startTimeUtc).toBe(second!.startTimeUtc);

    const preview = await client.appointments.cancellationPreview(id, token);
    expect(preview).toMatchObject({ appointmentId: id, paidCents: 0, refundCents: 0 });
    expect(preview.feeCents).toBeGreaterThanOrEqual(0);

    const cancelled = await client.appointments.cancel(id, token, { reason: 'Moving away' });
    expect(cancelled).toMatchObject({ id, status: 'CANCELLED' });
    expect((await api.db.appointment.findUniqueOrThrow({ where: { id } })).cancellationReason).toBe(
      'Moving away',
    );
    expect(await api.db.appointment.count({ where: { tenantId: api.tenant.tenant.id } })).toBe(1);
  });

  it('appointments.create with your own idempotency key answers a repeat with the first booking', async () => {
    const slots = await upcomingSlots(client, serviceId);
    const body = {
      serviceId,
      startTimeUtc: slots[2]!.startTimeUtc,
      client: CLIENT,
      clientTimezone: 'Europe/Berlin',
    };
    const key = 'checkout-7f3a1c-attempt';
    const first = await client.appointments.create(body, { idempotencyKey: key });
    const again = await client.appointments.create(body, { idempotencyKey: key });
    expect(again).toEqual(first);
    const rows = await api.db.appointment.findMany({ where: { startTimeUtc: new Date(body.startTimeUtc) } });
    expect(rows.map((row) => row.id)).toEqual([first.appointment.id]);
  });

  it('refuses a secret key, and path ids that would change the route', async () => {
    expect(() => new MaisClient({ baseUrl: api.baseUrl, publishableKey: api.tenant.keys.secret })).toThrow(
      /never a secret key/,
    );
    await expect(client.appointments.retrieve('..', 'x'.repeat(30))).rejects.toThrow(MaisError);
    await expect(client.availability.list('', { startDate: '', endDate: '', timezone: '' })).rejects.toThrow(
      /non-empty strings/,
    );
  });
});
