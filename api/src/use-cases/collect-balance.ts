import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { InvalidStateError } from '../domain/errors.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/**
 * The staff took what was still due at the venue (cash, a card terminal): a BALANCE payment
 * without a Stripe object, its BALANCE_VENUE ledger row, and the booking PAID (a held booking is
 * confirmed by it), in one transaction with the appointment locked, so two clicks at once
 * collect once. Nothing pretends a card was charged: no Stripe call is made.
 */
export async function collectBalanceAtVenue(
  scope: TenantScope,
  id: string,
  now: Date,
): Promise<AppointmentDto> {
  return scope.transaction(async (tx) => {
    const appointment = await tx.appointments.lockForChange(id);
    if (
      appointment.status !== 'PENDING' &&
      appointment.status !== 'CONFIRMED' &&
      appointment.status !== 'COMPLETED'
    )
      throw new InvalidStateError(`A ${appointment.status.toLowerCase()} booking has no balance to collect.`);
    // A card payment asked of the client and not settled yet could still arrive: collecting now
    // would take the money twice.
    const card = await tx.payments.awaiting(appointment.id);
    if (card && card.status === 'REQUIRES_PAYMENT')
      throw new InvalidStateError(
        'A card payment was asked for this booking; wait for it or let its hold lapse.',
      );
    const { paidCents, refundedCents } = await tx.payments.totals(appointment.id);
    if (refundedCents > 0)
      throw new InvalidStateError('This booking was refunded; collect nothing more on it.');
    const dueCents = appointment.totalAmountCents - paidCents;
    if (dueCents <= 0) throw new InvalidStateError('Nothing is due on this booking.');
    const payment = await tx.payments.recordAtVenue({
      appointmentId: appointment.id,
      amountCents: dueCents,
      currency: appointment.currency,
      now,
    });
    await tx.ledger.append([
      {
        appointmentId: appointment.id,
        paymentId: payment.id,
        kind: 'BALANCE_VENUE',
        amountCents: dueCents,
        currency: appointment.currency,
        stripeObjectId: null,
        stripeBalanceTransactionId: null,
        occurredAt: now,
      },
    ]);
    const paid = await tx.appointmentWrites.markPaid(appointment.id, 'PAID', now, {
      method: 'venue',
      amountCents: dueCents,
      currency: appointment.currency,
    });
    return toAppointmentDto({ ...paid, intakeResponses: appointment.intakeResponses });
  });
}
