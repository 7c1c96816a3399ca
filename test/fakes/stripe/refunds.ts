import type Stripe from 'stripe';
import { addBalanceTransaction } from './balance-transactions.ts';
import { invalidParam, invalidRequest, noSuch, notModelled } from './errors.ts';
import { emitEvent } from './events.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { formatAmount } from './money.ts';
import {
  allowOnly,
  mergeMetadata,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
} from './params.ts';
import { newId, unixNow, type Context, type Route } from './state.ts';

/**
 * Refunds of a succeeded charge, named by the charge or its PaymentIntent, in full (the default:
 * what is left) or in part. Each takes money back out of the balance with a negative balance
 * transaction; Stripe keeps the original processing fee, so the refund's fee is 0.
 * https://docs.stripe.com/api/refunds/create, https://docs.stripe.com/refunds#refund-fees
 */

function create(ctx: Context): Stripe.Refund {
  if (optionalBoolean(ctx.params, 'refund_application_fee')) throw notModelled('refund_application_fee=true');
  if (optionalBoolean(ctx.params, 'reverse_transfer')) throw notModelled('reverse_transfer=true');
  allowOnly(ctx.params, [
    'payment_intent',
    'charge',
    'amount',
    'reason',
    'metadata',
    'refund_application_fee',
    'reverse_transfer',
    'instructions_email',
  ]);
  const amountParam = optionalInteger(ctx.params, 'amount', 1);
  const reason = optionalEnum(ctx.params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer']);
  const charge = chargeToRefund(ctx);
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  const amount = amountParam ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge ` +
        `(${formatAmount(remaining, charge.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }

  const id = newId('re');
  const transaction = addBalanceTransaction(ctx.state, ctx.account, {
    amount: -amount,
    currency: charge.currency,
    type: 'refund',
    reportingCategory: 'refund',
    source: id,
    description: 'REFUND FOR CHARGE',
  });
  const refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: charge.id,
    created: unixNow(ctx.state),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: mergeMetadata({}, ctx.params),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  } as Stripe.Refund;
  ctx.state.refunds.add(ctx.account, refund);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emitEvent(ctx.state, ctx.account, 'refund.created', refund, ctx.request);
  emitEvent(ctx.state, ctx.account, 'charge.refunded', charge, ctx.request);
  return refund;
}

/** The charge named by `charge`, or the succeeded charge of `payment_intent`. */
function chargeToRefund(ctx: Context): Stripe.Charge {
  const chargeId = optionalString(ctx.params, 'charge');
  const intentId = optionalString(ctx.params, 'payment_intent');
  if (chargeId && intentId) {
    throw invalidParam(
      'You may only specify one of these parameters: charge, payment_intent.',
      'parameter_unknown',
      'charge',
    );
  }
  if (chargeId) {
    const charge = ctx.state.charges.get(chargeId, ctx.account);
    if (!charge) throw noSuch('charge', chargeId, 'charge', 400);
    if (charge.status !== 'succeeded') {
      throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
        param: 'charge',
      });
    }
    return charge;
  }
  if (!intentId) {
    throw invalidParam(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'parameter_missing',
      'charge',
    );
  }
  const intent = ctx.state.paymentIntents.get(intentId, ctx.account);
  if (!intent) throw noSuch('payment_intent', intentId, 'payment_intent', 400);
  const latest = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  const charge = latest ? ctx.state.charges.get(latest, ctx.account) : undefined;
  if (intent.status !== 'succeeded' || !charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
    });
  }
  return charge;
}

export const refundRoutes: Route[] = [
  { method: 'POST', path: '/v1/refunds', handle: create },
  {
    method: 'GET',
    path: '/v1/refunds/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      const refund = ctx.state.refunds.get(ctx.id, ctx.account);
      if (!refund) throw noSuch('refund', ctx.id, 'id');
      return refund;
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'charge', 'payment_intent']);
      const charge = optionalString(ctx.params, 'charge');
      const intent = optionalString(ctx.params, 'payment_intent');
      const matching = ctx.state.refunds
        .list(ctx.account)
        .filter((re) => (!charge || re.charge === charge) && (!intent || re.payment_intent === intent));
      return listPage(matching, ctx.params, '/v1/refunds', 'refund');
    },
  },
];
