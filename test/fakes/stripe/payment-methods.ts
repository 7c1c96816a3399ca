import type Stripe from 'stripe';
import { invalidRequest, noSuch } from './errors.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { allowOnly, optionalString, requiredString } from './params.ts';
import { testCardByToken, type TestCard } from './test-cards.ts';
import { newId, unixNow, type Account, type Context, type FakeStripeState, type Route } from './state.ts';

/** PaymentMethods: made from test tokens, attached to and detached from customers. */

const ALREADY_USED =
  'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, ' +
  'shared with a connected account without Customer attachment, or was detached from a Customer. ' +
  'It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.';

export function createCardPaymentMethod(state: FakeStripeState, account: Account, card: TestCard) {
  const expiryYear = state.now().getUTCFullYear() + 3;
  const paymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: card.brand,
      exp_month: 12,
      exp_year: expiryYear,
      // The same card number always has the same fingerprint.
      fingerprint: `fake${card.last4}${card.brand}`.padEnd(16, '0').slice(0, 16),
      funding: 'credit',
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unixNow(state),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  } as Stripe.PaymentMethod;
  return state.paymentMethods.add(account, paymentMethod);
}

/**
 * A `payment_method` parameter: a test token makes a new PaymentMethod, an id must name one of
 * this account's. A PaymentMethod used once without a customer cannot be used again.
 */
export function resolvePaymentMethod(
  state: FakeStripeState,
  account: Account,
  idOrToken: string,
  param = 'payment_method',
): Stripe.PaymentMethod {
  const card = testCardByToken(idOrToken);
  if (card) return createCardPaymentMethod(state, account, card);
  const paymentMethod = state.paymentMethods.get(idOrToken, account);
  if (!paymentMethod) throw noSuch('PaymentMethod', idOrToken, param, 400);
  if (state.consumedPaymentMethods.has(paymentMethod.id)) throw invalidRequest(ALREADY_USED, { param });
  return paymentMethod;
}

export function attachPaymentMethod(
  state: FakeStripeState,
  account: Account,
  paymentMethod: Stripe.PaymentMethod,
  customerId: string,
): Stripe.PaymentMethod {
  if (!state.customers.get(customerId, account)) throw noSuch('customer', customerId, 'customer', 400);
  if (state.consumedPaymentMethods.has(paymentMethod.id)) throw invalidRequest(ALREADY_USED);
  if (paymentMethod.customer && paymentMethod.customer !== customerId) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.');
  }
  paymentMethod.customer = customerId;
  return paymentMethod;
}

function retrieve(ctx: Context): Stripe.PaymentMethod {
  allowOnly(ctx.params, []);
  const card = testCardByToken(ctx.id);
  if (card) return createCardPaymentMethod(ctx.state, ctx.account, card);
  const paymentMethod = ctx.state.paymentMethods.get(ctx.id, ctx.account);
  if (!paymentMethod) throw noSuch('PaymentMethod', ctx.id, 'payment_method');
  return paymentMethod;
}

function attach(ctx: Context): Stripe.PaymentMethod {
  allowOnly(ctx.params, ['customer']);
  const customerId = requiredString(ctx.params, 'customer');
  return attachPaymentMethod(ctx.state, ctx.account, retrieve({ ...ctx, params: {} }), customerId);
}

function detach(ctx: Context): Stripe.PaymentMethod {
  allowOnly(ctx.params, []);
  const paymentMethod = retrieve(ctx);
  if (!paymentMethod.customer) {
    throw invalidRequest(
      'The payment method you provided is not attached to a customer so detachment is impossible.',
    );
  }
  paymentMethod.customer = null;
  ctx.state.consumedPaymentMethods.add(paymentMethod.id);
  return paymentMethod;
}

function list(ctx: Context, customerId = optionalString(ctx.params, 'customer')) {
  const type = optionalString(ctx.params, 'type');
  const matching = ctx.state.paymentMethods
    .list(ctx.account)
    .filter((pm) => (customerId === undefined || pm.customer === customerId) && (!type || pm.type === type));
  return listPage(matching, ctx.params, '/v1/payment_methods', 'PaymentMethod');
}

export const paymentMethodRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/payment_methods',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'customer', 'type']);
      return list(ctx);
    },
  },
  { method: 'GET', path: '/v1/payment_methods/:id', handle: retrieve },
  { method: 'POST', path: '/v1/payment_methods/:id/attach', handle: attach },
  { method: 'POST', path: '/v1/payment_methods/:id/detach', handle: detach },
  {
    method: 'GET',
    path: '/v1/customers/:id/payment_methods',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'type']);
      if (!ctx.state.customers.get(ctx.id, ctx.account)) throw noSuch('customer', ctx.id, 'customer');
      return list(ctx, ctx.id);
    },
  },
];
