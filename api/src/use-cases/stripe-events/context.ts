import type { PaymentRecord } from '../../adapters/db/repositories/payments.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type PaymentGateway,
} from '../../adapters/payments/payment-gateway.ts';
import { ServiceBusyError } from '../../domain/errors.ts';
import { settlePaymentIntent } from '../settle-payment.ts';

/** What a webhook's answer says: acted on, seen before, or nothing for us. */
export type StripeEventOutcome = 'handled' | 'duplicate' | 'ignored';

/** The logger's two levels the handlers use (pino's, structurally). */
export interface EventLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/** One event of one tenant: its scope, the connected account it happened on, and the time it arrived. */
export interface StripeEventContext {
  scope: TenantScope;
  gateway: PaymentGateway;
  account: string;
  now: Date;
  log: EventLog;
}

/** Stripe answers late for a few seconds: 503 makes Stripe deliver the event again later. */
export const RETRY_AFTER_SECONDS = 60;

/**
 * The payment of a PaymentIntent, or null (not ours, or not recorded yet). Read outside a
 * transaction, so its row lock ends with the statement; the handlers then lock the appointment,
 * as refunds do everywhere. A charge of a kept card is recorded before Stripe is asked
 * (charge-saved-card.ts) and learns its intent from Stripe's answer; when that answer was lost,
 * the intent's metadata names the row, and the intent is attached to it here.
 */
export async function paymentOf(
  context: StripeEventContext,
  paymentIntentId: string,
): Promise<PaymentRecord | null> {
  const { scope, gateway, account, now } = context;
  const payment = await scope.payments.lockByIntent(paymentIntentId);
  if (payment) return payment;
  const intent = await fromStripe(() => gateway.retrievePaymentIntent(account, paymentIntentId));
  if (!intent.paymentRowId || !intent.appointmentId) return null;
  await scope.payments.attachIntent(intent.paymentRowId, intent.id, now, intent.appointmentId);
  return scope.payments.lockByIntent(paymentIntentId);
}

/** A Stripe call from a handler: when Stripe does not answer, 503, and Stripe redelivers the event. */
export async function fromStripe<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    throw new ServiceBusyError('Stripe did not answer; deliver the event again.', RETRY_AFTER_SECONDS, error);
  }
}

/**
 * Settles a payment from the intent read back from Stripe (settle-payment.ts, the one write path),
 * unless it is settled. A refund or a dispute means the charge succeeded, so their handlers settle
 * first: whichever of the events arrives first, the payment is PAID before it is REFUNDED, and the
 * final state is the one of in-order delivery.
 */
export async function settleIfUnsettled(context: StripeEventContext, payment: PaymentRecord): Promise<void> {
  if (payment.status === 'SUCCEEDED') return;
  const { scope, gateway, account, now } = context;
  const intent = await fromStripe(() =>
    gateway.retrievePaymentIntent(account, payment.stripePaymentIntentId!),
  );
  if (intent.state !== 'succeeded') return;
  try {
    await settlePaymentIntent(scope, gateway, account, intent, now);
  } catch (error) {
    // A late payment (its hold had ended) already refunded or disputed in Stripe: the automatic
    // refund is refused, and the refund or dispute this handler records stands in for it.
    if (!(error instanceof PaymentGatewayRefusedError)) throw error;
    context.log.warn(
      { paymentIntentId: intent.id, code: error.code },
      'Stripe refused the refund of a late payment; recording what Stripe did instead',
    );
  }
}
