import { sqlState } from '../adapters/db/database-errors.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import {
  markStripeEventHandled,
  stripeEventHandled,
  tenantIdForStripeAccount,
} from '../adapters/db/repositories/stripe-accounts.repository.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import type { PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import type { StripeWebhookEvent } from '../adapters/payments/stripe-webhooks.ts';
import { chargeRefunded } from './stripe-events/charge-refunded.ts';
import type { EventLog, StripeEventContext, StripeEventOutcome } from './stripe-events/context.ts';
import { disputeCreated } from './stripe-events/dispute-created.ts';
import { paymentFailed } from './stripe-events/payment-failed.ts';
import { paymentSucceeded } from './stripe-events/payment-succeeded.ts';
import { setupSucceeded } from './stripe-events/setup-succeeded.ts';

export type { StripeEventOutcome };

/**
 * A verified Stripe event (stripe-webhooks.ts), handled once. Stripe delivers events at least
 * once, late and in any order (https://docs.stripe.com/webhooks#handle-duplicate-events), so:
 *
 * - Every handler is idempotent by construction: it re-reads the object from Stripe and writes
 *   through paths that record each Stripe object once (settle-payment, record-refund, the ledger's
 *   unique index, the event id in a PAYMENT_FAILED row). The id goes into `stripe_events` only
 *   after its handler succeeded; an id found there is answered `duplicate` at once, without
 *   asking Stripe. Marking first would lose an event whose handler then failed; marking in the
 *   handler's own transaction is not possible where a handler calls Stripe between two
 *   transactions (a late payment's refund), and is not needed: a duplicate arriving while the
 *   first delivery runs is handled twice, harmlessly.
 * - A handler that cannot finish now (Stripe does not answer, our payment row is not committed
 *   yet) throws ServiceBusyError: 503, nothing is marked, and Stripe delivers the event again
 *   later (it retries for days). Anything that is not ours is acknowledged (200), so Stripe stops.
 *
 * The tenant is the one that connected the event's account; an account no tenant has (any more)
 * is acknowledged and logged.
 */
export async function handleStripeEvent(
  db: Db,
  gateway: PaymentGateway,
  event: StripeWebhookEvent,
  options: { now: Date; log: EventLog },
): Promise<StripeEventOutcome> {
  if (await stripeEventHandled(db, event.id)) return 'duplicate';
  const outcome = await retriedOnDeadlock(() => dispatch(db, gateway, event, options));
  await markStripeEventHandled(db, event, options.now);
  return outcome;
}

async function dispatch(
  db: Db,
  gateway: PaymentGateway,
  event: StripeWebhookEvent,
  { now, log }: { now: Date; log: EventLog },
): Promise<StripeEventOutcome> {
  // Our charges are direct charges on connected accounts; the platform's own events are not ours.
  if (event.type === 'unhandled' || !event.account) return 'ignored';
  const tenantId = await tenantIdForStripeAccount(db, event.account);
  if (!tenantId) {
    log.warn(
      { eventId: event.id, type: event.stripeType, account: event.account },
      'Stripe event for an account no tenant has connected; acknowledged',
    );
    return 'ignored';
  }
  const context: StripeEventContext = {
    scope: forTenant(db, tenantId),
    gateway,
    account: event.account,
    now,
    log,
  };
  switch (event.type) {
    case 'payment_intent.succeeded':
      return paymentSucceeded(context, event);
    case 'payment_intent.payment_failed':
      return paymentFailed(context, event);
    case 'charge.refunded':
      return chargeRefunded(context, event);
    case 'charge.dispute.created':
      return disputeCreated(context, event);
    case 'setup_intent.succeeded':
      return setupSucceeded(context, event);
  }
}

/**
 * Every money path locks the appointment before its payment, so deliveries that run alongside
 * queue rather than deadlock; should PostgreSQL still abort one (40P01), the handlers are
 * idempotent, so the aborted one simply runs again.
 */
async function retriedOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || sqlState(error) !== '40P01') throw error;
    }
  }
}
