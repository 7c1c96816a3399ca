import type { StripeWebhookEvent } from '../../adapters/payments/stripe-webhooks.ts';
import { paymentOf, type StripeEventContext, type StripeEventOutcome } from './context.ts';
import { notRecordedYet } from './payment-succeeded.ts';

/**
 * `payment_intent.payment_failed`: a PAYMENT_FAILED event in the appointment's history, with the
 * decline code; the booking stays held (the client may try another card until the hold ends).
 * Once per Stripe event: the event id is in the history row, checked with the appointment locked,
 * so even two deliveries of it at the same moment write one row.
 */
export async function paymentFailed(
  context: StripeEventContext,
  event: Extract<StripeWebhookEvent, { type: 'payment_intent.payment_failed' }>,
): Promise<StripeEventOutcome> {
  const payment = await paymentOf(context, event.paymentIntentId);
  if (!payment) return notRecordedYet(event);
  // A charge of the kept card recorded its own decline when Stripe answered (charge-saved-card.ts).
  if (payment.status === 'FAILED') return 'handled';
  await context.scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(payment.appointmentId);
    const history = await tx.appointments.history(payment.appointmentId);
    if (history.some((entry) => entry.type === 'PAYMENT_FAILED' && entry.data.stripeEventId === event.id))
      return;
    await tx.appointmentWrites.recordPaymentEvent(
      payment.appointmentId,
      'PAYMENT_FAILED',
      'system',
      context.now,
      {
        paymentIntentId: event.paymentIntentId,
        declineCode: event.declineCode,
        stripeEventId: event.id,
      },
    );
  });
  return 'handled';
}
