import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { assertRefundableByCard, splitRefund } from '../domain/policies/card-refunds.ts';
import { InvalidStateError, PaymentsNotConfiguredError, ServiceBusyError } from '../domain/errors.ts';
import type { AdminRefundBody, AppointmentDto } from '../schemas/appointment.schemas.ts';
import { recordRefundIntents, sendRefunds } from './record-refund.ts';

/** Seconds a client should wait before asking again for a refund Stripe did not take. */
const RETRY_AFTER_SECONDS = 5;

/**
 * An admin gives money back by card, for any booking in any state (a goodwill gesture, a service
 * that went wrong), in the two steps every refund takes (record-refund.ts): in one transaction
 * with the appointment locked, the amount is checked against what was paid by card and not
 * refunded (refunds on their way count, so refunds at once queue on the lock and never add up to
 * more than was paid) and recorded as intents, split over the card payments newest first; then
 * Stripe is asked with each intent's key and the refund recorded (ledger, REFUNDED event).
 *
 * A refund Stripe did not take (a 500, a timeout) stays PENDING and the answer is 503: the same
 * request again (the SDK retries a 503 with the same Idempotency-Key) finds it and retries it with
 * its key instead of recording another, so it is made once. While a refund of the booking waits
 * like that, only that retry is taken: another amount is refused (409), as it cannot be told from
 * a second click.
 */
export async function refundAppointment(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  id: string,
  request: AdminRefundBody,
  now: Date,
): Promise<AppointmentDto> {
  const step1 = await scope.transaction(async (tx) => {
    const current = await tx.appointments.lockForChange(id);
    // Before anything is recorded: an intent nobody can send would only block later refunds.
    if (!gateway) throw new PaymentsNotConfiguredError();
    if (!(await tx.payments.connectedAccount()))
      throw new InvalidStateError(
        'This tenant has no Stripe account connected: nothing can be refunded by card.',
      );
    const unsent = await tx.payments.unsentRefunds(current.id);
    if (unsent.length > 0) {
      const waiting = unsent.reduce((sum, refund) => sum + refund.amountCents, 0);
      if (request.amountCents !== waiting)
        throw new InvalidStateError(
          `A refund of ${waiting} (minor units) of this booking is waiting for the card processor: ` +
            'send the same amount to retry it, then refund more.',
          [{ path: 'amountCents', message: `must be ${waiting} to retry the refund that waits` }],
        );
      return { appointment: current, refunds: unsent };
    }
    const payments = await tx.payments.refundable(current.id);
    assertRefundableByCard(payments, request.amountCents, 'amountCents');
    const parts = splitRefund(payments, request.amountCents);
    return { appointment: current, refunds: await recordRefundIntents(tx, parts, request.reason, now) };
  });

  const outcome = await sendRefunds(scope, gateway, step1.appointment, step1.refunds, now);
  if (outcome.pendingCents > 0)
    throw new ServiceBusyError(
      `The card processor did not take the refund: ${outcome.pendingCents} (minor units) is recorded ` +
        'and waits. Send the same request again to retry it; it will not be refunded twice.',
      RETRY_AFTER_SECONDS,
      outcome.refundErrors[0],
    );
  if (outcome.failedCents > 0)
    throw new InvalidStateError(
      `The card processor refused to refund ${outcome.failedCents} (minor units): the payment was ` +
        'refunded or disputed outside this app in the meantime. Nothing more was refunded for it.',
    );
  return outcome.appointment;
}
