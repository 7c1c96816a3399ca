import {
  toAppointmentDto,
  type AppointmentWithIntake,
} from '../adapters/db/repositories/appointments.repository.ts';
import type { PaymentRecord, UnsentRefund } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope, TenantTransaction } from '../adapters/db/tenant-scope.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type PaymentGateway,
  type RefundView,
} from '../adapters/payments/payment-gateway.ts';
import type { Actor } from '../domain/appointments/status.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { crashAfterRefundSentIfAsked } from '../http/fault-injection.ts';

const REFUND_STATUS = { succeeded: 'SUCCEEDED', failed: 'FAILED', canceled: 'FAILED' } as const;

/**
 * The one place a refund is written, in the caller's transaction with the appointment locked:
 * its row (one per Stripe refund), and once the money has moved (Stripe says succeeded) the
 * REFUND ledger row, the appointment's payment state (PARTIALLY_REFUNDED or REFUNDED) and its
 * REFUNDED event. Seen again (a retried cancel, a duplicated webhook) it writes nothing; a refund
 * that was pending and has now landed gets its ledger row and event then.
 */
export async function recordRefund(
  tx: TenantTransaction,
  input: {
    payment: { id: string; appointmentId: string };
    refund: RefundView;
    /** The refund's row when it was recorded as an intent before Stripe was asked (PENDING). */
    refundId?: string;
    reason: string;
    actor: Actor | 'system';
    now: Date;
  },
): Promise<void> {
  const { payment, refund, now } = input;
  const status = REFUND_STATUS[refund.state as keyof typeof REFUND_STATUS] ?? 'PENDING';
  const stored = await tx.payments.upsertRefund({
    paymentId: payment.id,
    amountCents: refund.amountCents,
    currency: refund.currency,
    status,
    reason: input.reason,
    stripeRefundId: refund.id,
    // The row written before Stripe was asked (a cancel): named by the caller or by the refund itself.
    ...((input.refundId ?? refund.refundRowId) ? { refundId: (input.refundId ?? refund.refundRowId)! } : {}),
    now,
  });
  if (status !== 'SUCCEEDED' || stored.previousStatus === 'SUCCEEDED') return;
  await tx.ledger.append([
    {
      appointmentId: payment.appointmentId,
      paymentId: payment.id,
      refundId: stored.id,
      kind: 'REFUND',
      amountCents: -refund.amountCents,
      currency: refund.currency,
      stripeObjectId: refund.id,
      stripeBalanceTransactionId: refund.balanceTransactionId,
      occurredAt: now,
    },
  ]);
  const { paidCents, refundedCents } = await tx.payments.totals(payment.appointmentId);
  await tx.appointmentWrites.markRefunded(
    payment.appointmentId,
    refundedCents >= paidCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
    input.actor,
    now,
    { refundId: refund.id, amountCents: refund.amountCents, currency: refund.currency, reason: input.reason },
  );
}

// Every refund we make takes two steps (api/README.md, "Refunds: intent first, then Stripe,
// retried with the same key"): recordRefundIntents in the caller's transaction with the
// appointment locked, then sendRefunds after the commit. Cancelling (cancel-appointment.ts) and
// the admin's refund (refund-appointment.ts) share them.

/** The reasons of refunds a cancel makes; any other reason is an admin's own refund. */
export const CANCEL_REFUND_REASON = { client: 'cancelled_by_client', admin: 'cancelled_by_admin' } as const;

/** Stripe's refusals that no retry can change. */
const FINAL_REFUSALS = new Set(['charge_already_refunded', 'charge_disputed', 'amount_too_large']);

export interface RefundOutcome {
  appointment: AppointmentDto;
  /** Refunds Stripe did not take this time, for the log (PENDING ones are retried by the next call). */
  refundErrors: Error[];
  /** What is still waiting for Stripe (PENDING, to retry) and what it refused for good (FAILED). */
  pendingCents: number;
  failedCents: number;
}

/**
 * Step 1: each part of a refund recorded as an intent (a PENDING row, no Stripe id yet), in the
 * caller's transaction with the appointment locked. The row's id becomes Stripe's key.
 */
export async function recordRefundIntents(
  tx: TenantTransaction,
  parts: ReadonlyArray<{ source: { payment: PaymentRecord }; amountCents: number }>,
  reason: string,
  now: Date,
): Promise<UnsentRefund[]> {
  const intents: UnsentRefund[] = [];
  for (const { source, amountCents } of parts) {
    const { payment } = source;
    const refund = { amountCents, currency: payment.currency, reason };
    const id = await tx.payments.createPendingRefund({ paymentId: payment.id, ...refund, now });
    intents.push({
      id,
      ...refund,
      payment: {
        id: payment.id,
        appointmentId: payment.appointmentId,
        stripePaymentIntentId: payment.stripePaymentIntentId!, // card payments only (splitRefund)
      },
    });
  }
  return intents;
}

/**
 * Step 2: asks Stripe for each refund with its row's key, then records what was refunded with
 * the appointment locked (recordRefund writes a refund seen before only once). A refund Stripe
 * did not take stays PENDING for the next call, its error returned; one it refused for good is
 * FAILED.
 */
export async function sendRefunds(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  appointment: AppointmentWithIntake,
  refunds: readonly UnsentRefund[],
  now: Date,
): Promise<RefundOutcome> {
  const account = await scope.payments.connectedAccount();
  const outcome = { refundErrors: [] as Error[], pendingCents: 0, failedCents: 0 };
  const made: Array<{ intent: UnsentRefund; refund: RefundView }> = [];
  for (const intent of refunds) {
    if (!gateway || !account) {
      outcome.refundErrors.push(new Error('Card payments are not set up: the refund waits for them.'));
      outcome.pendingCents += intent.amountCents;
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
      crashAfterRefundSentIfAsked();
    } catch (error) {
      // Refused for good: the charge was refunded or disputed in the meantime (Stripe's dashboard, a
      // chargeback), so this intent can never be made: FAILED, not retried forever.
      if (error instanceof PaymentGatewayRefusedError && FINAL_REFUSALS.has(error.code ?? '')) {
        await scope.payments.markRefundFailed(intent.id);
        outcome.refundErrors.push(error);
        outcome.failedCents += intent.amountCents;
        continue;
      }
      // Unavailable: a 500 or a timeout. Refused otherwise: also Stripe's 409 for a key still in use
      // by a concurrent request, which is not final; either way the intent stays for a retry.
      if (!(error instanceof PaymentGatewayUnavailableError || error instanceof PaymentGatewayRefusedError))
        throw error;
      outcome.refundErrors.push(error);
      outcome.pendingCents += intent.amountCents;
    }
  }
  if (made.length === 0) return { appointment: toAppointmentDto(appointment), ...outcome };
  const refunded = await scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(appointment.id);
    for (const { intent, refund } of made) {
      await recordRefund(tx, {
        payment: intent.payment,
        refund,
        refundId: intent.id,
        reason: intent.reason,
        // Only a client's own cancel is the client's; every other refund is the business's.
        actor: intent.reason === CANCEL_REFUND_REASON.client ? 'client' : 'admin',
        now,
      });
    }
    return tx.appointments.record(appointment.id);
  });
  return { appointment: toAppointmentDto(refunded), ...outcome };
}
