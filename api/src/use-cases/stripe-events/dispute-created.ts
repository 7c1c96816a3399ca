import type { StripeWebhookEvent } from '../../adapters/payments/stripe-webhooks.ts';
import {
  fromStripe,
  paymentOf,
  settleIfUnsettled,
  type StripeEventContext,
  type StripeEventOutcome,
} from './context.ts';

/**
 * `charge.dispute.created`: the dispute is read from Stripe, and the money its withdrawal took goes
 * into the ledger: a DISPUTE row (negative, keyed by the dispute `dp_`) and the dispute fee as a
 * STRIPE_FEE row (keyed by the withdrawal's balance transaction `txn_`). The ledger's unique index
 * keeps each once. A dispute without a withdrawal (an inquiry) moved no money: nothing to record.
 * Reinstated funds (a won dispute, `charge.dispute.funds_reinstated`) are not handled yet.
 */
export async function disputeCreated(
  context: StripeEventContext,
  event: Extract<StripeWebhookEvent, { type: 'charge.dispute.created' }>,
): Promise<StripeEventOutcome> {
  const { scope, gateway, account } = context;
  const dispute = await fromStripe(() => gateway.retrieveDispute(account, event.disputeId));
  const payment = dispute.paymentIntentId && (await paymentOf(context, dispute.paymentIntentId));
  if (!payment) return 'ignored';
  await settleIfUnsettled(context, payment);
  const withdrawal = dispute.balanceTransactions.find((transaction) => transaction.amountCents < 0);
  if (!withdrawal) return 'handled';
  const common = {
    appointmentId: payment.appointmentId,
    paymentId: payment.id,
    currency: dispute.currency,
    stripeBalanceTransactionId: withdrawal.id,
    occurredAt: withdrawal.occurredAt,
  };
  // One statement: both rows or neither.
  await scope.ledger.append([
    { ...common, kind: 'DISPUTE', amountCents: -dispute.amountCents, stripeObjectId: dispute.id },
    { ...common, kind: 'STRIPE_FEE', amountCents: -withdrawal.feeCents, stripeObjectId: withdrawal.id },
  ]);
  return 'handled';
}
