import type { AddressInfo } from 'node:net';
import { buildTestApp, createTestTenant, type TestApp } from '../../../api/test/helpers/test-app.ts';
import { MaisAdmin, MaisClient, type ClientOptions } from '../../src/index.ts';

export type Tenant = Awaited<ReturnType<typeof createTestTenant>>;

export interface LiveApi extends TestApp {
  /** http://127.0.0.1:<port> of the real API, listening. */
  baseUrl: string;
  tenant: Tenant;
  admin(options?: Partial<ClientOptions>): MaisAdmin;
  client(options?: Partial<ClientOptions>): MaisClient;
}

/** The real API on a fresh database, listening on a free port, with one tenant. */
export async function startLiveApi(env: Record<string, string> = {}): Promise<LiveApi> {
  const testApp = await buildTestApp(env);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tenant = await createTestTenant(testApp.db);
  return {
    ...testApp,
    baseUrl,
    tenant,
    admin: (options = {}) => new MaisAdmin({ baseUrl, secretKey: tenant.keys.secret, ...options }),
    client: (options = {}) =>
      new MaisClient({ baseUrl, publishableKey: tenant.keys.publishable, ...options }),
  };
}

export const EVERY_DAY_9_TO_17 = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
  dayOfWeek,
  startTime: '09:00',
  endTime: '17:00',
}));

/** A 60-minute service with one provider working 09:00–17:00 (Europe/Berlin) every day, made through the SDK. */
export async function bookableService(admin: MaisAdmin, name = 'Session') {
  const service = await admin.services.create({
    name,
    durationMinutes: 60,
    priceBaseCents: 5000,
    // Wider than the default 60 days, so that all of next month is always bookable.
    bookingWindowDays: 120,
  });
  const provider = await admin.providers.create({ name: `${name} provider`, email: 'provider@example.com' });
  await admin.providers.setServices(provider.id, [{ serviceId: service.id }]);
  await admin.availability.replaceForProvider(provider.id, EVERY_DAY_9_TO_17);
  return { service, provider };
}

/** The date `days` from today in `zone`, as YYYY-MM-DD. */
export function dateIn(zone: string, days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });
}

/** The next bookable slots of a service over the coming week, as the public client sees them. */
export async function upcomingSlots(client: MaisClient, serviceId: string) {
  const availability = await client.availability.list(serviceId, {
    startDate: dateIn('Europe/Berlin', 1),
    endDate: dateIn('Europe/Berlin', 7),
    timezone: 'Europe/Berlin',
  });
  return availability.slots;
}

export const CLIENT = { name: 'Ada Client', email: 'ada@example.com' };
