import type { BusyTimes } from '../adapters/db/busy-times-sql.ts';
import { isExclusionViolation } from '../adapters/db/database-errors.ts';
import type { TenantScope, TenantTransaction } from '../adapters/db/tenant-scope.ts';
import type { BookableService } from '../adapters/db/repositories/booking-data.repository.ts';
import type {
  AppointmentRecord,
  IntakeAnswer,
  NewAppointment,
} from '../adapters/db/repositories/appointment-writes.repository.ts';
import { appointmentTimes } from '../domain/appointments/occupied-range.ts';
import type { Actor } from '../domain/appointments/status.ts';
import { seatsOfferedAt } from '../domain/availability/slot-check.ts';
import { classSessionKey, freeResource, type SlotQuery } from '../domain/availability/slots.ts';

/**
 * The one write path for taking time: a new booking, an admin booking and a
 * reschedule all come through takeSlot(). Inside the caller's transaction it
 *  1. locks the provider's (and the service's resources') hours of the
 *     occupied range (appointment-writes.repository.ts#lockTime);
 *  2. releases expired holds there and re-reads busy time, in one statement;
 *  3. asks the slot engine again, with the fresh busy time, whether the
 *     provider offers the start with enough seats;
 *  4. picks a free resource, and inserts the booking or moves the appointment,
 *     with its history event.
 * The exclusion constraints still refuse any overlap that slipped past (a
 * bug, or a writer outside this path): takenOrNull() turns that into "taken".
 */

export type SlotClaim =
  | {
      kind: 'new';
      row: Omit<NewAppointment, 'providerId' | 'resourceId' | 'appointment' | 'occupied' | 'sessionKey'>;
      answers: readonly IntakeAnswer[];
      actor: Actor;
    }
  | { kind: 'move'; appointment: AppointmentRecord; actor: Actor };

export interface SlotRequest {
  service: BookableService;
  /** The engine's input around `start`, read before the lock; its busy times are replaced under it. */
  query: SlotQuery;
  providerId: string;
  start: number;
  seats: number;
  now: Date;
}

export type TakeSlotResult =
  { taken: true; row: AppointmentRecord } | { taken: false; seatsLeft: number | null };

export async function takeSlot(
  tx: TenantTransaction,
  request: SlotRequest,
  claim: SlotClaim,
): Promise<TakeSlotResult> {
  const { service, providerId, start, now } = request;
  const times = appointmentTimes(service, start);
  await tx.appointmentWrites.lockTime(providerId, service.resourceIds, times.occupied);
  const busy = await tx.appointmentWrites.releaseHoldsAndReadBusy({
    providerIds: [providerId],
    resourceIds: service.resourceIds,
    from: times.occupied.start,
    to: times.occupied.end,
    now,
    excludeAppointmentId: claim.kind === 'move' ? claim.appointment.id : undefined,
  });
  const fresh = withBusy(request.query, providerId, busy);
  const seatsLeft = seatsOfferedAt(fresh, providerId, start);
  if (seatsLeft === null || seatsLeft < request.seats) return { taken: false, seatsLeft };

  const session = service.capacity > 1 ? classSessionKey(service.id, providerId, start) : null;
  const resourceId =
    service.resourceIds.length > 0 ? (freeResource(fresh.resources, times.occupied, session) ?? null) : null;
  if (claim.kind === 'move') {
    const row = await tx.appointmentWrites.move(
      claim.appointment,
      { ...times, sessionKey: session ?? claim.appointment.id, resourceId },
      claim.actor,
      now,
    );
    return { taken: true, row };
  }
  const row = await tx.appointmentWrites.insert(
    { ...claim.row, providerId, resourceId, ...times, sessionKey: session ?? claim.row.id },
    claim.answers,
    claim.actor,
  );
  return { taken: true, row };
}

/**
 * Runs a slot-taking transaction; a refusal by the exclusion constraints
 * (someone else's overlapping row got in first) reads as "taken", like a
 * refusal by the engine under the lock.
 */
export async function inSlotTransaction(
  scope: TenantScope,
  work: (tx: TenantTransaction) => Promise<TakeSlotResult>,
): Promise<TakeSlotResult> {
  try {
    return await scope.transaction(work);
  } catch (error) {
    if (isExclusionViolation(error)) return { taken: false, seatsLeft: null };
    throw error;
  }
}

/** `query` narrowed to one provider, with busy times re-read under the lock. */
function withBusy(query: SlotQuery, providerId: string, busy: BusyTimes): SlotQuery {
  return {
    ...query,
    providers: query.providers
      .filter((p) => p.id === providerId)
      .map((p) => ({ ...p, busy: busy.byProvider.get(providerId) ?? [] })),
    resources: query.resources.map((resource) => ({
      ...resource,
      busy: busy.byResource.get(resource.id) ?? [],
    })),
  };
}
