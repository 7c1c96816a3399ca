import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { InvalidStateError } from '../domain/errors.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/**
 * An admin's "send the confirmation again" (a client lost the email): a CONFIRMATION_RESENT event
 * in the history, from which the notifications job builds one more confirmation (its dedupe key is
 * the event's seq: domain/notifications/event-messages.ts), as every message follows the history.
 * The route's Idempotency-Key makes a repeated request (a double click, a retry) one event. Only a
 * booking that is confirmed and not over yet has a confirmation to send (409 otherwise).
 */
export async function resendConfirmation(scope: TenantScope, id: string, now: Date): Promise<AppointmentDto> {
  return scope.transaction(async (tx) => {
    // The row lock orders this after any cancel in flight: a cancelled booking never gets one.
    const current = await tx.appointments.lockForChange(id);
    if (current.status !== 'CONFIRMED') {
      throw new InvalidStateError(
        `A ${current.status} appointment has no confirmation to send; only a CONFIRMED one does.`,
      );
    }
    if (current.endTimeUtc.getTime() <= now.getTime()) {
      throw new InvalidStateError('The appointment is over: there is no confirmation to send.');
    }
    await tx.appointmentWrites.recordConfirmationResent(current.id, now);
    return toAppointmentDto(current);
  });
}
