import type { AppointmentWithIntake } from '../adapters/db/repositories/appointments.repository.ts';
import type { PaymentRecord } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope, TenantTransaction } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { InvalidStateError, ServiceBusyError } from '../domain/errors.ts';
import { amountDue, kindOfDue } from '../domain/payments/amount-due.ts';
import { platformFeeCents } from '../domain/payments/platform-fee.ts';
import { settlePaymentIntent } from './settle-payment.ts';

/** A charge of the kept card, recorded and about to be (or being again) asked of Stripe. */
export interface SavedCardCharge {
  payment: PaymentRecord;
  customerId: string;
  paymentMethodId: string;
}

/** How a charge of the kept card ended: paid, declined (still due), or Stripe still working on it. */
export type SavedCardOutcome =
  { outcome: 'paid' } | { outcome: 'declined'; reason: string | null } | { outcome: 'pending' };

/**
 * Step 1 of charging the kept card (balance or no-show fee), in the caller's transaction with the
 * appointment locked: the payment row for what is due now (domain/payments/amount-due.ts), written
 * PROCESSING before Stripe is asked, with a PAYMENT_REQUESTED event. A charge an earlier call
 * recorded and Stripe never answered is returned instead, to be asked again with its own key:
 * Stripe answers a key it has seen with the charge it made, so a card is never charged twice.
 * Any other card payment under way (asked of the client, or a charge Stripe is still working on)
 * refuses with InvalidStateError: it may yet pay what is due.
 *
 * null when there is nothing to charge: nothing due, or no card kept.
 */
export async function recordSavedCardCharge(
  tx: TenantTransaction,
  appointment: AppointmentWithIntake,
  now: Date,
): Promise<SavedCardCharge | null> {
  const { stripeCustomerId: customerId, stripePaymentMethodId: paymentMethodId } = appointment;
  if (!customerId || !paymentMethodId) return null;
  const inFlight = await tx.payments.inFlight(appointment.id);
  if (inFlight?.status === 'PROCESSING' && !inFlight.stripePaymentIntentId)
    return { payment: inFlight, customerId, paymentMethodId };
  if (inFlight)
    throw new InvalidStateError('A card payment for this booking is under way; wait for it to finish.');
  const due = amountDue(appointment);
  if (due <= 0) return null;
  const payment = await tx.payments.recordOffSession({
    appointmentId: appointment.id,
    kind: kindOfDue(appointment.status),
    amountCents: due,
    currency: appointment.currency,
    now,
  });
  await tx.appointmentWrites.recordPaymentEvent(appointment.id, 'PAYMENT_REQUESTED', 'admin', now, {
    paymentId: payment.id,
    kind: payment.kind,
    amountCents: due,
    currency: appointment.currency,
    offSession: true,
  });
  return { payment, customerId, paymentMethodId };
}

/**
 * Steps 2 and 3, after the commit (Stripe is never called with the row locked): the kept card is
 * charged with the key `payment-<row id>`, then what Stripe answered is written. A success goes
 * through settle-payment.ts, the one place a card payment's success is written (ledger, PAID,
 * paidCents); a decline marks the row FAILED with a PAYMENT_FAILED event, and the amount stays
 * due. Stripe not answering throws ServiceBusyError: the row stays PROCESSING for the next call.
 */
export async function sendSavedCardCharge(
  scope: TenantScope,
  gateway: PaymentGateway,
  account: string,
  charge: SavedCardCharge,
  options: { platformFeePercent: number; now: Date },
): Promise<SavedCardOutcome> {
  const { payment, now } = { ...charge, now: options.now };
  let intent;
  try {
    intent = await gateway.chargeOffSession(account, {
      appointmentId: payment.appointmentId,
      tenantId: scope.tenantId,
      paymentId: payment.id,
      customerId: charge.customerId,
      paymentMethodId: charge.paymentMethodId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      applicationFeeCents: platformFeeCents(payment.amountCents, options.platformFeePercent),
      description: payment.kind === 'NO_SHOW_FEE' ? 'No-show fee' : 'Balance',
      idempotencyKey: `payment-${payment.id}`,
    });
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
  }
  await scope.payments.attachIntent(payment.id, intent.id, now);
  if (intent.state === 'succeeded' && intent.settlement) {
    await settlePaymentIntent(scope, gateway, account, intent, now);
    return { outcome: 'paid' };
  }
  if (intent.state !== 'requires_payment_method') return { outcome: 'pending' };
  await scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(payment.appointmentId);
    const before = await tx.payments.findByIntent(intent.id);
    if (before?.status === 'FAILED') return;
    await tx.payments.markFailed(payment.id, now);
    await tx.appointmentWrites.recordPaymentEvent(payment.appointmentId, 'PAYMENT_FAILED', 'system', now, {
      paymentIntentId: intent.id,
      paymentId: payment.id,
      declineCode: intent.lastError,
      offSession: true,
    });
  });
  return { outcome: 'declined', reason: intent.lastError };
}
