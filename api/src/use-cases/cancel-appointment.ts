import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { RefundablePayment } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { assertStatusChange, type Actor } from '../domain/appointments/status.ts';
import { assertRefundableByCard, refundableByCard, splitRefund } from '../domain/policies/card-refunds.ts';
import { termsOfCancelling } from './preview-cancellation.ts';
import {
  CANCEL_REFUND_REASON,
  recordRefundIntents,
  sendRefunds,
  type RefundOutcome,
} from './record-refund.ts';

/** Refunds Stripe did not take this time (refundErrors) stay PENDING; the next cancel call retries them. */
export type CancelOutcome = RefundOutcome;

/**
 * Cancels a booking and gives back by card what the cancellation returns, in two steps
 * (api/README.md, "Refunds: intent first, then Stripe, retried with the same key"):
 *
 * 1. One transaction with the appointment's row locked: the change is checked, the refund is
 *    computed, the booking is cancelled and each refund is recorded as an intent (a PENDING row,
 *    no Stripe id yet). A client gets what GET …/cancellation shows at this moment
 *    (termsOfCancelling); a business that cancels refunds everything paid by card, or the amount
 *    it chose (`refundCents`: 0 for none, at most what was paid by card and not refunded, else
 *    nothing changes).
 * 2. After the commit (Stripe is never called with the row locked), each intent is asked of Stripe
 *    with the key `refund-<refund row id>`, and what Stripe answers is recorded (sendRefunds and
 *    recordRefund in record-refund.ts, shared with the admin's refund).
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
  /** An admin's own amount instead of everything paid; retrying a PENDING refund ignores it. */
  refundCents?: number,
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
    if (refundCents !== undefined) assertRefundableByCard(payments, refundCents, 'refundCents');
    const parts =
      payments.length > 0
        ? splitRefund(payments, refundCents ?? (await owedOnCancel(scope, current, payments, actor, now)))
        : [];
    const refunds = await recordRefundIntents(tx, parts, CANCEL_REFUND_REASON[actor], now);
    const cancelled = await tx.appointmentWrites.setStatus(current.id, 'CANCELLED', actor, now, reason);
    return { appointment: { ...cancelled, intakeResponses: current.intakeResponses }, refunds };
  });
  if (step1.refunds.length === 0) {
    const appointment = toAppointmentDto(step1.appointment);
    return { appointment, refundErrors: [], pendingCents: 0, failedCents: 0 };
  }
  return sendRefunds(scope, gateway, step1.appointment, step1.refunds, now);
}

/**
 * What a cancel gives back by default: by the policy for a client (the same computation as the
 * preview), everything paid by card for an admin.
 */
async function owedOnCancel(
  scope: TenantScope,
  appointment: { serviceId: string; totalAmountCents: number; startTimeUtc: Date },
  payments: readonly RefundablePayment[],
  actor: Actor,
  now: Date,
): Promise<number> {
  if (actor === 'admin') return refundableByCard(payments);
  // The policy is read on the scope's connection: policies are not part of this unit of work.
  return (await termsOfCancelling(scope.cancellationPolicies, appointment, payments, now)).refundCents;
}
