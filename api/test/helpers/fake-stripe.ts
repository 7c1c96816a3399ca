import { startFakeStripe, type FakeStripe } from '../../../test/fakes/stripe/index.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import type { TestApp } from './test-app.ts';

export type { FakeStripe };

/** A fake Stripe and the environment that points the app at it (for buildTestApp). */
export async function fakeStripeEnvironment(
  options: Parameters<typeof startFakeStripe>[0] = {},
): Promise<{ stripe: FakeStripe; env: Record<string, string> }> {
  const stripe = await startFakeStripe({ webhookSecret: 'whsec_testsecret', ...options });
  return {
    stripe,
    env: {
      STRIPE_SECRET_KEY: 'sk_test_platform',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_platform',
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
    },
  };
}

/** Gives `tenant` a connected account on the fake, stored as the tenant's (what the settings route does). */
export async function connectTenant(t: TestApp, stripe: FakeStripe, tenant: CreatedTenant): Promise<string> {
  const account = stripe.createAccount({ chargesEnabled: true, defaultCurrency: 'eur', country: 'DE' });
  await t.db.tenant.update({ where: { id: tenant.tenant.id }, data: { stripeAccountId: account.id } });
  return account.id;
}
