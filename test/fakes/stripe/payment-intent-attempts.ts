import type Stripe from 'stripe';
import { createCharge, type Failure } from './charges.ts';
import { FakeStripeError, invalidRequest, unexpectedState } from './errors.ts';
import { emitEvent } from './events.ts';
import type { Params } from './form.ts';
import { optionalEnum, optionalString } from './params.ts';
import { checkCardAllowed } from './payment-method-types.ts';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.ts';
import { testCardByLast4 } from './test-cards.ts';
import type { Account, Context, FakeStripeState, RequestInfo } from './state.ts';

/**
 * Confirming a PaymentIntent: one payment attempt with a payment method, which succeeds, is
 * declined, or needs 3-D Secure. Off-session, 3-D Secure cannot happen, so it fails with
 * `authentication_required` and the customer has to come back.
 * https://docs.stripe.com/payments/save-and-reuse#charge-saved-payment-method
 */

export interface ConfirmOptions {
  paymentMethod?: string;
  offSession: boolean;
  returnUrl?: string;
  setupFutureUsage?: 'off_session' | 'on_session' | '';
  receiptEmail?: string;
}

export function readConfirmOptions(params: Params): ConfirmOptions {
  // off_session takes true/false, or the older one_off/recurring (both mean true).
  const offSession = optionalEnum(params, 'off_session', ['true', 'false', 'one_off', 'recurring']);
  return {
    paymentMethod: optionalString(params, 'payment_method'),
    offSession: offSession !== undefined && offSession !== 'false',
    returnUrl: optionalString(params, 'return_url'),
    setupFutureUsage: optionalEnum(params, 'setup_future_usage', ['off_session', 'on_session', '']),
    receiptEmail: optionalString(params, 'receipt_email'),
  };
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function confirmPaymentIntent(
  ctx: Context,
  intent: Stripe.PaymentIntent,
  options: ConfirmOptions,
): Stripe.PaymentIntent {
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. ` +
        `Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  }
  const paymentMethod = options.paymentMethod
    ? resolvePaymentMethod(ctx.state, ctx.account, options.paymentMethod)
    : currentPaymentMethod(ctx.state, ctx.account, intent);
  if (!paymentMethod) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the " +
        'PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.',
    );
  }
  if (paymentMethod.customer && paymentMethod.customer !== intent.customer) {
    throw invalidRequest(
      `The provided PaymentMethod ${paymentMethod.id} belongs to customer ${paymentMethod.customer}; ` +
        'pass that customer on the PaymentIntent to use it.',
      { param: 'payment_method' },
    );
  }
  checkCardAllowed(intent);
  if (options.setupFutureUsage !== undefined) intent.setup_future_usage = options.setupFutureUsage || null;
  if (options.receiptEmail !== undefined) intent.receipt_email = options.receiptEmail || null;
  const failure = attemptPayment(ctx.state, ctx.account, intent, paymentMethod, options, ctx.request);
  if (failure) throw failure;
  return intent;
}

function currentPaymentMethod(state: FakeStripeState, account: Account, intent: Stripe.PaymentIntent) {
  const id = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
  return id ? state.paymentMethods.get(id, account) : undefined;
}

/** Whether the card's bank asks for 3-D Secure on this payment (see test-cards.ts). */
export function needsAuthentication(state: FakeStripeState, paymentMethod: Stripe.PaymentMethod): boolean {
  const { behaviour } = testCardByLast4(paymentMethod.card?.last4);
  if (behaviour.kind === 'always_authenticates') return true;
  return behaviour.kind === 'authenticates_until_set_up' && !state.setUpPaymentMethods.has(paymentMethod.id);
}

/**
 * One attempt to pay. Returns the 402 to answer with when the attempt failed (the PaymentIntent
 * is then back in requires_payment_method with last_payment_error), or null.
 * `authenticated`: the customer has just passed 3-D Secure in the browser.
 */
export function attemptPayment(
  state: FakeStripeState,
  account: Account,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  options: { offSession: boolean; returnUrl?: string; authenticated?: boolean },
  request: RequestInfo,
): FakeStripeError | null {
  intent.payment_method = paymentMethod.id;
  const { behaviour } = testCardByLast4(paymentMethod.card?.last4);
  if (behaviour.kind === 'declines') {
    return fail(state, account, intent, paymentMethod, behaviour, request);
  }
  if (!options.authenticated && needsAuthentication(state, paymentMethod)) {
    if (options.offSession) {
      const failure = {
        code: 'authentication_required',
        declineCode: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      };
      return fail(state, account, intent, paymentMethod, failure, request);
    }
    requireAction(intent, options.returnUrl);
    emitEvent(state, account, 'payment_intent.requires_action', intent, request);
    return null;
  }
  succeed(state, account, intent, paymentMethod, request);
  return null;
}

function succeed(
  state: FakeStripeState,
  account: Account,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  request: RequestInfo,
): void {
  const charge = createCharge(state, account, intent, paymentMethod, null, request);
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  const customer = typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null);
  if (intent.setup_future_usage) {
    // https://docs.stripe.com/payments/save-during-payment: saved for later, authenticated now.
    if (customer && !paymentMethod.customer) attachPaymentMethod(state, account, paymentMethod, customer);
    state.setUpPaymentMethods.add(paymentMethod.id);
  } else if (!paymentMethod.customer) {
    state.consumedPaymentMethods.add(paymentMethod.id);
  }
  emitEvent(state, account, 'payment_intent.succeeded', intent, request);
}

function fail(
  state: FakeStripeState,
  account: Account,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  failure: Failure,
  request: RequestInfo,
): FakeStripeError {
  const charge = createCharge(state, account, intent, paymentMethod, failure, request);
  const docUrl = `https://stripe.com/docs/error-codes/${failure.code.replaceAll('_', '-')}`;
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.latest_charge = charge.id;
  intent.next_action = null;
  intent.last_payment_error = {
    type: 'card_error',
    code: failure.code,
    decline_code: failure.declineCode,
    message: failure.message,
    charge: charge.id,
    doc_url: docUrl,
    payment_method: structuredClone(paymentMethod),
  } as Stripe.PaymentIntent.LastPaymentError;
  emitEvent(state, account, 'payment_intent.payment_failed', intent, request);
  return new FakeStripeError(402, {
    type: 'card_error',
    code: failure.code,
    decline_code: failure.declineCode,
    message: failure.message,
    charge: charge.id,
    doc_url: docUrl,
    payment_intent: structuredClone(intent),
    payment_method: structuredClone(paymentMethod),
  });
}

function requireAction(intent: Stripe.PaymentIntent, returnUrl: string | undefined): void {
  intent.status = 'requires_action';
  intent.next_action = (
    returnUrl
      ? {
          type: 'redirect_to_url',
          redirect_to_url: {
            url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${intent.id}`,
            return_url: returnUrl,
          },
        }
      : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: '' } }
  ) as Stripe.PaymentIntent.NextAction;
}
