import type Stripe from 'stripe';
import { FakeStripeError, invalidRequest, noSuch, notModelled, unexpectedState } from './errors.ts';
import { emitEvent } from './events.ts';
import { needsAuthentication } from './payment-intent-attempts.ts';
import { checkCardAllowed, initialMethodTypes, updateMethodTypes } from './payment-method-types.ts';
import { allowOnly, mergeMetadata, optionalBoolean, optionalEnum, optionalString } from './params.ts';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.ts';
import {
  newId,
  randomString,
  unixNow,
  type Account,
  type Context,
  type FakeStripeState,
  type RequestInfo,
  type Route,
} from './state.ts';
import { testCardByLast4 } from './test-cards.ts';

/**
 * SetupIntents: save a card for later (off-session) payments without charging it. Success
 * attaches the card to the customer and marks it authenticated.
 * https://docs.stripe.com/api/setup_intents
 */

const UPDATABLE = [
  'customer',
  'description',
  'metadata',
  'payment_method',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  // Removed in 2026-09-30.endive: let through here to be refused with a hint (payment-method-types.ts).
  'payment_method_types',
];

function create(ctx: Context): Stripe.SetupIntent {
  if (ctx.params.on_behalf_of !== undefined) throw notModelled('the SetupIntent parameter on_behalf_of');
  allowOnly(ctx.params, [...UPDATABLE, 'automatic_payment_methods', 'usage', 'confirm', 'return_url']);
  const methodTypes = initialMethodTypes(ctx.params);
  const usage = optionalEnum(ctx.params, 'usage', ['off_session', 'on_session']) ?? 'off_session';
  const id = newId('seti');
  const intent = {
    id,
    object: 'setup_intent',
    application: null,
    ...methodTypes,
    cancellation_reason: null,
    client_secret: `${id}_secret_${randomString(25)}`,
    created: unixNow(ctx.state),
    customer: null,
    customer_account: null,
    description: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage,
  } as Stripe.SetupIntent;
  applyUpdate(ctx, intent);
  ctx.state.setupIntents.add(ctx.account, intent);
  emitEvent(ctx.state, ctx.account, 'setup_intent.created', intent, ctx.request);
  if (optionalBoolean(ctx.params, 'confirm')) return confirm(ctx, intent);
  return intent;
}

function applyUpdate(ctx: Context, intent: Stripe.SetupIntent): void {
  const customer = optionalString(ctx.params, 'customer');
  if (customer && !ctx.state.customers.get(customer, ctx.account)) {
    throw noSuch('customer', customer, 'customer', 400);
  }
  if (customer !== undefined) intent.customer = customer || null;
  const description = optionalString(ctx.params, 'description');
  if (description !== undefined) intent.description = description || null;
  intent.metadata = mergeMetadata(intent.metadata, ctx.params);
  const paymentMethod = optionalString(ctx.params, 'payment_method');
  if (paymentMethod) {
    intent.payment_method = resolvePaymentMethod(ctx.state, ctx.account, paymentMethod).id;
    intent.status = 'requires_confirmation';
  }
}

function retrieve(ctx: Context): Stripe.SetupIntent {
  const intent = ctx.state.setupIntents.get(ctx.id, ctx.account);
  if (!intent) throw noSuch('setup_intent', ctx.id, 'intent');
  return intent;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function confirm(ctx: Context, intent: Stripe.SetupIntent): Stripe.SetupIntent {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${intent.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const param = optionalString(ctx.params, 'payment_method');
  const currentId =
    typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
  const paymentMethod = param
    ? resolvePaymentMethod(ctx.state, ctx.account, param)
    : currentId
      ? ctx.state.paymentMethods.get(currentId, ctx.account)
      : undefined;
  if (!paymentMethod) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method.",
      'setup_intent_unexpected_state',
    );
  }
  if (paymentMethod.customer && paymentMethod.customer !== intent.customer) {
    throw invalidRequest(`The provided PaymentMethod ${paymentMethod.id} belongs to another customer.`, {
      param: 'payment_method',
    });
  }
  checkCardAllowed(intent);
  const options = { returnUrl: optionalString(ctx.params, 'return_url') };
  const failure = attemptSetup(ctx.state, ctx.account, intent, paymentMethod, options, ctx.request);
  if (failure) throw failure;
  return intent;
}

/** One attempt to set up the card; the 402 to answer with if it was declined, else null. */
export function attemptSetup(
  state: FakeStripeState,
  account: Account,
  intent: Stripe.SetupIntent,
  paymentMethod: Stripe.PaymentMethod,
  options: { returnUrl?: string; authenticated?: boolean },
  request: RequestInfo,
): FakeStripeError | null {
  intent.payment_method = paymentMethod.id;
  const { behaviour } = testCardByLast4(paymentMethod.card?.last4);
  if (behaviour.kind === 'declines' && !behaviour.savesFine) {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    const error = {
      type: 'card_error' as const,
      code: behaviour.code,
      decline_code: behaviour.declineCode,
      message: behaviour.message,
      payment_method: structuredClone(paymentMethod),
    };
    intent.last_setup_error = error as Stripe.SetupIntent.LastSetupError;
    emitEvent(state, account, 'setup_intent.setup_failed', intent, request);
    return new FakeStripeError(402, { ...error, setup_intent: structuredClone(intent) });
  }
  if (!options.authenticated && needsAuthentication(state, paymentMethod)) {
    intent.status = 'requires_action';
    intent.next_action = (
      options.returnUrl
        ? {
            type: 'redirect_to_url',
            redirect_to_url: {
              url: 'https://hooks.stripe.com/3d_secure_2/hosted',
              return_url: options.returnUrl,
            },
          }
        : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } }
    ) as Stripe.SetupIntent.NextAction;
    emitEvent(state, account, 'setup_intent.requires_action', intent, request);
    return null;
  }
  intent.status = 'succeeded';
  intent.next_action = null;
  intent.last_setup_error = null;
  const customer = typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null);
  if (customer && !paymentMethod.customer) attachPaymentMethod(state, account, paymentMethod, customer);
  state.setUpPaymentMethods.add(paymentMethod.id);
  emitEvent(state, account, 'setup_intent.succeeded', intent, request);
  return null;
}

export const setupIntentRoutes: Route[] = [
  { method: 'POST', path: '/v1/setup_intents', handle: create },
  {
    method: 'GET',
    path: '/v1/setup_intents/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, ['client_secret']);
      return retrieve(ctx);
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, UPDATABLE);
      const intent = retrieve(ctx);
      if (!CONFIRMABLE.includes(intent.status)) {
        throw unexpectedState(
          `You cannot update this SetupIntent because it has a status of ${intent.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      applyUpdate(ctx, intent);
      updateMethodTypes(intent, ctx.params);
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/confirm',
    handle: (ctx) => {
      allowOnly(ctx.params, ['payment_method', 'return_url', 'use_stripe_sdk']);
      return confirm(ctx, retrieve(ctx));
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/cancel',
    handle: (ctx) => {
      allowOnly(ctx.params, ['cancellation_reason']);
      const reason = optionalEnum(ctx.params, 'cancellation_reason', [
        'abandoned',
        'requested_by_customer',
        'duplicate',
      ]);
      const intent = retrieve(ctx);
      if (!CONFIRMABLE.includes(intent.status)) {
        throw unexpectedState(
          `You cannot cancel this SetupIntent because it has a status of ${intent.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      intent.status = 'canceled';
      intent.cancellation_reason = reason ?? null;
      intent.next_action = null;
      emitEvent(ctx.state, ctx.account, 'setup_intent.canceled', intent, ctx.request);
      return intent;
    },
  },
];
