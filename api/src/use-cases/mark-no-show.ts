import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { assertStatusChange } from '../domain/appointments/status.ts';
import { ServiceBusyError } from '../domain/errors.ts';
import { amountDue } from '../domain/payments/amount-due.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { recordSavedCardCharge, sendSavedCardCharge, type SavedCardOutcome } from './charge-saved-card.ts';

export interface NoShowOutcome {
  appointment: AppointmentDto;
  /** The fee's charge to the kept card, when one was made; null when there was none to make. */
  feeCharge: SavedCardOutcome | { outcome: 'unavailable'; error: Error } | null;
}

/**
 * Marks a client as not having come and charges the no-show fee agreed at booking (less what they
 * paid) to the card kept then, without the client. One transaction with the appointment locked
 * changes the status (paymentStatus AWAITING_PAYMENT while a fee is owed) and records the charge
 * (charge-saved-card.ts, step 1); after the commit the card is charged. Whatever the card does the
 * booking is a no-show: a declined card or a Stripe that does not answer leaves the fee due
 * (amountDueCents), for POST …/collect-balance (card again, or at the venue).
 */
export async function markNoShow(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  id: string,
  options: { platformFeePercent: number; now: Date },
): Promise<NoShowOutcome> {
  const { now } = options;
  const account = gateway ? await scope.payments.connectedAccount() : null;
  const step1 = await scope.transaction(async (tx) => {
    const current = await tx.appointments.lockForChange(id);
    assertStatusChange(current, 'no-show', now, 'admin');
    const owes = amountDue({ ...current, status: 'NO_SHOW' }) > 0;
    const changed = await tx.appointmentWrites.setStatus(
      current.id,
      'NO_SHOW',
      'admin',
      now,
      undefined,
      owes ? 'AWAITING_PAYMENT' : undefined,
    );
    const appointment = { ...changed, intakeResponses: current.intakeResponses };
    const charge = owes && account ? await recordSavedCardCharge(tx, appointment, now) : null;
    return { appointment, charge };
  });
  if (!step1.charge || !gateway || !account)
    return { appointment: toAppointmentDto(step1.appointment), feeCharge: null };
  let feeCharge: NoShowOutcome['feeCharge'];
  try {
    feeCharge = await sendSavedCardCharge(scope, gateway, account, step1.charge, options);
  } catch (error) {
    if (!(error instanceof ServiceBusyError)) throw error;
    feeCharge = { outcome: 'unavailable', error };
  }
  return { appointment: await scope.appointments.get(id), feeCharge };
}
