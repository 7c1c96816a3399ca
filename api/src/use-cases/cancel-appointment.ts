import {
  toAppointmentDto,
  type AppointmentWithIntake,
} from '../adapters/db/repositories/appointments.repository.ts';
import type { RefundablePayment, UnsentRefund } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope, TenantTransaction } from '../adapters/db/tenant-scope.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type PaymentGateway,
  type RefundView,
} from '../adapters/payments/payment-gateway.ts';
import { assertStatusChange, type Actor } from '../domain/appointments/status.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { termsOfCancelling } from './preview-cancellation.ts';
import { recordRefund } from './record-refund.ts';

/** Stripe's refusals that no retry can change. */
const FINAL_REFUSALS = new Set(['charge_already_refunded', 'charge_disputed', 'amount_too_large']);

/** The refund row's reason, by who cancelled; Stripe gets it too (metadata), the same on every retry. */
const REFUND_REASON = { client: 'cancelled_by_client', admin: 'cancelled_by_admin' } as const;

export interface CancelOutcome {
  appointment: AppointmentDto;
  /** Refunds Stripe did not take this time: they stay PENDING and the next cancel call retries them. */
  refundErrors: Error[];
}

/**
 * Cancels a booking and gives back by card what the cancellation returns, in two steps
 * (api/README.md, "Refunds: intent first, then Stripe, retried with the same key"):
 *
 * 1. One transaction with the appointment's row locked: the change is checked, the refund is
 *    computed, the booking is cancelled and each refund is recorded as an intent (a PENDING row,
 *    no Stripe id yet). A client gets what GET …/cancellation shows at this moment
 *    (termsOfCancelling); a business that cancels refunds everything paid.
 * 2. After the commit (Stripe is never called with the row locked), each intent is asked of Stripe
 *    with the key `refund-<refund row id>`, and what Stripe answers is recorded (record-refund.ts).
 *
 * If Stripe fails in step 2 the booking stays cancelled and the refund PENDING; the answer is the
 * cancelled booking, whose paymentStatus still says nothing was refunded. Cancelling it again then
 * retries the PENDING refunds with the same keys (200) instead of refusing (409): Stripe answers
 * a key it has seen with the refund it made, so a refund is never made twice, also when two
 * cancels run at once.
 */
export async function cancelAppointment(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  target: { id: string; tokenHash?: string },
  actor: Actor,
  now: Date,
  reason?: string,
): Promise<CancelOutcome> {
  const step1 = await scope.transaction(async (tx) => {
    const current = await tx.appointments.lockForChange(target.id, target.tokenHash);
    if (current.status === 'CANCELLED') {
      const unsent = await tx.payments.unsentRefunds(current.id);
      if (unsent.length > 0) return { appointment: current, refunds: unsent };
    }
    assertStatusChange(current, 'cancel', now, actor);
    // A payment's success marks the booking paid in the same transaction, under this lock
    // (settle-payment.ts): a booking never marked paid has nothing to give back, and is cancelled
    // without reading payments. A fee owed beyond what was paid is not collected here.
    const neverPaid =
      current.paymentStatus === 'NOT_REQUIRED' || current.paymentStatus === 'AWAITING_PAYMENT';
    const payments = neverPaid ? [] : await tx.payments.refundable(current.id);
    const refunds = payments.length > 0 ? await recordIntents(scope, tx, current, payments, actor, now) : [];
    const cancelled = await tx.appointmentWrites.setStatus(current.id, 'CANCELLED', actor, now, reason);
    return { appointment: { ...cancelled, intakeResponses: current.intakeResponses }, refunds };
  });
  if (step1.refunds.length === 0)
    return { appointment: toAppointmentDto(step1.appointment), refundErrors: [] };
  return sendRefunds(scope, gateway, step1.appointment, step1.refunds, now);
}

/**
 * Step 1's refunds: the amount by the policy for a client (the same computation as the preview),
 * everything paid for an admin, split over the succeeded payments newest first (a balance before
 * its deposit), each up to what is left of it. Returns the rows written, PENDING.
 */
async function recordIntents(
  scope: TenantScope,
  tx: TenantTransaction,
  appointment: AppointmentWithIntake,
  payments: readonly RefundablePayment[],
  actor: Actor,
  now: Date,
): Promise<UnsentRefund[]> {
  // The policy is read on the scope's connection: policies are not part of this unit of work.
  let owed =
    actor === 'client'
      ? (await termsOfCancelling(scope.cancellationPolicies, appointment, payments, now)).refundCents
      : payments.reduce((sum, p) => sum + p.payment.amountCents - p.refundedCents, 0);
  const intents: UnsentRefund[] = [];
  for (const { payment, refundedCents, pendingRefundCents } of payments) {
    const amountCents = Math.min(owed, payment.amountCents - refundedCents - pendingRefundCents);
    if (amountCents <= 0 || !payment.stripePaymentIntentId) continue;
    const refund = { amountCents, currency: payment.currency, reason: REFUND_REASON[actor] };
    const id = await tx.payments.createPendingRefund({ paymentId: payment.id, ...refund, now });
    intents.push({
      id,
      ...refund,
      payment: {
        id: payment.id,
        appointmentId: payment.appointmentId,
        stripePaymentIntentId: payment.stripePaymentIntentId,
      },
    });
    owed -= amountCents;
  }
  return intents;
}

/**
 * Step 2: asks Stripe for each refund with its row's key, then records what was refunded with
 * the appointment locked (record-refund.ts writes a refund seen before only once). A refund
 * Stripe did not take stays PENDING, its error returned for the log.
 */
async function sendRefunds(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  appointment: AppointmentWithIntake,
  refunds: readonly UnsentRefund[],
  now: Date,
): Promise<CancelOutcome> {
  const account = await scope.payments.connectedAccount();
  const refundErrors: Error[] = [];
  const made: Array<{ intent: UnsentRefund; refund: RefundView }> = [];
  for (const intent of refunds) {
    if (!gateway || !account) {
      refundErrors.push(new Error('Card payments are not set up: the refund waits for them.'));
      continue;
    }
    try {
      const refund = await gateway.refund(account, {
        paymentIntentId: intent.payment.stripePaymentIntentId,
        amountCents: intent.amountCents,
        idempotencyKey: `refund-${intent.id}`,
        reason: intent.reason,
        refundRowId: intent.id,
      });
      made.push({ intent, refund });
    } catch (error) {
      // Refused for good: the charge was refunded or disputed in the meantime (Stripe's dashboard, a
      // chargeback), so this intent can never be made: FAILED, not retried forever.
      if (error instanceof PaymentGatewayRefusedError && FINAL_REFUSALS.has(error.code ?? '')) {
        await scope.payments.markRefundFailed(intent.id);
        refundErrors.push(error);
        continue;
      }
      // Unavailable: a 500 or a timeout. Refused otherwise: also Stripe's 409 for a key still in use
      // by a concurrent cancel, which is not final; either way the intent stays for a retry.
      if (!(error instanceof PaymentGatewayUnavailableError || error instanceof PaymentGatewayRefusedError))
        throw error;
      refundErrors.push(error);
    }
  }
  if (made.length === 0) return { appointment: toAppointmentDto(appointment), refundErrors };
  const refunded = await scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(appointment.id);
    for (const { intent, refund } of made) {
      await recordRefund(tx, {
        payment: intent.payment,
        refund,
        refundId: intent.id,
        reason: intent.reason,
        actor: intent.reason === REFUND_REASON.admin ? 'admin' : 'client',
        now,
      });
    }
    return tx.appointments.record(appointment.id);
  });
  return { appointment: toAppointmentDto(refunded), refundErrors };
}
