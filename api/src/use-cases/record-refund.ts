import type { TenantTransaction } from '../adapters/db/tenant-scope.ts';
import type { RefundView } from '../adapters/payments/payment-gateway.ts';
import type { Actor } from '../domain/appointments/status.ts';

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
