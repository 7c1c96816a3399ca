import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import {
  assertStatusChange,
  statusAfter,
  type Actor,
  type StatusChange,
} from '../domain/appointments/status.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/**
 * Cancels, completes or marks a no-show: locks the appointment's row, checks
 * the change against its current status, writes it with its history event.
 * A client identifies the booking by its manage token (`tokenHash`).
 */
export async function changeAppointmentStatus(
  scope: TenantScope,
  target: { id: string; tokenHash?: string },
  change: Exclude<StatusChange, 'reschedule'>,
  actor: Actor,
  now: Date,
  reason?: string,
): Promise<AppointmentDto> {
  return scope.transaction(async (tx) => {
    const current = await tx.appointments.lockForChange(target.id, target.tokenHash);
    assertStatusChange(current, change, now, actor);
    const changed = await tx.appointmentWrites.setStatus(current.id, statusAfter(change), actor, now, reason);
    return toAppointmentDto({ ...changed, intakeResponses: current.intakeResponses });
  });
}
