import type { StripeWebhookEvent } from '../../adapters/payments/stripe-webhooks.ts';
import { recordRefund } from '../record-refund.ts';
import {
  fromStripe,
  paymentOf,
  settleIfUnsettled,
  type StripeEventContext,
  type StripeEventOutcome,
} from './context.ts';

/**
 * `charge.refunded`: every refund of the charge's intent, read from Stripe, recorded through
 * record-refund.ts with the appointment locked (a refund row, its REFUND ledger row and the
 * appointment's payment state, once each). Refunds made by our own cancel or late-payment paths
 * are found recorded and change nothing; refunds made in Stripe's dashboard are recorded here,
 * reason `refunded_in_stripe`.
 */
export async function chargeRefunded(
  context: StripeEventContext,
  event: Extract<StripeWebhookEvent, { type: 'charge.refunded' }>,
): Promise<StripeEventOutcome> {
  const { scope, gateway, account, now } = context;
  const payment = event.paymentIntentId && (await paymentOf(context, event.paymentIntentId));
  if (!payment) return 'ignored';
  await settleIfUnsettled(context, payment);
  const refunds = await fromStripe(() => gateway.listRefunds(account, event.paymentIntentId!));
  await scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(payment.appointmentId);
    // Stripe lists newest first; recorded oldest first, so a partial refund precedes the rest.
    for (const refund of [...refunds].reverse()) {
      await recordRefund(tx, { payment, refund, reason: 'refunded_in_stripe', actor: 'system', now });
    }
  });
  return 'handled';
}
