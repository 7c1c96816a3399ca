import type Stripe from 'stripe';
import { addBalanceTransaction, DISPUTE_FEE, feeDetail } from './balance-transactions.ts';
import { noSuch } from './errors.ts';
import { emitEvent, NO_REQUEST } from './events.ts';
import { allowOnly } from './params.ts';
import { newId, unixNow, type FakeStripeState, type Route } from './state.ts';

/**
 * Disputes (chargebacks), opened by the card holder's bank, so only through the control API.
 * Stripe takes the disputed amount and its dispute fee from the balance at once.
 * https://docs.stripe.com/disputes/how-disputes-work
 */
export function openDispute(
  state: FakeStripeState,
  chargeId: string,
  amount?: number,
  reason = 'fraudulent',
): Stripe.Dispute {
  const found = state.charges.find(chargeId);
  if (!found) throw new Error(`fake Stripe: no charge ${chargeId}`);
  const { account, object: charge } = found;
  if (charge.status !== 'succeeded') throw new Error(`fake Stripe: charge ${chargeId} did not succeed`);
  const disputed = amount ?? charge.amount - charge.amount_refunded;
  const id = newId('dp');
  const transaction = addBalanceTransaction(state, account, {
    amount: -disputed,
    currency: charge.currency,
    type: 'adjustment',
    reportingCategory: 'dispute',
    source: id,
    description: `Chargeback withdrawal for ${charge.id}`,
    feeDetails: [feeDetail('stripe_fee', DISPUTE_FEE, charge.currency, 'Dispute fee')],
  });
  const dispute = {
    id,
    object: 'dispute',
    amount: disputed,
    balance_transactions: [structuredClone(transaction)],
    charge: charge.id,
    created: unixNow(state),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: {},
    evidence_details: {
      due_by: unixNow(state) + 7 * 86_400,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason,
    status: 'needs_response',
  } as unknown as Stripe.Dispute;
  state.disputes.add(account, dispute);
  charge.disputed = true;
  emitEvent(state, account, 'charge.dispute.created', dispute, NO_REQUEST);
  return dispute;
}

export const disputeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/disputes/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      const dispute = ctx.state.disputes.get(ctx.id, ctx.account);
      if (!dispute) throw noSuch('dispute', ctx.id, 'dispute');
      return dispute;
    },
  },
];
