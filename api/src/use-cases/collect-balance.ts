import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import {
  CardDeclinedError,
  InvalidStateError,
  NoCardOnFileError,
  PaymentsNotConfiguredError,
} from '../domain/errors.ts';
import { amountDue, kindOfDue, paymentStatusAfterPaying } from '../domain/payments/amount-due.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { recordSavedCardCharge, sendSavedCardCharge } from './charge-saved-card.ts';
import { issueInvoiceOnFirstMoney } from './issue-invoice.ts';

const COLLECTS = new Set(['PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW']);

/**
 * The staff took what is still due at the venue (cash, a card terminal): the balance of a booking
 * or the fee of a no-show (domain/payments/amount-due.ts). A payment without a Stripe object, its
 * ledger row (BALANCE_VENUE or NO_SHOW_FEE_VENUE), the booking PAID (a held booking is confirmed
 * by it) and, with its first money, its invoice (issue-invoice.ts), in one transaction with the
 * appointment locked, so two clicks at once collect once. Nothing pretends a card was charged: no Stripe call is made.
 */
export async function collectBalanceAtVenue(
  scope: TenantScope,
  id: string,
  now: Date,
): Promise<AppointmentDto> {
  return scope.transaction(async (tx) => {
    const appointment = await tx.appointments.lockForChange(id);
    if (!COLLECTS.has(appointment.status))
      throw new InvalidStateError(`A ${appointment.status.toLowerCase()} booking has nothing to collect.`);
    // A card payment under way (asked of the client, or a charge of the kept card Stripe has not
    // answered) could still arrive: collecting now would take the money twice.
    if (await tx.payments.inFlight(appointment.id))
      throw new InvalidStateError('A card payment for this booking is under way; wait for it to finish.');
    const dueCents = amountDue(appointment);
    if (dueCents <= 0) throw new InvalidStateError('Nothing is due on this booking.');
    const kind = kindOfDue(appointment.status);
    const payment = await tx.payments.recordAtVenue({
      appointmentId: appointment.id,
      kind,
      amountCents: dueCents,
      currency: appointment.currency,
      now,
    });
    await tx.ledger.append([
      {
        appointmentId: appointment.id,
        paymentId: payment.id,
        kind: kind === 'NO_SHOW_FEE' ? 'NO_SHOW_FEE_VENUE' : 'BALANCE_VENUE',
        amountCents: dueCents,
        currency: appointment.currency,
        stripeObjectId: null,
        stripeBalanceTransactionId: null,
        occurredAt: now,
      },
    ]);
    const paid = await tx.appointmentWrites.markPaid(
      appointment.id,
      paymentStatusAfterPaying(appointment, dueCents),
      now,
      { method: 'venue', kind, amountCents: dueCents, currency: appointment.currency },
    );
    await issueInvoiceOnFirstMoney(tx, appointment.id, kind, now);
    return toAppointmentDto({ ...paid, intakeResponses: appointment.intakeResponses });
  });
}

/**
 * What is still due, charged to the card kept at booking, without the client
 * (charge-saved-card.ts). A decline answers 402 card_declined and leaves the amount due; a charge
 * Stripe did not answer (503) is asked again, with the same key, by the next call.
 */
export async function collectBalanceByCard(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  id: string,
  options: { platformFeePercent: number; now: Date },
): Promise<AppointmentDto> {
  if (!gateway) throw new PaymentsNotConfiguredError();
  const account = await scope.payments.connectedAccount();
  if (!account) throw new NoCardOnFileError('This business takes no cards: collect at the venue.');
  const charge = await scope.transaction(async (tx) => {
    const appointment = await tx.appointments.lockForChange(id);
    if (!COLLECTS.has(appointment.status))
      throw new InvalidStateError(`A ${appointment.status.toLowerCase()} booking has nothing to collect.`);
    const recorded = await recordSavedCardCharge(tx, appointment, options.now);
    if (recorded) return recorded;
    if (amountDue(appointment) <= 0) throw new InvalidStateError('Nothing is due on this booking.');
    throw new NoCardOnFileError('No card is kept for this booking: collect what is due at the venue.');
  });
  const sent = await sendSavedCardCharge(scope, gateway, account, charge, options);
  if (sent.outcome === 'declined')
    throw new CardDeclinedError(charge.payment.amountCents, charge.payment.currency, sent.reason);
  // Paid, or still processing at Stripe (its webhook settles it): the booking as it stands.
  return scope.appointments.get(id);
}
