import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, type MaisAdmin } from '../src/index.ts';
import { bookableService, CLIENT, dateIn, startLiveApi, type LiveApi } from './helpers/live-api.ts';

// The reports, invoices and QuickBooks resources of MaisAdmin against the real API: one booking
// of yesterday paid at the venue, then every report, the invoice it issued and the settings.
let api: LiveApi;
let admin: MaisAdmin;
let appointmentId: string;
const period = { startDate: dateIn('Europe/Berlin', -2), endDate: dateIn('Europe/Berlin', 1) };

beforeAll(async () => {
  api = await startLiveApi();
  admin = api.admin();
  const { service, provider } = await bookableService(admin, 'Reported');
  const { appointment } = await admin.appointments.create({
    serviceId: service.id,
    providerId: provider.id,
    startTimeUtc: `${dateIn('UTC', -1)}T10:00:00Z`,
    client: CLIENT,
    clientTimezone: 'Europe/Berlin',
    overrideRules: true,
  });
  appointmentId = appointment.id;
  await admin.appointments.complete(appointmentId);
  await admin.appointments.collectBalance(appointmentId, { method: 'venue' });
});
afterAll(() => api.close());

describe('MaisAdmin reports, invoices and QuickBooks', () => {
  it('reports: services, providers, clients (paged and one), summary', async () => {
    const services = await admin.reports.services(period);
    expect(services.services).toEqual([
      expect.objectContaining({
        serviceName: 'Reported',
        currency: 'EUR',
        bookings: 1,
        completed: 1,
        revenueCents: 5000,
      }),
    ]);
    const providers = await admin.reports.providers(period);
    expect(providers.providers).toEqual([expect.objectContaining({ providerName: 'Reported provider' })]);

    const clients = await admin.reports.clients({ ...period, q: 'ada' }).toArray();
    expect(clients).toEqual([expect.objectContaining({ email: CLIENT.email, visits: 1 })]);
    expect((await admin.reports.clientsPage({ ...period, q: 'nobody' })).data).toEqual([]);
    const history = await admin.reports.clientHistory(CLIENT.email);
    expect(history.appointments.map((appointment) => appointment.id)).toEqual([appointmentId]);
    const unknown = await admin.reports.clientHistory('nobody@example.com').catch((e) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);

    const summary = await admin.reports.summary();
    expect(summary).toMatchObject({ timezone: 'Europe/Berlin', today: { date: dateIn('Europe/Berlin') } });
    expect(summary.week.start <= summary.today.date).toBe(true);
  });

  it('invoices: the venue payment issued invoice 1; invoicing settings round-trip', async () => {
    const invoices = await admin.invoices.list().toArray();
    expect(invoices).toEqual([
      expect.objectContaining({ number: 1, appointmentId, totalCents: 5000, currency: 'EUR' }),
    ]);
    expect((await admin.invoices.page({ limit: 1 })).data).toHaveLength(1);

    const settings = await admin.settings.invoicing.update({
      legalName: 'Reported Studio GmbH',
      taxId: 'DE123456789',
      taxRateBasisPoints: 1900,
      taxInclusive: true,
    });
    expect(settings).toMatchObject({ legalName: 'Reported Studio GmbH', taxRateBasisPoints: 1900 });
    expect(await admin.settings.invoicing.retrieve()).toMatchObject({
      taxId: 'DE123456789',
      taxInclusive: true,
    });
  });

  it('quickbooks: not connected, and connecting is refused without the platform’s QuickBooks app', async () => {
    const refused = await admin.quickbooks.connect().catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe('quickbooks_not_configured');
  });

  it('staff: create with a password, list, update the role, delete', async () => {
    // Another owner stays: the last owner who can sign in cannot be removed (409 invalid_state).
    await admin.staff.create({
      email: 'keeper@studio.example',
      name: 'Keeper',
      role: 'owner',
      password: 'a long enough password',
    });
    const created = await admin.staff.create({
      email: 'Nia@Studio.example',
      name: 'Nia',
      role: 'manager',
      password: 'a long enough password',
    });
    expect(created).toMatchObject({ email: 'nia@studio.example', role: 'manager', status: 'active' });
    expect((await admin.staff.list().toArray()).map((account) => account.id)).toContain(created.id);
    expect(await admin.staff.update(created.id, { role: 'owner' })).toMatchObject({ role: 'owner' });
    expect(await admin.staff.retrieve(created.id)).toMatchObject({ role: 'owner' });
    await admin.staff.delete(created.id);
    expect(await admin.staff.retrieve(created.id).catch((e) => e)).toBeInstanceOf(NotFoundError);
  });
});
