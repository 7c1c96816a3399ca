import type Stripe from 'stripe';
import { noSuch } from './errors.ts';
import { allowOnly } from './params.ts';
import { newId, unixNow, type FakeStripeState, type Route } from './state.ts';

/**
 * Connected accounts. They exist only when a test creates them (`fake.createAccount()`); a
 * Stripe-Account header naming any other account is refused, as Stripe refuses accounts the
 * platform is not connected to.
 */

export interface NewAccount {
  id?: string;
  type?: 'standard' | 'express' | 'custom';
  country?: string;
  defaultCurrency?: string;
  email?: string | null;
  chargesEnabled?: boolean;
  payoutsEnabled?: boolean;
  detailsSubmitted?: boolean;
  metadata?: Stripe.Metadata;
}

export function createAccount(state: FakeStripeState, options: NewAccount = {}): Stripe.Account {
  const chargesEnabled = options.chargesEnabled ?? true;
  const account = {
    id: options.id ?? newId('acct', 16),
    object: 'account',
    business_type: null,
    capabilities: { card_payments: chargesEnabled ? 'active' : 'inactive', transfers: 'active' },
    charges_enabled: chargesEnabled,
    country: options.country ?? 'US',
    created: unixNow(state),
    default_currency: options.defaultCurrency ?? 'usd',
    details_submitted: options.detailsSubmitted ?? true,
    email: options.email ?? null,
    metadata: options.metadata ?? {},
    payouts_enabled: options.payoutsEnabled ?? true,
    settings: null,
    type: options.type ?? 'standard',
  } as Stripe.Account;
  state.accounts.set(account.id, account);
  return account;
}

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/accounts/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      const account = ctx.state.accounts.get(ctx.id);
      // A connected account sees only itself; the platform sees the accounts connected to it.
      if (!account || (ctx.account !== null && ctx.account !== ctx.id))
        throw noSuch('account', ctx.id, 'account');
      return account;
    },
  },
  {
    method: 'GET',
    path: '/v1/account',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      if (ctx.account === null) return PLATFORM_ACCOUNT;
      return ctx.state.accounts.get(ctx.account);
    },
  },
];

/** The platform itself, for GET /v1/account without a Stripe-Account header. */
const PLATFORM_ACCOUNT = {
  id: 'acct_FakeStripePlatform',
  object: 'account',
  charges_enabled: true,
  country: 'US',
  default_currency: 'usd',
  details_submitted: true,
  email: null,
  payouts_enabled: true,
  type: 'standard',
};
