import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import Stripe from 'stripe';
import { createTenant, type CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { admin, buildTestApp, publicRequest, type TestApp } from '../helpers/test-app.ts';

/**
 * What the payments property test runs against: one app on real PostgreSQL, the fake Stripe, a
 * controlled clock, and two tenants, each connected to its own fake account. Studio Euro (Berlin)
 * sells in EUR and, for one service, USD; Studio Yen (Tokyo) in JPY, which has no minor digits.
 * Every service has its own provider, working 09:00–17:00 local every day.
 */

export interface ServiceWorld {
  id: string;
  label: string;
  providerId: string;
  currency: string;
}

export interface TenantWorld {
  label: string;
  created: CreatedTenant;
  account: string;
  services: ServiceWorld[];
  /** UTC hours at which an hour-long booking fits the provider's day, whatever the season. */
  startHoursUtc: number[];
  /** Days after the sequence's first day on which those hours are offered. */
  dayOffsets: number[];
}

export interface World {
  t: TestApp;
  stripe: FakeStripe;
  /** The tenants' own Stripe dashboard: the real client on the fake. */
  dashboard: Stripe;
  clock: { now: Date; tick(minutes: number): Date };
  webhookUrl: string;
  tenants: TenantWorld[];
  close(): Promise<void>;
}

export const START = '2027-03-01T07:00:00Z';

export async function buildWorld(): Promise<World> {
  // Lost answers are dropped after 200 ms (stripe-node then re-sends once with the same key).
  const fake = await fakeStripeEnvironment({ hangMs: 200 });
  const { clock, read } = testClock(START);
  const t = await buildTestApp(
    { ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000', PLATFORM_FEE_PERCENT: '2.5' },
    { clock: read, maxConnections: 10 },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const dashboard = new Stripe('sk_test_dashboard', {
    host: '127.0.0.1',
    port: fake.stripe.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });

  const euro = await tenantWith(t, fake.stripe, {
    label: 'EUR',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    country: 'DE',
    // 09:00–17:00 Berlin is 08:00–16:00Z in winter and 07:00–15:00Z in summer.
    startHoursUtc: [8, 9, 10, 11, 12, 13, 14],
    dayOffsets: [0, 1, 2, 3],
    services: [
      {
        name: 'Colour',
        priceBaseCents: 8000,
        paymentMode: 'DEPOSIT',
        depositCents: 2000,
        noShowFeeCents: 5000,
      },
      { name: 'Cut', priceBaseCents: 4550, paymentMode: 'FULL' },
      // Nothing to pay at booking: the card is saved by a SetupIntent for the no-show fee.
      { name: 'Trial', priceBaseCents: 0, noShowFeeCents: 2500 },
      { name: 'Consult', priceBaseCents: 6099, paymentMode: 'DEPOSIT', depositCents: 1999, currency: 'USD' },
    ],
  });
  const yen = await tenantWith(t, fake.stripe, {
    label: 'JPY',
    timezone: 'Asia/Tokyo',
    currency: 'JPY',
    country: 'JP',
    // 09:00–17:00 Tokyo is 00:00–08:00Z.
    startHoursUtc: [0, 1, 2, 3, 4, 5, 6],
    dayOffsets: [1, 2, 3, 4],
    services: [
      {
        name: 'Massage',
        priceBaseCents: 9000,
        paymentMode: 'DEPOSIT',
        depositCents: 3000,
        noShowFeePercent: 50,
      },
      { name: 'Tea', priceBaseCents: 5555, paymentMode: 'FULL' },
    ],
  });

  return {
    t,
    stripe: fake.stripe,
    dashboard,
    clock,
    webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/stripe`,
    tenants: [euro, yen],
    close: async () => {
      await t.close();
      await fake.stripe.close();
    },
  };
}

async function tenantWith(
  t: TestApp,
  stripe: FakeStripe,
  options: {
    label: string;
    timezone: string;
    currency: string;
    country: string;
    startHoursUtc: number[];
    dayOffsets: number[];
    services: Array<Record<string, unknown> & { name: string }>;
  },
): Promise<TenantWorld> {
  const created = await createTenant(t.db, {
    name: `Studio ${options.label}`,
    timezone: options.timezone,
    currency: options.currency,
    allowedOrigins: [],
    branding: {},
  });
  const account = stripe.createAccount({
    chargesEnabled: true,
    defaultCurrency: options.currency.toLowerCase(),
    country: options.country,
  }).id;
  await t.db.tenant.update({ where: { id: created.tenant.id }, data: { stripeAccountId: account } });
  const services: ServiceWorld[] = [];
  for (const service of options.services) {
    const { serviceId, providerIds } = await bookableService(t.app, created, { service });
    services.push({
      id: serviceId,
      label: `${options.label}/${service.name}`,
      providerId: providerIds[0]!,
      currency: String(service.currency ?? options.currency),
    });
  }
  return { ...options, created, account, services };
}

/** A request on a public route with the tenant's publishable key. */
export function publicCall(world: World, tenant: TenantWorld, options: InjectOptions) {
  return publicRequest(world.t.app, tenant.created, options);
}

/** A request on an admin route with the tenant's secret key. */
export function adminCall(world: World, tenant: TenantWorld, options: InjectOptions) {
  return admin(world.t.app, tenant.created, options);
}
