import type Stripe from 'stripe';
import { invalidParam, noSuch, notModelled, unexpectedState } from './errors.ts';
import { emitEvent } from './events.ts';
import type { Params } from './form.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { formatAmount, minimumAmount } from './money.ts';
import { confirmPaymentIntent, readConfirmOptions } from './payment-intent-attempts.ts';
import {
  allowOnly,
  mergeMetadata,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
} from './params.ts';
import { initialMethodTypes, updateMethodTypes } from './payment-method-types.ts';
import { resolvePaymentMethod } from './payment-methods.ts';
import { newId, randomString, unixNow, type Context, type Route } from './state.ts';

/**
 * PaymentIntents: create (optionally confirming at once, e.g. off-session with a saved card),
 * retrieve, list, update, confirm and cancel. Automatic capture only.
 * https://docs.stripe.com/api/payment_intents
 */

const UPDATABLE = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'payment_method',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  // Removed in 2026-09-30.endive: let through here to be refused with a hint (payment-method-types.ts).
  'payment_method_types',
  'setup_future_usage',
  'application_fee_amount',
  'receipt_email',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_group',
  'payment_method_options',
];
/** What Stripe still lets you change once a PaymentIntent has succeeded or been canceled. */
const UPDATABLE_WHEN_FINISHED = ['description', 'metadata', 'receipt_email'];
const CREATE_ONLY = ['automatic_payment_methods', 'capture_method', 'confirm', 'off_session', 'return_url'];
/** Real Stripe parameters the fake refuses rather than ignores. */
const NOT_MODELLED = [
  'on_behalf_of',
  'transfer_data',
  'payment_method_data',
  'mandate_data',
  'error_on_requires_action',
  'confirmation_method',
  'shipping',
];

function create(ctx: Context): Stripe.PaymentIntent {
  refuseNotModelled(ctx.params);
  allowOnly(ctx.params, [...UPDATABLE, ...CREATE_ONLY, 'use_stripe_sdk']);
  const { state, account, params } = ctx;
  const captureMethod = optionalEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual']);
  if (captureMethod === 'manual') throw notModelled('capture_method=manual (authorise now, capture later)');
  const confirm = optionalBoolean(params, 'confirm') ?? false;
  if (params.off_session !== undefined && !confirm) {
    throw invalidParam(
      'off_session can only be used when confirm=true.',
      'parameter_invalid_string',
      'off_session',
    );
  }
  const methodTypes = initialMethodTypes(params);
  const id = newId('pi');
  const intent = {
    id,
    object: 'payment_intent',
    ...methodTypes,
    amount: 0,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod ?? 'automatic_async',
    client_secret: `${id}_secret_${randomString(25)}`,
    confirmation_method: 'automatic',
    created: unixNow(state),
    currency: '',
    customer: null,
    customer_account: null,
    description: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_group: null,
  } as Stripe.PaymentIntent;
  applyUpdate(ctx, intent, { creating: true });
  state.paymentIntents.add(account, intent);
  emitEvent(state, account, 'payment_intent.created', intent, ctx.request);
  if (confirm) return confirmPaymentIntent(ctx, intent, readConfirmOptions(params));
  return intent;
}

/** Sets the updatable fields present in the parameters (on create, amount and currency are required). */
function applyUpdate(ctx: Context, intent: Stripe.PaymentIntent, { creating }: { creating: boolean }): void {
  const { state, account, params } = ctx;
  const amount = creating ? requiredInteger(params, 'amount', 1) : optionalInteger(params, 'amount', 1);
  const currencyParam = creating ? requiredString(params, 'currency') : optionalString(params, 'currency');
  const currency = currencyParam?.toLowerCase() ?? intent.currency;
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidParam(`Invalid currency: ${currency}.`, 'parameter_invalid_string', 'currency');
  }
  const checkedAmount = amount ?? intent.amount;
  if (checkedAmount < minimumAmount(currency)) {
    throw invalidParam(
      `Amount must be at least ${formatAmount(minimumAmount(currency), currency)} ${currency}`,
      'amount_too_small',
      'amount',
    );
  }
  const customer = optionalString(params, 'customer');
  if (customer && !state.customers.get(customer, account))
    throw noSuch('customer', customer, 'customer', 400);
  const fee = optionalInteger(params, 'application_fee_amount');
  if (fee !== undefined && account === null) {
    throw invalidParam(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment ' +
        '(using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      'parameter_invalid_integer',
      'application_fee_amount',
    );
  }
  if (fee !== undefined && fee > checkedAmount) {
    throw invalidParam(
      'The application fee amount cannot be greater than the amount of the PaymentIntent.',
      'parameter_invalid_integer',
      'application_fee_amount',
    );
  }
  const futureUsage = optionalEnum(params, 'setup_future_usage', ['off_session', 'on_session', '']);

  intent.amount = checkedAmount;
  intent.currency = currency;
  if (customer !== undefined) intent.customer = customer || null;
  if (fee !== undefined) intent.application_fee_amount = fee;
  if (futureUsage !== undefined) intent.setup_future_usage = futureUsage || null;
  for (const field of [
    'description',
    'receipt_email',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_group',
  ] as const) {
    const value = optionalString(params, field);
    if (value !== undefined) intent[field] = value || null;
  }
  intent.metadata = mergeMetadata(intent.metadata, params);
  if (!creating) updateMethodTypes(intent, params);
  const paymentMethod = optionalString(params, 'payment_method');
  if (paymentMethod) {
    intent.payment_method = resolvePaymentMethod(state, account, paymentMethod).id;
    intent.status = 'requires_confirmation';
    intent.next_action = null;
  }
}

function retrieve(ctx: Context): Stripe.PaymentIntent {
  const intent = ctx.state.paymentIntents.get(ctx.id, ctx.account);
  if (!intent) throw noSuch('payment_intent', ctx.id, 'intent');
  return intent;
}

function update(ctx: Context): Stripe.PaymentIntent {
  refuseNotModelled(ctx.params);
  allowOnly(ctx.params, UPDATABLE);
  const intent = retrieve(ctx);
  if (['succeeded', 'canceled', 'processing'].includes(intent.status)) {
    const blocked = Object.keys(ctx.params).find(
      (key) => key !== 'expand' && !UPDATABLE_WHEN_FINISHED.includes(key),
    );
    if (blocked) {
      throw unexpectedState(
        `This PaymentIntent's ${blocked} could not be updated because it has a status of ${intent.status}. ` +
          `You may only update the ${blocked} of a PaymentIntent with one of the following statuses: ` +
          'requires_payment_method, requires_confirmation, requires_action.',
      );
    }
  }
  applyUpdate(ctx, intent, { creating: false });
  return intent;
}

const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

function cancel(ctx: Context): Stripe.PaymentIntent {
  allowOnly(ctx.params, ['cancellation_reason']);
  const reason = optionalEnum(ctx.params, 'cancellation_reason', [
    'duplicate',
    'fraudulent',
    'requested_by_customer',
    'abandoned',
  ]);
  const intent = retrieve(ctx);
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. ` +
        `Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = unixNow(ctx.state);
  intent.cancellation_reason = reason ?? null;
  intent.next_action = null;
  emitEvent(ctx.state, ctx.account, 'payment_intent.canceled', intent, ctx.request);
  return intent;
}

function refuseNotModelled(params: Params): void {
  const used = NOT_MODELLED.find((name) => params[name] !== undefined);
  if (used) throw notModelled(`the PaymentIntent parameter ${used}`);
}

export const paymentIntentRoutes: Route[] = [
  { method: 'POST', path: '/v1/payment_intents', handle: create },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'customer']);
      const customer = optionalString(ctx.params, 'customer');
      const matching = ctx.state.paymentIntents
        .list(ctx.account)
        .filter((pi) => !customer || pi.customer === customer);
      return listPage(matching, ctx.params, '/v1/payment_intents', 'payment_intent');
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, ['client_secret']);
      return retrieve(ctx);
    },
  },
  { method: 'POST', path: '/v1/payment_intents/:id', handle: update },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/confirm',
    handle: (ctx) => {
      refuseNotModelled(ctx.params);
      allowOnly(ctx.params, [
        'payment_method',
        'off_session',
        'return_url',
        'setup_future_usage',
        'receipt_email',
        'payment_method_options',
        'use_stripe_sdk',
        'allowed_payment_method_types',
        'excluded_payment_method_types',
        'payment_method_types',
      ]);
      const intent = retrieve(ctx);
      const options = readConfirmOptions(ctx.params);
      updateMethodTypes(intent, ctx.params);
      return confirmPaymentIntent(ctx, intent, options);
    },
  },
  { method: 'POST', path: '/v1/payment_intents/:id/cancel', handle: cancel },
];
