import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { isUniqueViolation } from '../adapters/db/database-errors.ts';
import type { BookableService } from '../adapters/db/repositories/booking-data.repository.ts';
import {
  toAppointmentDto,
  type AppointmentWithIntake,
} from '../adapters/db/repositories/appointments.repository.ts';
import type { IntakeAnswer } from '../adapters/db/repositories/appointment-writes.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { checkIntake } from '../domain/appointments/intake.ts';
import { newManageToken } from '../domain/appointments/manage-token.ts';
import { bookingPrice } from '../domain/appointments/pricing.ts';
import { orderProviders } from '../domain/appointments/provider-choice.ts';
import { seatsOfferedAt } from '../domain/availability/slot-check.ts';
import type { SlotQuery } from '../domain/availability/slots.ts';
import { withoutRules } from '../domain/availability/without-rules.ts';
import { NotFoundError, SlotUnavailableError, ValidationError } from '../domain/errors.ts';
import { MINUTE } from '../domain/time-units.ts';
import type { AppointmentDto, CreateAppointmentBody } from '../schemas/appointment.schemas.ts';
import { slotQuery } from './find-slots.ts';
import { inSlotLine, type PlaceInLine } from './slot-lines.ts';
import { inSlotTransaction, takeSlot } from './take-slot.ts';

export interface BookingRequest extends CreateAppointmentBody {
  notes?: string | undefined;
  /** Admin only: book outside hours, grid, notice and window (never over another booking). */
  overrideRules?: boolean;
  /** From the Idempotency-Key: its hash, stored on the row (unique per tenant), and whether this is a retry. */
  idempotency?: { keyHash: string; retry: boolean } | undefined;
}

export interface BookingOptions {
  actor: 'client' | 'admin';
  now: Date;
  /** How long an unpaid booking of a paid service holds its slot. */
  holdMinutes: number;
  /**
   * Whether the tenant takes cards (the platform has Stripe and the tenant a connected account).
   * Without, a paid service is booked CONFIRMED with the amount due at the appointment: nothing
   * holds a time for a payment that cannot be made.
   */
  cardPayments: boolean;
}

export interface Booked {
  appointment: AppointmentDto;
  manageToken: string;
}

/**
 * Books a slot, with three guards against double booking:
 *  1. the slot engine must offer the time (checked before any lock);
 *  2. take-slot.ts locks the provider's and resources' hours, releases expired
 *     holds, re-reads busy times and asks the engine again;
 *  3. the database's exclusion constraints refuse overlapping rows anyway.
 * With "any available", providers are tried in the order of
 * domain/appointments/provider-choice.ts until one can take the time.
 *
 * A request whose Idempotency-Key already booked (a retry after a lost answer
 * or a crash between commit and answer) gets that booking back, with a new
 * manage token: the first one was only ever in the lost answer.
 */
export async function bookAppointment(
  scope: TenantScope,
  request: BookingRequest,
  options: BookingOptions,
): Promise<Booked> {
  if (request.idempotency?.retry) {
    const earlier = await scope.appointments.findByIdempotencyKey(request.idempotency.keyHash);
    if (earlier) return reissue(scope, earlier);
  }
  const offered = await offeredSlot(scope, request, options);
  if ('manageToken' in offered) return offered;
  // Identical requests for one provider's slot take it one at a time in this process (slot-lines.ts).
  if (request.providerId === undefined) return take(scope, request, options, offered, null);
  const line = `${scope.tenantId}:${request.serviceId}:${request.providerId}:${offered.start}`;
  return inSlotLine(line, (place) => take(scope, request, options, offered, place));
}

interface OfferedSlot {
  service: BookableService;
  query: SlotQuery;
  start: number;
  /** Providers who can take the time, in the order to try them. */
  candidates: string[];
  answers: IntakeAnswer[];
}

/** Guard 1, before any lock: the request is valid and the engine offers the time, by these providers. */
async function offeredSlot(
  scope: TenantScope,
  request: BookingRequest,
  options: BookingOptions,
): Promise<OfferedSlot | Booked> {
  const keyHash = request.idempotency?.keyHash;
  const service = await scope.bookingData.service(request.serviceId);
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
  let query = await slotQuery(scope.bookingData, service, {
    from: start,
    to: start + 1,
    now: options.now,
    providerIds: requested,
  });
  if (overrideRules) query = withoutRules(query);
  const offers = requested.map((id) => ({ id, seatsLeft: seatsOfferedAt(query, id, start) }));
  const offeredBy = offers
    .filter((o) => o.seatsLeft !== null && o.seatsLeft >= request.seats)
    .map((o) => o.id);
  if (offeredBy.length === 0) {
    // The time may be taken by this very request's first attempt, whose answer was lost.
    const earlier = keyHash ? await scope.appointments.findByIdempotencyKey(keyHash) : null;
    if (earlier) return reissue(scope, earlier);
    throw unavailable(request.startTimeUtc, request.seats, mostSeats(offers));
  }
  const candidates =
    offeredBy.length === 1 ? offeredBy : await byAssignmentRule(scope, service, start, offeredBy);
  return { service, query, start, candidates, answers: intake.answers };
}

/** Guards 2 and 3: takes the time with the first candidate who still can, in a locked transaction. */
async function take(
  scope: TenantScope,
  request: BookingRequest,
  options: BookingOptions,
  { service, query, start, candidates, answers }: OfferedSlot,
  place: PlaceInLine | null,
): Promise<Booked> {
  const keyHash = request.idempotency?.keyHash;
  if (place?.takenAhead) {
    // Taken by the request ahead in line, which may have been this very request's first attempt.
    const earlier = keyHash ? await scope.appointments.findByIdempotencyKey(keyHash) : null;
    if (earlier) return reissue(scope, earlier);
    throw unavailable(request.startTimeUtc, request.seats, null);
  }
  const token = newManageToken();
  const needsPayment = service.paymentMode !== 'NONE';
  const keepsCard = service.noShowFeeCents !== null || service.noShowFeePercent !== null;
  // Held for the card (a payment, or a card kept for a no-show fee) only when the client books and
  // the business takes cards; else confirmed, any amount due at the appointment (paymentStatus
  // AWAITING_PAYMENT until it is collected).
  const confirmedNow = !(needsPayment || keepsCard) || options.actor === 'admin' || !options.cardPayments;
  let seatsLeft: number | null = null;
  for (const providerId of candidates) {
    const provider = service.providers.find((p) => p.id === providerId)!;
    try {
      const result = await inSlotTransaction(scope, (tx) =>
        takeSlot(
          tx,
          { service, query, providerId, start, seats: request.seats, now: options.now },
          {
            kind: 'new',
            actor: options.actor,
            answers,
            row: {
              id: randomUUID(),
              serviceId: service.id,
              client: {
                name: request.client.name,
                email: request.client.email,
                phone: request.client.phone ?? null,
              },
              clientTimezone: request.clientTimezone,
              locale: request.locale,
              seats: request.seats,
              status: confirmedNow ? 'CONFIRMED' : 'PENDING',
              holdExpiresAt: confirmedNow
                ? null
                : new Date(options.now.getTime() + options.holdMinutes * MINUTE),
              paymentStatus: needsPayment ? 'AWAITING_PAYMENT' : 'NOT_REQUIRED',
              currency: service.currency,
              ...bookingPrice(service, provider.priceCents, request.seats),
              manageTokenHash: token.hash,
              idempotencyKeyHash: keyHash ?? null,
              notes: request.notes ?? null,
              now: options.now,
            },
          },
        ),
      );
      if (result.taken) {
        if (service.capacity === 1) place?.markTaken();
        return {
          appointment: toAppointmentDto({ ...result.row, intakeResponses: answers }),
          manageToken: token.token,
        };
      }
      seatsLeft = result.seatsLeft;
    } catch (error) {
      // The same Idempotency-Key booked in a request that ran alongside this one.
      if (!(keyHash && isUniqueViolation(error))) throw error;
      const earlier = await scope.appointments.findByIdempotencyKey(keyHash);
      if (earlier) return reissue(scope, earlier);
      throw error;
    }
  }
  throw unavailable(request.startTimeUtc, request.seats, candidates.length === 1 ? seatsLeft : null);
}

/** A booking found again by its Idempotency-Key, with a fresh manage token (the old one is not stored). */
async function reissue(scope: TenantScope, row: AppointmentWithIntake): Promise<Booked> {
  const token = newManageToken();
  await scope.appointmentWrites.replaceManageToken(row.id, token.hash);
  return { appointment: toAppointmentDto(row), manageToken: token.token };
}

async function byAssignmentRule(
  scope: TenantScope,
  service: BookableService,
  start: number,
  providerIds: string[],
): Promise<string[]> {
  const day = DateTime.fromMillis(start, { zone: service.zone }).startOf('day');
  const load = await scope.bookingData.providerLoad(
    providerIds,
    day.toMillis(),
    day.plus({ days: 1 }).toMillis(),
  );
  return orderProviders(load);
}

function mostSeats(offers: ReadonlyArray<{ seatsLeft: number | null }>): number | null {
  const seats = offers.map((o) => o.seatsLeft).filter((s): s is number => s !== null);
  return seats.length > 0 ? Math.max(...seats) : null;
}

function unavailable(startTimeUtc: string, seats: number, seatsLeft: number | null): SlotUnavailableError {
  if (seatsLeft !== null && seatsLeft > 0 && seatsLeft < seats) {
    return new SlotUnavailableError(
      `${startTimeUtc} has only ${seatsLeft} ${seatsLeft === 1 ? 'seat' : 'seats'} left; ${seats} were requested.`,
    );
  }
  return new SlotUnavailableError(
    `${startTimeUtc} is not available: it may have just been taken. Please pick another time.`,
  );
}
