import type Stripe from 'stripe';
import { addBalanceTransaction, feeDetail, stripeFee } from './balance-transactions.ts';
import { noSuch } from './errors.ts';
import { emitEvent } from './events.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { allowOnly, optionalString } from './params.ts';
import { newId, unixNow, type Account, type FakeStripeState, type RequestInfo, type Route } from './state.ts';

/**
 * Charges: one per attempt to pay a PaymentIntent, succeeded or failed. A succeeded charge
 * credits the account's balance (amount minus Stripe's fee and any application fee) and, for a
 * direct charge on a connected account with `application_fee_amount`, credits the platform.
 */

/** The platform's Connect application, as `application` on its direct charges. */
export const PLATFORM_APPLICATION = 'ca_FakeStripePlatform0000000000';

export interface Failure {
  code: string;
  declineCode: string;
  message: string;
}

export function createCharge(
  state: FakeStripeState,
  account: Account,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  failure: Failure | null,
  request: RequestInfo,
): Stripe.Charge {
  const succeeded = failure === null;
  const charge = {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: account ? PLATFORM_APPLICATION : null,
    application_fee: null,
    application_fee_amount: succeeded ? intent.application_fee_amount : null,
    balance_transaction: null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: 'FAKE STRIPE',
    captured: succeeded,
    created: unixNow(state),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: succeeded ? APPROVED : declinedOutcome(failure),
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: { type: 'card', card: paymentMethod.card },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  } as Stripe.Charge;
  state.charges.add(account, charge);
  if (succeeded) credit(state, account, charge);
  emitEvent(state, account, succeeded ? 'charge.succeeded' : 'charge.failed', charge, request);
  return charge;
}

function credit(state: FakeStripeState, account: Account, charge: Stripe.Charge): void {
  const fees = [feeDetail('stripe_fee', stripeFee(charge.amount), charge.currency, 'Stripe processing fees')];
  if (account && charge.application_fee_amount) {
    const applicationFee = createApplicationFee(state, account, charge, charge.application_fee_amount);
    charge.application_fee = applicationFee.id;
    fees.push(
      feeDetail(
        'application_fee',
        applicationFee.amount,
        charge.currency,
        'Application fee',
        PLATFORM_APPLICATION,
      ),
    );
  }
  charge.balance_transaction = addBalanceTransaction(state, account, {
    amount: charge.amount,
    currency: charge.currency,
    type: 'charge',
    reportingCategory: 'charge',
    source: charge.id,
    description: charge.description,
    feeDetails: fees,
  }).id;
}

/** The platform's side of a direct charge: an `fee_…` object and a credit on its own balance. */
function createApplicationFee(
  state: FakeStripeState,
  account: string,
  charge: Stripe.Charge,
  amount: number,
): Stripe.ApplicationFee {
  const id = newId('fee');
  const transaction = addBalanceTransaction(state, null, {
    amount,
    currency: charge.currency,
    type: 'application_fee',
    reportingCategory: 'platform_earning',
    source: id,
    description: null,
  });
  const fee = {
    id,
    object: 'application_fee',
    account,
    amount,
    amount_refunded: 0,
    application: PLATFORM_APPLICATION,
    balance_transaction: transaction.id,
    charge: charge.id,
    created: unixNow(state),
    currency: charge.currency,
    fee_source: { charge: charge.id, type: 'charge' },
    livemode: false,
    originating_transaction: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/application_fees/${id}/refunds` },
  } as Stripe.ApplicationFee;
  return state.applicationFees.add(null, fee);
}

const APPROVED = {
  network_status: 'approved_by_network',
  reason: null,
  risk_level: 'normal',
  risk_score: 20,
  seller_message: 'Payment complete.',
  type: 'authorized',
} as Stripe.Charge.Outcome;

function declinedOutcome(failure: Failure | null): Stripe.Charge.Outcome {
  return {
    network_status: 'declined_by_network',
    reason: failure?.declineCode ?? null,
    risk_level: 'normal',
    risk_score: 20,
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  } as Stripe.Charge.Outcome;
}

export const chargeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/charges/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      const charge = ctx.state.charges.get(ctx.id, ctx.account);
      if (!charge) throw noSuch('charge', ctx.id, 'id');
      return charge;
    },
  },
  {
    method: 'GET',
    path: '/v1/charges',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'payment_intent', 'customer']);
      const intent = optionalString(ctx.params, 'payment_intent');
      const customer = optionalString(ctx.params, 'customer');
      const matching = ctx.state.charges
        .list(ctx.account)
        .filter((ch) => (!intent || ch.payment_intent === intent) && (!customer || ch.customer === customer));
      return listPage(matching, ctx.params, '/v1/charges', 'charge');
    },
  },
];
