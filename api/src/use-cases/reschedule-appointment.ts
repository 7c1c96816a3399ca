import { randomUUID } from 'node:crypto';
import { BookingDataRepository } from '../adapters/db/repositories/booking-data.repository.ts';
import {
  AppointmentsRepository,
  insertAppointment,
  toAppointmentDto,
} from '../adapters/db/repositories/appointments.repository.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import {
  BOOKING_TRANSACTION,
  isExclusionViolation,
  lockProviderAndResources,
  releaseExpiredHolds,
} from '../adapters/db/booking-locks.ts';
import { classSessionKey, freeResource, generateSlots } from '../domain/availability/slots.ts';
import { assertStatusChange } from '../domain/appointments/status.ts';
import { SlotUnavailableError } from '../domain/errors.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { slotQuery } from './find-slots.ts';

const MINUTE = 60_000;

/**
 * Moves a client's booking to a new time, atomically: in one transaction the
 * new time is checked and taken and the old appointment is cancelled (reason
 * "rescheduled"), linked by rescheduledFromId. If the new time is not free the
 * answer is slot_unavailable and the old booking stands untouched. The
 * provider stays the same; the manage token carries over to the new booking.
 */
export async function rescheduleAppointment(
  db: Db,
  tenantId: string,
  appointmentId: string,
  tokenHash: string,
  startTimeUtc: string,
  now: Date,
): Promise<AppointmentDto> {
  const old = await new AppointmentsRepository(db, tenantId).getWithToken(appointmentId, tokenHash);
  assertStatusChange(old, 'reschedule', now, 'client');
  if (!old.providerId) throw new SlotUnavailableError('This booking has no provider to reschedule with.');
  const providerId = old.providerId;

  const service = await new BookingDataRepository(db, tenantId).service(old.serviceId);
  const start = Date.parse(startTimeUtc);
  const occupied = {
    start: start - service.bufferBeforeMinutes * MINUTE,
    end: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE,
  };

  try {
    const row = await db.$transaction(async (tx) => {
      await lockProviderAndResources(tx, tenantId, providerId, service.resourceIds, occupied);
      const current = await tx.appointment.findFirstOrThrow({ where: { id: old.id, tenantId } });
      assertStatusChange(current, 'reschedule', now, 'client'); // it may have changed while we waited
      await releaseExpiredHolds(tx, tenantId, providerId, service.resourceIds, occupied, now);
      // The old booking's own time does not count against the new one.
      const query = await slotQuery(new BookingDataRepository(tx, tenantId), service, {
        from: start,
        to: start + 1,
        now,
        providerIds: [providerId],
        excludeAppointmentId: old.id,
      });
      const slot = generateSlots(query).find((candidate) => candidate.start === start);
      if (!slot || slot.seatsLeft < old.seats) return null;
      const session = service.capacity > 1 ? classSessionKey(service.id, providerId, start) : null;
      const resourceId =
        service.resourceIds.length > 0 ? freeResource(query.resources, occupied, session) : undefined;

      await tx.appointment.update({
        where: { id: old.id, tenantId },
        data: { status: 'CANCELLED', cancelledAt: now, cancellationReason: 'rescheduled' },
      });
      const id = randomUUID();
      return insertAppointment(
        tx,
        {
          id,
          tenantId,
          serviceId: old.serviceId,
          providerId,
          resourceId: resourceId ?? null,
          clientName: old.clientName,
          clientEmail: old.clientEmail,
          clientPhone: old.clientPhone,
          clientTimezone: old.clientTimezone,
          startTimeUtc: new Date(start),
          endTimeUtc: new Date(start + service.durationMinutes * MINUTE),
          occupiedStartUtc: new Date(occupied.start),
          occupiedEndUtc: new Date(occupied.end),
          sessionKey: session ?? id,
          seats: old.seats,
          status: old.status,
          holdExpiresAt: old.holdExpiresAt,
          confirmedAt: old.confirmedAt,
          paymentStatus: old.paymentStatus,
          currency: old.currency,
          totalAmountCents: old.totalAmountCents,
          depositAmountCents: old.depositAmountCents,
          manageTokenHash: old.manageTokenHash,
          rescheduledFromId: old.id,
          notes: old.notes,
        },
        old.intakeResponses.map((response) => ({
          fieldId: response.fieldId,
          label: response.label,
          value: response.value as string | boolean,
        })),
      );
    }, BOOKING_TRANSACTION);
    if (row) return toAppointmentDto(row);
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
  }
  throw new SlotUnavailableError(`${startTimeUtc} is not available. Your booking is unchanged.`);
}
