import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { NewLedgerEntry } from '../adapters/db/repositories/ledger.repository.ts';
import type { PaymentRecord } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type ChargeSettlement,
  type PaymentGateway,
  type PaymentIntentView,
  type RefundView,
} from '../adapters/payments/payment-gateway.ts';
import { NotFoundError, ServiceBusyError } from '../domain/errors.ts';
import { paymentStatusAfterPaying, paymentWanted } from '../domain/payments/amount-due.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { issueInvoiceOnFirstMoney } from './issue-invoice.ts';
import { recordRefund } from './record-refund.ts';

/**
 * The one place a card payment's success is written (confirm-payment and the Stripe webhook both
 * end here): in one transaction, with the payment's row locked, the payment is marked succeeded,
 * the money goes into the ledger (the charge, Stripe's fee, the platform's fee), a held
 * booking is confirmed with a PAID event, and a card the intent was asked to keep is kept on the
 * booking (for a balance or a no-show fee), and the booking's first money issues its invoice
 * (issue-invoice.ts). A second call for the same intent (a duplicated
 * webhook, a confirmation racing the webhook) finds the payment succeeded and changes nothing.
 *
 * A payment that succeeds when the booking no longer wants it (domain/payments/amount-due.ts,
 * paymentWanted: its hold was released and its time may belong to someone else now; it was
 * cancelled while a balance was being charged) is kept in the ledger, as it happened, and refunded
 * in full at once (refundLatePayment), never booked.
 */
export async function settlePaymentIntent(
  scope: TenantScope,
  gateway: PaymentGateway,
  account: string,
  intent: PaymentIntentView,
  now: Date,
): Promise<AppointmentDto> {
  const settlement = intent.state === 'succeeded' ? intent.settlement : null;
  const outcome = await scope.transaction(async (tx) => {
    // Locks in one order everywhere: the appointment, then its payment (record-refund.ts and the
    // cancel take the appointment first too), so two settlements cannot deadlock.
    const found = await tx.payments.findByIntent(intent.id);
    if (!found) throw new NotFoundError('Payment', intent.id);
    const appointment = await tx.appointments.lockForChange(found.appointmentId);
    const payment = (await tx.payments.lockByIntent(intent.id))!;
    const live = paymentWanted(payment.kind, appointment.status);
    if (!settlement) return { appointment: toAppointmentDto(appointment), lateRefund: null };
    if (payment.status === 'SUCCEEDED') {
      // Settled before; a late payment (it never paid the booking: AWAITING_PAYMENT) whose refund
      // failed last time is refunded now. A booking paid while live and cancelled since is not.
      // A late payment never paid the booking (no PAID event of its own); refundLatePayment asks
      // Stripe what is left to give back, so it is safe to run again.
      const late = !live && !(await tx.appointments.wasPaidBy(appointment.id, intent.id));
      return { appointment: toAppointmentDto(appointment), lateRefund: late ? payment : null };
    }
    await tx.payments.markSucceeded(payment.id, now);
    await tx.ledger.append(paymentEntries(payment, settlement));
    if (live) {
      if (intent.savesCard && intent.customerId && intent.paymentMethodId) {
        await tx.appointmentWrites.saveCard(
          appointment.id,
          { customerId: intent.customerId, paymentMethodId: intent.paymentMethodId },
          now,
        );
      }
      const paid = await tx.appointmentWrites.markPaid(
        appointment.id,
        paymentStatusAfterPaying(appointment, payment.amountCents),
        now,
        {
          paymentIntentId: intent.id,
          amountCents: payment.amountCents,
          currency: payment.currency,
        },
      );
      await issueInvoiceOnFirstMoney(tx, appointment.id, payment.kind, now);
      return {
        appointment: toAppointmentDto({ ...paid, intakeResponses: appointment.intakeResponses }),
        lateRefund: null,
      };
    }
    await tx.appointmentWrites.countUnwantedPayment(appointment.id, payment.amountCents, now);
    return { appointment: toAppointmentDto(appointment), lateRefund: payment };
  });
  if (outcome.lateRefund) await refundLatePayment(scope, gateway, account, outcome.lateRefund, now);
  return outcome.appointment;
}

/** The reason of a late payment's refund, on our row and in the refund's Stripe metadata. */
const LATE_REFUND_REASON = 'hold_ended_before_payment';

const LEDGER_KIND_OF_CARD_PAYMENT = {
  DEPOSIT: 'DEPOSIT',
  FULL: 'CHARGE',
  BALANCE: 'BALANCE_CARD',
  NO_SHOW_FEE: 'NO_SHOW_FEE',
} as const;

/** The ledger rows of a succeeded charge: the money in, Stripe's fee and the platform's, signed. */
function paymentEntries(payment: PaymentRecord, settlement: ChargeSettlement): NewLedgerEntry[] {
  const common = {
    appointmentId: payment.appointmentId,
    paymentId: payment.id,
    currency: payment.currency,
    stripeBalanceTransactionId: settlement.balanceTransactionId,
    occurredAt: settlement.occurredAt,
  };
  return [
    {
      ...common,
      kind: LEDGER_KIND_OF_CARD_PAYMENT[payment.kind],
      amountCents: payment.amountCents,
      stripeObjectId: settlement.chargeId,
    },
    {
      ...common,
      kind: 'STRIPE_FEE',
      amountCents: -settlement.stripeFeeCents,
      stripeObjectId: settlement.balanceTransactionId,
    },
    {
      ...common,
      kind: 'PLATFORM_FEE',
      amountCents: -settlement.platformFeeCents,
      stripeObjectId: settlement.balanceTransactionId,
    },
  ];
}

/**
 * Gives back what is left of a payment that arrived for a booking that no longer holds its time.
 * Stripe's own list of the intent's refunds says what is left (a refund in Stripe's dashboard, or
 * an earlier run of this, may have given back some or all of it); that state is part of the
 * refund's idempotency key, so runs that see the same state (a webhook and a confirmation at once,
 * a retry after a timeout) make one refund, and a later run after a partial refund makes one for
 * the rest. Every refund found is recorded (record-refund.ts writes each once). Stripe refusing
 * (a disputed charge: the money left through the dispute) ends it: nothing more can be refunded.
 */
async function refundLatePayment(
  scope: TenantScope,
  gateway: PaymentGateway,
  account: string,
  payment: PaymentRecord,
  now: Date,
): Promise<void> {
  const intentId = payment.stripePaymentIntentId!;
  const refunds: Array<{ refund: RefundView; reason: string }> = [];
  try {
    const existing = await gateway.listRefunds(account, intentId);
    // Stripe lists newest first; recorded oldest first.
    // Ours (an earlier run of this, maybe alongside this one) carry their reason; others were made
    // in Stripe's dashboard.
    refunds.push(
      ...[...existing].reverse().map((refund) => ({ refund, reason: refund.reason ?? 'refunded_in_stripe' })),
    );
    const given = existing
      .filter((refund) => refund.state === 'succeeded' || refund.state === 'pending')
      .reduce((sum, refund) => sum + refund.amountCents, 0);
    const left = payment.amountCents - given;
    if (left > 0) {
      const refund = await gateway.refund(account, {
        paymentIntentId: intentId,
        amountCents: left,
        idempotencyKey: `payment-${payment.id}-late-refund-${existing.length}`,
        reason: LATE_REFUND_REASON,
      });
      refunds.push({ refund, reason: LATE_REFUND_REASON });
    }
  } catch (error) {
    if (error instanceof PaymentGatewayRefusedError) {
      // Disputed, or already refunded in full: nothing left for us to give back.
    } else if (error instanceof PaymentGatewayUnavailableError) {
      // The payment is settled; the next confirmation or webhook for it refunds what is left.
      throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
    } else throw error;
  }
  if (refunds.length === 0) return;
  await scope.transaction(async (tx) => {
    await tx.appointments.lockForChange(payment.appointmentId);
    for (const { refund, reason } of refunds) {
      await recordRefund(tx, { payment, refund, reason, actor: 'system', now });
    }
  });
}
