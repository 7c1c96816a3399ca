import { ServiceBusyError } from '../../domain/errors.ts';
import type { StripeWebhookEvent } from '../../adapters/payments/stripe-webhooks.ts';
import { settlePaymentIntent } from '../settle-payment.ts';
import {
  fromStripe,
  paymentOf,
  RETRY_AFTER_SECONDS,
  type StripeEventContext,
  type StripeEventOutcome,
} from './context.ts';

type PaymentIntentEvent = Extract<
  StripeWebhookEvent,
  { paymentIntentId: string; appointmentId: string | null }
>;

/**
 * `payment_intent.succeeded`: the intent is read back from Stripe (the event is a snapshot that
 * may be stale) and settled through settle-payment.ts, like confirm-payment: the booking is
 * CONFIRMED with DEPOSIT_PAID or PAID and the money is in the ledger, once however often it runs;
 * a payment for a hold that has ended is refunded there.
 */
export async function paymentSucceeded(
  context: StripeEventContext,
  event: Extract<StripeWebhookEvent, { type: 'payment_intent.succeeded' }>,
): Promise<StripeEventOutcome> {
  const { scope, gateway, account, now } = context;
  if (!(await paymentOf(context, event.paymentIntentId))) return notRecordedYet(event);
  const intent = await fromStripe(() => gateway.retrievePaymentIntent(account, event.paymentIntentId));
  if (intent.state !== 'succeeded') return 'ignored';
  if (!intent.settlement) {
    // The charge's balance transaction is not booked yet: settling needs its fees.
    throw new ServiceBusyError('The charge is not booked in Stripe yet.', RETRY_AFTER_SECONDS);
  }
  await settlePaymentIntent(scope, gateway, account, intent, now);
  return 'handled';
}

/**
 * An intent with no payment row. Ours (it carries our appointment's id) only while the booking
 * that asked for it has not recorded it yet (request-payment.ts records the intent in its own
 * transaction after Stripe answers, and a booking answered 503 records it on its retry): 503, so
 * Stripe delivers the event again later (it retries for days). Without our metadata it is another
 * sale on the tenant's own Stripe account: nothing for us, acknowledged.
 */
export function notRecordedYet(event: PaymentIntentEvent): StripeEventOutcome {
  if (!event.appointmentId) return 'ignored';
  throw new ServiceBusyError(
    'This payment is not recorded yet; deliver the event again.',
    RETRY_AFTER_SECONDS,
  );
}
