import Stripe from 'stripe';
import { InvalidSignatureError } from '../../domain/errors.ts';

/**
 * A verified Stripe event in our terms: its id, the connected account it happened on, and the ids
 * the handlers act on. Nothing else of the event's object is passed on: events are snapshots that
 * arrive late and out of order, so handlers re-read what they need from Stripe.
 */
export type StripeWebhookEvent = {
  id: string;
  /** Stripe's event type, as sent. */
  stripeType: string;
  /** The connected account (Connect webhooks); null for an event of the platform's own account. */
  account: string | null;
} & (
  | { type: 'payment_intent.succeeded'; paymentIntentId: string; appointmentId: string | null }
  | {
      type: 'payment_intent.payment_failed';
      paymentIntentId: string;
      appointmentId: string | null;
      /** The decline code, else the failure's code, as Stripe gave it when the attempt failed. */
      declineCode: string | null;
    }
  | { type: 'charge.refunded'; chargeId: string; paymentIntentId: string | null }
  | { type: 'charge.dispute.created'; disputeId: string; paymentIntentId: string | null }
  | { type: 'setup_intent.succeeded'; setupIntentId: string }
  | { type: 'unhandled' }
);

/**
 * Verifies a webhook's `Stripe-Signature` over the exact bytes received (HMAC-SHA256 under the
 * endpoint's secret, at most five minutes old: Stripe's default tolerance, against the real
 * clock, since Stripe signs with it) and reads the event. Throws InvalidSignatureError when the
 * header is missing, the body was altered or the secret is another endpoint's.
 * https://docs.stripe.com/webhooks#verify-events
 */
export function verifyStripeEvent(
  rawBody: Buffer,
  signature: string | string[] | undefined,
  secret: string,
): StripeWebhookEvent {
  if (typeof signature !== 'string' || signature === '') {
    throw new InvalidSignatureError('A Stripe webhook needs its Stripe-Signature header.');
  }
  let event: Stripe.Event;
  try {
    // The static helper: verifying needs the secret only, not an API client.
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new InvalidSignatureError(
      'The Stripe-Signature does not match this body and secret, or is too old.',
    );
  }
  return webhookEvent(event);
}

function webhookEvent(event: Stripe.Event): StripeWebhookEvent {
  const common = { id: event.id, stripeType: event.type, account: event.account ?? null };
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return { ...common, type: event.type, paymentIntentId: intent.id, appointmentId: ours(intent) };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const failure = intent.last_payment_error;
      return {
        ...common,
        type: event.type,
        paymentIntentId: intent.id,
        appointmentId: ours(intent),
        declineCode: failure?.decline_code ?? failure?.code ?? null,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        ...common,
        type: event.type,
        chargeId: charge.id,
        paymentIntentId: idOf(charge.payment_intent),
      };
    }
    case 'refund.updated': {
      // A refund that was pending lands (or fails): handled like charge.refunded, which re-reads
      // every refund of the intent from Stripe.
      const refund = event.data.object;
      return {
        ...common,
        type: 'charge.refunded',
        chargeId: idOf(refund.charge) ?? '',
        paymentIntentId: idOf(refund.payment_intent),
      };
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      return {
        ...common,
        type: event.type,
        disputeId: dispute.id,
        paymentIntentId: idOf(dispute.payment_intent),
      };
    }
    case 'setup_intent.succeeded':
      return { ...common, type: event.type, setupIntentId: event.data.object.id };
    default:
      return { ...common, type: 'unhandled' };
  }
}

/** Our appointment, from the metadata we set when creating the intent (null: not our intent). */
function ours(intent: Stripe.PaymentIntent): string | null {
  return intent.metadata?.appointmentId ?? null;
}

function idOf(field: string | { id: string } | null | undefined): string | null {
  return typeof field === 'string' ? field : (field?.id ?? null);
}
