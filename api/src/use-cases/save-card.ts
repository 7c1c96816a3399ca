import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { SetupIntentView } from '../adapters/payments/payment-gateway.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/**
 * A SetupIntent that succeeded (read back from Stripe by confirm-payment or the
 * setup_intent.succeeded webhook): the card is kept on the booking that asked for it, for its
 * no-show fee, and a held booking is confirmed: the card was all it waited for. In one transaction
 * with the appointment locked; seen again, it changes nothing (saveCard writes a card once). A
 * booking that no longer holds its time (its hold was released to another client) is left as it
 * is: no money moved, so nothing is owed back.
 *
 * null when the intent is not one of ours or has not succeeded.
 */
export async function settleSetupIntent(
  scope: TenantScope,
  intent: SetupIntentView,
  now: Date,
): Promise<AppointmentDto | null> {
  const { customerId, paymentMethodId } = intent;
  if (intent.state !== 'succeeded' || !customerId || !paymentMethodId) return null;
  return scope.transaction(async (tx) => {
    const id = await tx.appointments.idBySetupIntent(intent.id);
    if (!id) return null;
    const appointment = await tx.appointments.lockForChange(id);
    if (appointment.status !== 'PENDING' && appointment.status !== 'CONFIRMED')
      return toAppointmentDto(appointment);
    const saved = await tx.appointmentWrites.saveCard(
      id,
      { customerId, paymentMethodId, setupIntentId: intent.id },
      now,
    );
    return toAppointmentDto({ ...(saved ?? appointment), intakeResponses: appointment.intakeResponses });
  });
}
