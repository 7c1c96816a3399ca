import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeStripeEnvironment, type FakeStripe } from '../../api/test/helpers/fake-stripe.ts';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  type Appointment,
  type MaisAdmin,
} from '../src/index.ts';
import {
  bookableService,
  CLIENT,
  dateIn,
  EVERY_DAY_9_TO_17,
  startLiveApi,
  type LiveApi,
} from './helpers/live-api.ts';

let api: LiveApi;
let admin: MaisAdmin;

beforeAll(async () => {
  api = await startLiveApi();
  admin = api.admin();
});
afterAll(() => api.close());

describe('MaisAdmin against the real API', () => {
  it('tenant: retrieve and update the settings', async () => {
    expect(await admin.tenant.retrieve()).toMatchObject({
      id: api.tenant.tenant.id,
      timezone: 'Europe/Berlin',
    });
    const updated = await admin.tenant.update({ allowedOrigins: ['https://studio.example'] });
    expect(updated.allowedOrigins).toEqual(['https://studio.example']);
    expect(
      (await api.db.tenant.findUniqueOrThrow({ where: { id: api.tenant.tenant.id } })).allowedOrigins,
    ).toEqual(['https://studio.example']);
    await admin.tenant.update({ allowedOrigins: [] });
  });

  it('apiKeys: create, list and revoke', async () => {
    const created = await admin.apiKeys.create({ kind: 'PUBLISHABLE', mode: 'TEST', name: 'staging site' });
    expect(created.key).toMatch(/^pk_test_/);
    const listed = await admin.apiKeys.list();
    expect(listed.data.map((key) => key.id)).toContain(created.id);
    expect(listed.data.find((key) => key.id === created.id)).not.toHaveProperty('key');
    const revoked = await admin.apiKeys.revoke(created.id);
    expect(revoked).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
  });

  it('services: create, list, retrieve, update, deactivate', async () => {
    const service = await admin.services.create({
      name: 'Haircut',
      durationMinutes: 30,
      priceBaseCents: 2500,
    });
    expect(service).toMatchObject({
      name: 'Haircut',
      slotIntervalMinutes: 30,
      currency: 'EUR',
      active: true,
    });
    expect((await admin.services.list()).data.map((item) => item.id)).toContain(service.id);
    expect(await admin.services.retrieve(service.id)).toEqual(service);
    const updated = await admin.services.update(service.id, { priceBaseCents: 3000 });
    expect(updated.priceBaseCents).toBe(3000);
    expect((await admin.services.deactivate(service.id)).active).toBe(false);
    expect((await admin.services.list({ active: 'false' })).data.map((item) => item.id)).toEqual([
      service.id,
    ]);
  });

  it('providers: create, list, retrieve, update, setServices, deactivate', async () => {
    const service = await admin.services.create({
      name: 'Colour',
      durationMinutes: 90,
      priceBaseCents: 9000,
    });
    const provider = await admin.providers.create({ name: 'Rosa', email: 'rosa@example.com' });
    expect(provider).toMatchObject({ name: 'Rosa', services: [], active: true });
    expect((await admin.providers.list()).data.map((item) => item.id)).toContain(provider.id);
    const withServices = await admin.providers.setServices(provider.id, [
      { serviceId: service.id, priceOverrideCents: 9500 },
    ]);
    expect(withServices.services).toEqual([{ serviceId: service.id, priceOverrideCents: 9500 }]);
    expect(await admin.providers.retrieve(provider.id)).toEqual(withServices);
    expect((await admin.providers.update(provider.id, { phone: '+49 30 1234567' })).phone).toBe(
      '+49 30 1234567',
    );
    expect((await admin.providers.deactivate(provider.id)).active).toBe(false);
  });

  it('resources: create, list, retrieve, update, deactivate', async () => {
    const room = await admin.resources.create({ name: 'Room 1', kind: 'room' });
    expect(room).toMatchObject({ name: 'Room 1', kind: 'room', capacity: 1, active: true });
    expect((await admin.resources.list()).data.map((item) => item.id)).toEqual([room.id]);
    expect(await admin.resources.retrieve(room.id)).toEqual(room);
    expect((await admin.resources.update(room.id, { name: 'Garden room' })).name).toBe('Garden room');
    expect((await admin.resources.deactivate(room.id)).active).toBe(false);
  });

  it('availability: replace and list the weekly rules of a provider and of a service', async () => {
    const { service, provider } = await bookableService(admin, 'Rules');
    const providerRules = await admin.availability.listForProvider(provider.id);
    expect(
      providerRules.data.map(({ dayOfWeek, startTime, endTime }) => ({ dayOfWeek, startTime, endTime })),
    ).toEqual(EVERY_DAY_9_TO_17);
    const mondays = await admin.availability.replaceForService(service.id, [
      { dayOfWeek: 1, startTime: '08:00', endTime: '12:00' },
    ]);
    expect(mondays.data).toMatchObject([
      { serviceId: service.id, dayOfWeek: 1, startTime: '08:00', endTime: '12:00' },
    ]);
    expect(await admin.availability.listForService(service.id)).toEqual(mondays);
  });

  it('availabilityOverrides: create, list, delete', async () => {
    const date = dateIn('Europe/Berlin', 10);
    const closed = await admin.availabilityOverrides.create({ date, closed: true, reason: 'Holiday' });
    expect(closed).toMatchObject({ date, closed: true, providerId: null, reason: 'Holiday' });
    expect((await admin.availabilityOverrides.list({ from: date, to: date })).data).toEqual([closed]);
    await admin.availabilityOverrides.delete(closed.id);
    expect((await admin.availabilityOverrides.list({ from: date, to: date })).data).toEqual([]);
  });

  it('cancellationPolicies: the default and a service’s own', async () => {
    const policy = await admin.cancellationPolicies.setDefault({
      tiers: [{ hoursBeforeStart: 24, feePercentage: 50 }],
    });
    expect(policy).toMatchObject({ serviceId: null, tiers: [{ hoursBeforeStart: 24, feePercentage: 50 }] });
    expect(await admin.cancellationPolicies.retrieveDefault()).toEqual(policy);

    const service = await admin.services.create({
      name: 'Strict',
      durationMinutes: 30,
      priceBaseCents: 1000,
    });
    const own = await admin.cancellationPolicies.setForService(service.id, {
      tiers: [{ hoursBeforeStart: 48, feeFixedCents: 1000 }],
    });
    expect(own).toMatchObject({
      serviceId: service.id,
      tiers: [{ hoursBeforeStart: 48, feeFixedCents: 1000 }],
    });
    expect(await admin.cancellationPolicies.retrieveForService(service.id)).toEqual(own);
    await admin.cancellationPolicies.removeForService(service.id);
    await expect(admin.cancellationPolicies.retrieveForService(service.id)).rejects.toThrow(NotFoundError);
  });

  it('intakeFields: replace and list a service’s form', async () => {
    const service = await admin.services.create({ name: 'Consult', durationMinutes: 30, priceBaseCents: 0 });
    const form = await admin.intakeFields.replace(service.id, [
      { label: 'Allergies', fieldType: 'TEXTAREA' },
      { label: 'Preferred oil', fieldType: 'SELECT', options: ['Almond', 'Jojoba'], required: true },
    ]);
    expect(form.data.map(({ label, fieldType, required }) => ({ label, fieldType, required }))).toEqual([
      { label: 'Allergies', fieldType: 'TEXTAREA', required: false },
      { label: 'Preferred oil', fieldType: 'SELECT', required: true },
    ]);
    expect(await admin.intakeFields.list(service.id)).toEqual(form);
  });

  it('appointments: create, retrieve, cancel, complete and mark no-show', async () => {
    const { service, provider } = await bookableService(admin, 'Manual');
    const book = (startTimeUtc: string) =>
      admin.appointments.create({
        serviceId: service.id,
        providerId: provider.id,
        startTimeUtc,
        client: CLIENT,
        clientTimezone: 'Europe/Berlin',
        overrideRules: true,
      });
    // Yesterday: complete and no-show are allowed only after the start.
    const yesterday = `${dateIn('UTC', -1)}T`;
    const done = await book(`${yesterday}06:00:00Z`);
    const absent = await book(`${yesterday}08:00:00Z`);
    const later = await book(`${dateIn('UTC', 5)}T10:00:00Z`);
    expect(done.appointment.status).toBe('CONFIRMED');
    const shown = await admin.appointments.retrieve(later.appointment.id);
    expect(shown).toMatchObject(later.appointment);
    expect(shown.history.map((event) => `${event.type} ${event.actor}`)).toEqual(['CREATED ADMIN']);
    const moved = await admin.appointments.reschedule(later.appointment.id, {
      startTimeUtc: `${dateIn('UTC', 5)}T12:00:00Z`,
    });
    expect(moved).toMatchObject({
      id: later.appointment.id,
      startTimeUtc: `${dateIn('UTC', 5)}T12:00:00.000Z`,
    });

    expect((await admin.appointments.complete(done.appointment.id)).status).toBe('COMPLETED');
    expect((await admin.appointments.noShow(absent.appointment.id)).status).toBe('NO_SHOW');
    const cancelled = await admin.appointments.cancel(later.appointment.id, { reason: 'Client called' });
    expect(cancelled.status).toBe('CANCELLED');
    const row = await api.db.appointment.findUniqueOrThrow({ where: { id: later.appointment.id } });
    expect(row.cancellationReason).toBe('Client called');
  });

  it('a no-show fee: noShow leaves it due without a kept card, collectBalance takes it, the ledger shows it', async () => {
    const { service, provider } = await bookableService(admin, 'Protected');
    await admin.services.update(service.id, { noShowFeeCents: 1500 });
    const yesterday = dateIn('UTC', -1);
    const { appointment } = await admin.appointments.create({
      serviceId: service.id,
      providerId: provider.id,
      startTimeUtc: `${yesterday}T10:00:00Z`,
      client: CLIENT,
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    });
    expect(appointment).toMatchObject({ noShowFeeCents: 1500, cardOnFile: false, amountDueCents: 5000 });
    expect(await admin.appointments.noShow(appointment.id)).toMatchObject({
      status: 'NO_SHOW',
      paymentStatus: 'AWAITING_PAYMENT',
      amountDueCents: 1500,
    });
    const byCard = await admin.appointments
      .collectBalance(appointment.id, { method: 'card' })
      .catch((e) => e);
    expect(byCard).toBeInstanceOf(ConflictError);
    expect(byCard.code).toBe('payments_not_configured');
    const paid = await admin.appointments.collectBalance(appointment.id, { method: 'venue' });
    expect(paid).toMatchObject({ paymentStatus: 'PAID', amountDueCents: 0 });

    const period = { startDate: dateIn('Europe/Berlin', -2), endDate: dateIn('Europe/Berlin', 1) };
    const page = await admin.ledger.page(period);
    const entry = page.data.find((row) => row.appointmentId === appointment.id);
    expect(entry).toMatchObject({ kind: 'NO_SHOW_FEE_VENUE', amountCents: 1500, currency: 'EUR' });
    expect(
      page.totals.find((total) => total.currency === 'EUR')?.byKind.NO_SHOW_FEE_VENUE,
    ).toBeGreaterThanOrEqual(1500);
    const revenue = await admin.reports.revenue({ ...period, interval: 'day', basis: 'cash' });
    const eur = revenue.currencies.find((currency) => currency.currency === 'EUR');
    expect(eur?.totals.noShowFeesCents).toBeGreaterThanOrEqual(1500);
    expect(eur?.totals.netCents).toBe(page.totals.find((total) => total.currency === 'EUR')?.netCents);
    const listed = await admin.ledger.list(period).toArray();
    expect(listed.map((row) => row.id)).toContain(entry!.id);
    const reconciled = await admin.ledger.reconcile(period).catch((e) => e);
    expect(reconciled).toBeInstanceOf(ConflictError);
    expect(reconciled.code).toBe('payments_not_configured');
  });

  it('outbox, calendar feeds and Google Calendar status', async () => {
    expect(await admin.outbox.list({ limit: 5 })).toEqual({ data: [], nextCursor: null });
    const { provider } = await bookableService(admin, 'Feeds');
    const feed = await admin.calendars.feed(provider.id);
    expect(feed.url).toMatch(/\/v1\/calendar-feeds\/[A-Za-z0-9_-]{40,}\.ics$/);
    const rotated = await admin.calendars.rotateFeed(provider.id);
    expect(rotated.url).not.toBe(feed.url);
    const gone = await fetch(feed.url!);
    expect(gone.status).toBe(404);
    const live = await fetch(rotated.url!);
    expect(live.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await admin.calendars.rotateFeed()).url).toMatch(/\.ics$/);
    expect(await admin.calendars.googleStatus(provider.id)).toMatchObject({ connected: false });
    const refused = await admin.calendars.connectGoogle(provider.id).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe('calendar_not_configured');
  });

  it('appointments.list: filters, and `for await` follows nextCursor over every page', async () => {
    const { service, provider } = await bookableService(admin, 'Paged');
    const day = dateIn('Europe/Berlin', 20);
    const booked: string[] = [];
    for (const hour of ['08', '09', '10', '11', '12']) {
      const { appointment } = await admin.appointments.create({
        serviceId: service.id,
        providerId: provider.id,
        startTimeUtc: `${day}T${hour}:00:00Z`,
        client: CLIENT,
        clientTimezone: 'Europe/Berlin',
        overrideRules: true,
      });
      booked.push(appointment.id);
    }
    const query = { startDate: day, endDate: day, providerId: provider.id, limit: 2 };

    const firstPage = await admin.appointments.list(query);
    expect(firstPage.data.map((item) => item.id)).toEqual(booked.slice(0, 2));
    expect(firstPage.nextCursor).toEqual(expect.any(String));

    const seen: Appointment[] = [];
    for await (const appointment of admin.appointments.list(query)) seen.push(appointment);
    expect(seen.map((item) => item.id)).toEqual(booked);

    const pageSizes: number[] = [];
    for await (const page of admin.appointments.list(query).pages()) pageSizes.push(page.data.length);
    expect(pageSizes).toEqual([2, 2, 1]);

    expect(await admin.appointments.list({ ...query, status: 'CANCELLED' }).toArray()).toEqual([]);
  });

  it('services.list iterates past the first page too', async () => {
    for (let i = 0; i < 3; i++) {
      await admin.services.create({ name: `Extra ${i}`, durationMinutes: 15, priceBaseCents: 100 });
    }
    const all = await admin.services.list().toArray();
    const paged = await admin.services.list({ limit: 1 }).toArray();
    expect(paged.map((service) => service.id)).toEqual(all.map((service) => service.id));
    expect(all.length).toBeGreaterThan(3);
  });

  it('another tenant’s ids are not found', async () => {
    await expect(admin.appointments.retrieve(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('settings.stripe without Stripe on the platform: venue mode, and connect is refused', async () => {
    expect(await admin.settings.stripe.retrieve()).toEqual({
      accountId: null,
      paymentsEnabled: false,
      mode: 'venue',
    });
    const refused = await admin.settings.stripe.connect({ accountId: 'acct_1234567890' }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ status: 409, code: 'payments_not_configured' });
  });
});

describe('MaisAdmin settings.stripe against the real API and the fake Stripe', () => {
  let stripe: FakeStripe;
  let paid: LiveApi;

  beforeAll(async () => {
    const fake = await fakeStripeEnvironment();
    stripe = fake.stripe;
    paid = await startLiveApi(fake.env);
  });
  afterAll(async () => {
    await paid?.close();
    await stripe?.close();
  });

  it('connects, retrieves and disconnects the tenant’s account', async () => {
    const stripeAdmin = paid.admin();
    const account = stripe.createAccount({ chargesEnabled: true, country: 'DE', defaultCurrency: 'eur' });
    expect(await stripeAdmin.settings.stripe.connect({ accountId: account.id })).toEqual({
      accountId: account.id,
      chargesEnabled: true,
      country: 'DE',
      defaultCurrency: 'EUR',
    });
    expect(await stripeAdmin.settings.stripe.retrieve()).toEqual({
      accountId: account.id,
      paymentsEnabled: true,
      mode: 'card',
    });
    await stripeAdmin.settings.stripe.disconnect();
    expect(await stripeAdmin.settings.stripe.retrieve()).toMatchObject({ accountId: null, mode: 'venue' });
  });

  it('throws ValidationError naming accountId for an account Stripe does not know', async () => {
    const refused = await paid
      .admin()
      .settings.stripe.connect({ accountId: 'acct_NoSuchAccount0001' })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ code: 'validation_failed', details: [{ path: 'accountId' }] });
  });
});
