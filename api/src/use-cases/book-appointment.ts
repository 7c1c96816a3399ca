import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  BookingDataRepository,
  type BookableService,
  type BusyTimes,
} from '../adapters/db/repositories/booking-data.repository.ts';
import { insertAppointment, toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { Db } from '../adapters/db/prisma-client.ts';
import {
  BOOKING_TRANSACTION,
  isExclusionViolation,
  lockProviderAndResources,
  releaseExpiredHolds,
} from '../adapters/db/booking-locks.ts';
import {
  classSessionKey,
  freeResource,
  generateSlots,
  type SlotQuery,
} from '../domain/availability/slots.ts';
import { withoutRules } from '../domain/availability/without-rules.ts';
import { checkIntake } from '../domain/appointments/intake.ts';
import { newManageToken } from '../domain/appointments/manage-token.ts';
import { bookingPrice } from '../domain/appointments/pricing.ts';
import { orderProviders } from '../domain/appointments/provider-choice.ts';
import { NotFoundError, SlotUnavailableError, ValidationError } from '../domain/errors.ts';
import type { AppointmentDto, CreateAppointmentBody } from '../schemas/appointment.schemas.ts';
import { slotQuery } from './find-slots.ts';

const MINUTE = 60_000;

export interface BookingRequest extends CreateAppointmentBody {
  notes?: string | undefined;
  /** Admin only: book outside hours, grid, notice and window (never over another booking). */
  overrideRules?: boolean;
  /** Stored on the row, unique per tenant: a retried request can never book twice. */
  idempotencyKey?: string | undefined;
}

export interface BookingOptions {
  actor: 'client' | 'admin';
  now: Date;
  /** How long an unpaid booking of a paid service holds its slot. */
  holdMinutes: number;
}

/**
 * Books a slot, with three guards against double booking:
 *  1. the slot engine must offer the time (checked before any lock);
 *  2. a transaction takes advisory locks on the provider and the service's
 *     resources, releases expired holds there, re-reads busy times and seats,
 *     and checks again; bookings of one provider or resource are serialised;
 *  3. the database's exclusion constraints refuse overlapping rows anyway.
 * With "any available", providers are tried in the order of
 * domain/appointments/provider-choice.ts until one can take the time.
 */
export async function bookAppointment(
  db: Db,
  tenantId: string,
  request: BookingRequest,
  options: BookingOptions,
): Promise<{ appointment: AppointmentDto; manageToken: string }> {
  const data = new BookingDataRepository(db, tenantId);
  const service = await data.service(request.serviceId);
  const start = Date.parse(request.startTimeUtc);
  const overrideRules = options.actor === 'admin' && request.overrideRules === true;

  if (service.capacity === 1 && request.seats > 1) {
    throw new ValidationError('This service books one seat at a time.', [
      { path: 'seats', message: 'must be 1' },
    ]);
  }
  const intake = checkIntake(service.intakeFields, request.intake, { enforceRequired: !overrideRules });
  if (intake.problems.length > 0)
    throw new ValidationError('Some answers are missing or invalid.', intake.problems);
  if (request.providerId !== undefined && !service.providers.some((p) => p.id === request.providerId)) {
    throw new NotFoundError('Provider', request.providerId);
  }

  // Guard 1: is the time offered at all, and by whom?
  const requested = request.providerId ? [request.providerId] : service.providers.map((p) => p.id);
  let query = await slotQuery(data, service, {
    from: start,
    to: start + 1,
    now: options.now,
    providerIds: requested,
  });
  if (overrideRules) query = withoutRules(query);
  const offeredBy = providersOffering(query, start, request.seats);
  if (offeredBy.length === 0) throw unavailable(request.startTimeUtc);
  const candidates =
    offeredBy.length === 1 ? offeredBy : await byAssignmentRule(data, service, start, offeredBy);

  const token = newManageToken();
  for (const providerId of candidates) {
    try {
      const row = await db.$transaction(async (tx) => {
        const txData = new BookingDataRepository(tx, tenantId);
        const occupied = occupiedRange(service, start);
        // Guard 2: serialise, release stale holds, re-read, re-check.
        await lockProviderAndResources(tx, tenantId, providerId, service.resourceIds, occupied);
        await releaseExpiredHolds(tx, tenantId, providerId, service.resourceIds, occupied, options.now);
        // Schedules were read above; what other bookings change is busy time, so re-read that.
        const busy = await txData.busy(
          [providerId],
          service.resourceIds,
          occupied.start,
          occupied.end,
          options.now,
        );
        const locked = withBusy(query, providerId, busy);
        if (!providersOffering(locked, start, request.seats).includes(providerId)) return null;

        const session = service.capacity > 1 ? classSessionKey(service.id, providerId, start) : null;
        const resourceId =
          service.resourceIds.length > 0 ? freeResource(locked.resources, occupied, session) : undefined;
        const provider = service.providers.find((p) => p.id === providerId)!;
        const price = bookingPrice(service, provider.priceCents, request.seats);
        const needsPayment = service.paymentMode !== 'NONE';
        const confirmedNow = !needsPayment || options.actor === 'admin';
        const id = randomUUID();
        // Guard 3 is the insert itself: the exclusion constraints see every live row.
        return insertAppointment(
          tx,
          {
            id,
            tenantId,
            serviceId: service.id,
            providerId,
            resourceId: resourceId ?? null,
            clientName: request.client.name,
            clientEmail: request.client.email,
            clientPhone: request.client.phone ?? null,
            clientTimezone: request.clientTimezone,
            startTimeUtc: new Date(start),
            endTimeUtc: new Date(start + service.durationMinutes * MINUTE),
            occupiedStartUtc: new Date(occupied.start),
            occupiedEndUtc: new Date(occupied.end),
            sessionKey: session ?? id,
            seats: request.seats,
            status: confirmedNow ? 'CONFIRMED' : 'PENDING',
            holdExpiresAt: confirmedNow
              ? null
              : new Date(options.now.getTime() + options.holdMinutes * MINUTE),
            confirmedAt: confirmedNow ? options.now : null,
            paymentStatus: needsPayment ? 'AWAITING_PAYMENT' : 'NOT_REQUIRED',
            currency: service.currency,
            ...price,
            manageTokenHash: token.hash,
            idempotencyKey: request.idempotencyKey ?? null,
            notes: request.notes ?? null,
          },
          intake.answers,
        );
      }, BOOKING_TRANSACTION);
      if (row) return { appointment: toAppointmentDto(row), manageToken: token.token };
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      // Someone else got there between our check and our insert: try the next provider.
    }
  }
  throw unavailable(request.startTimeUtc);
}

/** The providers of `query` that offer `start` with at least `seats` seats (seats are per provider: each runs their own class). */
function providersOffering(query: SlotQuery, start: number, seats: number): string[] {
  return query.providers
    .filter((provider) =>
      generateSlots({ ...query, providers: [provider] }).some(
        (slot) => slot.start === start && slot.seatsLeft >= seats,
      ),
    )
    .map((provider) => provider.id);
}

/** `query` narrowed to one provider, with busy times re-read under the lock. */
function withBusy(query: SlotQuery, providerId: string, busy: BusyTimes): SlotQuery {
  const provider = query.providers.find((p) => p.id === providerId)!;
  return {
    ...query,
    providers: [{ ...provider, busy: busy.byProvider.get(providerId) ?? [] }],
    resources: query.resources.map((resource) => ({
      ...resource,
      busy: busy.byResource.get(resource.id) ?? [],
    })),
  };
}

async function byAssignmentRule(
  data: BookingDataRepository,
  service: BookableService,
  start: number,
  providerIds: string[],
): Promise<string[]> {
  const day = DateTime.fromMillis(start, { zone: service.zone }).startOf('day');
  const load = await data.providerLoad(providerIds, day.toMillis(), day.plus({ days: 1 }).toMillis());
  return orderProviders(load);
}

function occupiedRange(service: BookableService, start: number) {
  return {
    start: start - service.bufferBeforeMinutes * MINUTE,
    end: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE,
  };
}

function unavailable(startTimeUtc: string): SlotUnavailableError {
  return new SlotUnavailableError(
    `${startTimeUtc} is not available: it may have just been taken. Please pick another time.`,
  );
}
