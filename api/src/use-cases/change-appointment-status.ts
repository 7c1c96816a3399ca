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
 * Completes or marks a no-show: locks the appointment's row, checks the change
 * against its current status, writes it with its history event. Cancelling
 * moves money back, so it has its own use-case (cancel-appointment.ts).
 */
export async function changeAppointmentStatus(
  scope: TenantScope,
  target: { id: string; tokenHash?: string },
  change: Exclude<StatusChange, 'reschedule' | 'cancel'>,
  actor: Actor,
  now: Date,
): Promise<AppointmentDto> {
  return scope.transaction(async (tx) => {
    const current = await tx.appointments.lockForChange(target.id, target.tokenHash);
    assertStatusChange(current, change, now, actor);
    const changed = await tx.appointmentWrites.setStatus(current.id, statusAfter(change), actor, now);
    return toAppointmentDto({ ...changed, intakeResponses: current.intakeResponses });
  });
}
