import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { assertStatusChange, type Actor } from '../domain/appointments/status.ts';
import { InvalidStateError, SlotUnavailableError } from '../domain/errors.ts';
import { assertRescheduleAllowed, type ReschedulePolicy } from '../domain/policies/reschedule-window.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { slotQuery } from './find-slots.ts';
import { inSlotTransaction, takeSlot } from './take-slot.ts';

/**
 * Moves a booking to a new time: the same appointment (id, manage token and
 * link, status, price, hold expiry), with the same provider. In one
 * transaction it locks the appointment's row before anything else and checks
 * its status again, then takes the new time through take-slot.ts (the old
 * time does not stand in the way); the RESCHEDULED event records both times.
 * If the new time is not free the answer is slot_unavailable and the booking
 * is unchanged. Cancel, complete and no-show take the same row lock, so any
 * two changes of one appointment run one after the other.
 *
 * A client may move a booking only until the cancellation policy's limit before its current start
 * (domain/policies/reschedule-window.ts; later: reschedule_too_late, unchanged), checked under the
 * lock at this moment; the business may move it any time.
 */
export async function rescheduleAppointment(
  scope: TenantScope,
  target: { id: string; tokenHash?: string },
  startTimeUtc: string,
  actor: Actor,
  now: Date,
): Promise<AppointmentDto> {
  // Read outside the lock to learn the service; everything is checked again under it.
  const before = await scope.appointments.record(target.id, target.tokenHash);
  assertStatusChange(before, 'reschedule', now, actor);
  const providerId = before.providerId;
  if (!providerId) throw new InvalidStateError('This booking has no provider to reschedule with.');
  // The policy is configuration, read before the lock; only a client's move is limited by it.
  const [service, policy] = await Promise.all([
    scope.bookingData.service(before.serviceId),
    actor === 'client' ? scope.cancellationPolicies.inForce(before.serviceId) : null,
  ]);
  if (actor === 'client') assertInTime(policy, before, now); // fail before computing slots
  const start = Date.parse(startTimeUtc);
  const query = await slotQuery(scope.bookingData, service, {
    from: start,
    to: start + 1,
    now,
    providerIds: [providerId],
    excludeAppointmentId: before.id,
  });

  const result = await inSlotTransaction(scope, async (tx) => {
    const current = await tx.appointments.lockForChange(target.id, target.tokenHash);
    assertStatusChange(current, 'reschedule', now, actor); // it may have changed while we waited
    if (actor === 'client') assertInTime(policy, current, now); // the start it has now, locked
    const taken = await takeSlot(
      tx,
      { service, query, providerId, start, seats: current.seats, now },
      { kind: 'move', appointment: current, actor },
    );
    return taken;
  });
  // Intake answers never change after booking.
  if (result.taken) return toAppointmentDto({ ...result.row, intakeResponses: before.intakeResponses });
  throw new SlotUnavailableError(`${startTimeUtc} is not available. Your booking is unchanged.`);
}

function assertInTime(
  policy: ReschedulePolicy | null,
  appointment: { totalAmountCents: number; startTimeUtc: Date },
  now: Date,
): void {
  assertRescheduleAllowed({
    policy,
    priceCents: appointment.totalAmountCents,
    startTimeUtc: appointment.startTimeUtc,
    now,
  });
}
