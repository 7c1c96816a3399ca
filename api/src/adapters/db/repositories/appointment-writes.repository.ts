import type { Interval } from '../../../domain/availability/intervals.ts';
import type { Actor } from '../../../domain/appointments/status.ts';
import { HOUR } from '../../../domain/time-units.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { AppointmentEventType } from '../../../generated/prisma/enums.ts';
import type { AppointmentModel } from '../../../generated/prisma/models/Appointment.ts';
import { appointmentStateJson } from '../appointment-state-sql.ts';
import {
  busyTimesSql,
  toBusyTimes,
  type BusyRow,
  type BusyTimes,
  type BusyTimesQuery,
} from '../busy-times-sql.ts';
import type { Client } from '../prisma-client.ts';

/**
 * Every write to appointments, and nothing else writes them. Each write is
 * one statement that also appends the appointment's history event(s), with
 * the tenant's next sequence numbers, in the caller's transaction: a change
 * without its history cannot commit. Callers serialise changes first: time
 * through lockTime(), an existing appointment through
 * AppointmentsRepository#lockForChange().
 */

export type AppointmentRecord = AppointmentModel;

export interface AppointmentEventInput {
  type: AppointmentEventType;
  actor: Actor | 'system';
  data: Record<string, unknown>;
  at: Date;
}

export interface NewAppointment {
  id: string;
  serviceId: string;
  providerId: string;
  resourceId: string | null;
  client: { name: string; email: string; phone: string | null };
  clientTimezone: string;
  /** The language the client booked in, for the messages about the booking. */
  locale: 'en' | 'es';
  appointment: Interval;
  occupied: Interval;
  sessionKey: string;
  seats: number;
  status: 'PENDING' | 'CONFIRMED';
  holdExpiresAt: Date | null;
  paymentStatus: 'NOT_REQUIRED' | 'AWAITING_PAYMENT';
  currency: string;
  totalAmountCents: number;
  depositAmountCents: number;
  noShowFeeCents: number;
  manageTokenHash: string;
  idempotencyKeyHash: string | null;
  notes: string | null;
  now: Date;
}

export interface IntakeAnswer {
  fieldId: string;
  label: string;
  value: string | boolean;
}

const ACTOR = { client: 'CLIENT', admin: 'ADMIN', system: 'SYSTEM' } as const;

export class AppointmentWritesRepository {
  constructor(
    private readonly client: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * Serialises bookings that could overlap: an advisory lock per provider (and
   * resource) per hour of real time touched by `occupied`, in one global order
   * (provider hours ascending, then each resource's, resources by id), all in
   * one statement. Two overlapping ranges share an hour, so they queue; other
   * hours of the same provider book side by side. Released at commit.
   */
  async lockTime(providerId: string, resourceIds: readonly string[], occupied: Interval): Promise<void> {
    const hours: number[] = [];
    for (let hour = Math.floor(occupied.start / HOUR); hour * HOUR < occupied.end; hour++) hours.push(hour);
    const keys = [
      ...hours.map((hour) => `provider:${this.tenantId}:${providerId}:${hour}`),
      ...[...resourceIds]
        .sort()
        .flatMap((id) => hours.map((hour) => `resource:${this.tenantId}:${id}:${hour}`)),
    ];
    // unnest yields the keys in array order, and the locks are taken in that order.
    await this.client.$queryRaw`
      SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))::int AS locked
        FROM unnest(${keys}::text[]) AS key`;
  }

  /**
   * Under lockTime(): marks expired holds in the way CANCELLED (the exclusion
   * constraints cannot read the clock, so they must be released before an
   * insert) with their history, and reads the busy times again, in one
   * statement. The read's snapshot predates the release, but it counts only
   * live appointments, which expired holds are not.
   */
  async releaseHoldsAndReadBusy(query: Omit<BusyTimesQuery, 'tenantId'>): Promise<BusyTimes> {
    const { providerIds, resourceIds, from, to, now } = query;
    const release = Prisma.sql`
      UPDATE appointments
         SET status = 'CANCELLED', "cancelledAt" = ${now}, "cancellationReason" = 'hold_expired', "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid
         AND status = 'PENDING' AND "holdExpiresAt" <= ${now}
         AND ("providerId" = ANY(${[...providerIds]}::uuid[]) OR "resourceId" = ANY(${[...resourceIds]}::uuid[]))
         AND "occupiedStartUtc" < ${new Date(to)} AND "occupiedEndUtc" > ${new Date(from)}`;
    const rows = await this.changeWithEvent<BusyRow>(
      release,
      { type: 'CANCELLED', actor: 'system', data: { reason: 'hold_expired' }, at: now },
      { select: busyTimesSql({ ...query, tenantId: this.tenantId }) },
    );
    return toBusyTimes(rows);
  }

  /** Inserts a booking with its intake answers and its CREATED (or HELD) event. */
  async insert(
    row: NewAppointment,
    answers: readonly IntakeAnswer[],
    actor: Actor,
  ): Promise<AppointmentRecord> {
    const t = this.tenantId;
    const insert = Prisma.sql`
      INSERT INTO appointments (
        id, "tenantId", "serviceId", "providerId", "resourceId", "clientName", "clientEmail", "clientPhone",
        "clientTimezone", locale, "startTimeUtc", "endTimeUtc", "occupiedStartUtc", "occupiedEndUtc", "sessionKey", seats,
        status, "holdExpiresAt", "paymentStatus", currency, "totalAmountCents", "depositAmountCents",
        "noShowFeeCents", "manageTokenHash", "idempotencyKey", notes, "confirmedAt", "createdAt", "updatedAt")
      VALUES (
        ${row.id}::uuid, ${t}::uuid, ${row.serviceId}::uuid, ${row.providerId}::uuid, ${row.resourceId}::uuid,
        ${row.client.name}, ${row.client.email}, ${row.client.phone}, ${row.clientTimezone}, ${row.locale},
        ${new Date(row.appointment.start)}, ${new Date(row.appointment.end)},
        ${new Date(row.occupied.start)}, ${new Date(row.occupied.end)}, ${row.sessionKey}, ${row.seats},
        ${row.status}::"AppointmentStatus", ${row.holdExpiresAt}, ${row.paymentStatus}::"PaymentStatus",
        ${row.currency}, ${row.totalAmountCents}, ${row.depositAmountCents}, ${row.noShowFeeCents},
        ${row.manageTokenHash},
        ${row.idempotencyKeyHash}, ${row.notes}, ${row.status === 'CONFIRMED' ? row.now : null},
        ${row.now}, ${row.now})`;
    const intake =
      answers.length === 0
        ? Prisma.empty
        : Prisma.sql`, answers AS (
            INSERT INTO intake_form_responses ("tenantId", "appointmentId", "fieldId", label, value, "createdAt")
            SELECT changed."tenantId", changed.id, a."fieldId", a.label, a.value, ${row.now}
              FROM changed, jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a("fieldId" uuid, label text, value jsonb))`;
    const [created] = await this.changeWithEvent<AppointmentRecord>(
      insert,
      {
        type: row.status === 'PENDING' ? 'HELD' : 'CREATED',
        actor,
        data: {
          startTimeUtc: new Date(row.appointment.start).toISOString(),
          endTimeUtc: new Date(row.appointment.end).toISOString(),
          providerId: row.providerId,
          ...(row.holdExpiresAt ? { holdExpiresAt: row.holdExpiresAt.toISOString() } : {}),
        },
        at: row.now,
      },
      { extraCtes: intake },
    );
    return created!;
  }

  /** Moves a (locked) appointment to a new time: same id, token and status; RESCHEDULED event. */
  async move(
    current: AppointmentRecord,
    to: { appointment: Interval; occupied: Interval; sessionKey: string; resourceId: string | null },
    actor: Actor,
    now: Date,
  ): Promise<AppointmentRecord> {
    const update = Prisma.sql`
      UPDATE appointments
         SET "startTimeUtc" = ${new Date(to.appointment.start)}, "endTimeUtc" = ${new Date(to.appointment.end)},
             "occupiedStartUtc" = ${new Date(to.occupied.start)}, "occupiedEndUtc" = ${new Date(to.occupied.end)},
             "sessionKey" = ${to.sessionKey}, "resourceId" = ${to.resourceId}::uuid, "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${current.id}::uuid`;
    const [moved] = await this.changeWithEvent<AppointmentRecord>(update, {
      type: 'RESCHEDULED',
      actor,
      data: {
        from: {
          startTimeUtc: current.startTimeUtc.toISOString(),
          endTimeUtc: current.endTimeUtc.toISOString(),
        },
        to: {
          startTimeUtc: new Date(to.appointment.start).toISOString(),
          endTimeUtc: new Date(to.appointment.end).toISOString(),
        },
      },
      at: now,
    });
    return moved!;
  }

  /** Cancels, completes or marks a (locked) appointment as a no-show. */
  async setStatus(
    id: string,
    status: 'CANCELLED' | 'COMPLETED' | 'NO_SHOW',
    actor: Actor,
    now: Date,
    reason?: string,
    /** A no-show that owes its fee: AWAITING_PAYMENT until the fee is collected. */
    paymentStatus?: 'AWAITING_PAYMENT',
  ): Promise<AppointmentRecord> {
    const stamp =
      status === 'CANCELLED'
        ? Prisma.sql`, "cancelledAt" = ${now}, "cancellationReason" = ${reason ?? `cancelled by ${actor}`}`
        : status === 'COMPLETED'
          ? Prisma.sql`, "completedAt" = ${now}`
          : paymentStatus
            ? Prisma.sql`, "paymentStatus" = ${paymentStatus}::"PaymentStatus"`
            : Prisma.empty;
    const update = Prisma.sql`
      UPDATE appointments SET status = ${status}::"AppointmentStatus", "updatedAt" = ${now} ${stamp}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    const type = status === 'CANCELLED' ? 'CANCELLED' : status === 'COMPLETED' ? 'COMPLETED' : 'NO_SHOW';
    const [changed] = await this.changeWithEvent<AppointmentRecord>(update, {
      type,
      actor,
      data: status === 'CANCELLED' ? { reason: reason ?? `cancelled by ${actor}` } : {},
      at: now,
    });
    return changed!;
  }

  /**
   * A (locked) booking whose payment succeeded (by card, or at the venue): confirmed if it was
   * held, its hold over, with the payment state (DEPOSIT_PAID or PAID) and a PAID event carrying
   * what was paid, added to its paidCents. A completed booking or a no-show keeps its status.
   */
  async markPaid(
    id: string,
    paymentStatus: 'DEPOSIT_PAID' | 'PAID',
    now: Date,
    data: Record<string, unknown> & { amountCents: number; currency: string },
  ): Promise<AppointmentRecord> {
    const update = Prisma.sql`
      UPDATE appointments
         SET status = CASE WHEN status = 'PENDING' THEN 'CONFIRMED'::"AppointmentStatus" ELSE status END,
             "paymentStatus" = ${paymentStatus}::"PaymentStatus",
             "paidCents" = "paidCents" + ${data.amountCents},
             "holdExpiresAt" = NULL, "confirmedAt" = coalesce("confirmedAt", ${now}), "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    const [paid] = await this.changeWithEvent<AppointmentRecord>(update, {
      type: 'PAID',
      actor: 'system',
      data,
      at: now,
    });
    return paid!;
  }

  /**
   * A payment that succeeded for a booking that no longer wanted it (settle-payment.ts refunds it
   * at once): counted in paidCents, as it happened, without changing the booking. No event: the
   * refund that follows has its own.
   */
  async countUnwantedPayment(id: string, amountCents: number, now: Date): Promise<void> {
    await this.client.$executeRaw`
      UPDATE appointments SET "paidCents" = "paidCents" + ${amountCents}, "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
  }

  /** Money given back: the payment state, refundedCents and a REFUNDED event, in one statement. */
  async markRefunded(
    id: string,
    paymentStatus: 'PARTIALLY_REFUNDED' | 'REFUNDED',
    actor: Actor | 'system',
    now: Date,
    data: Record<string, unknown> & { amountCents: number },
  ): Promise<void> {
    const update = Prisma.sql`
      UPDATE appointments
         SET "paymentStatus" = ${paymentStatus}::"PaymentStatus",
             "refundedCents" = "refundedCents" + ${data.amountCents}, "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    await this.changeWithEvent(update, { type: 'REFUNDED', actor, data, at: now });
  }

  /**
   * A payment event that changes nothing else of the appointment (a payment asked for, a card
   * declined, a refund): the history row, with the appointment's updatedAt.
   */
  async recordPaymentEvent(
    id: string,
    type: 'PAYMENT_REQUESTED' | 'PAYMENT_FAILED',
    actor: Actor | 'system',
    now: Date,
    data: Record<string, unknown>,
  ): Promise<void> {
    const touch = Prisma.sql`
      UPDATE appointments SET "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    await this.changeWithEvent(touch, { type, actor, data, at: now });
  }

  /** An admin's request to send the confirmation again: the history row the notifications job builds it from. */
  async recordConfirmationResent(id: string, now: Date): Promise<void> {
    const touch = Prisma.sql`
      UPDATE appointments SET "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    await this.changeWithEvent(touch, { type: 'CONFIRMATION_RESENT', actor: 'admin', data: {}, at: now });
  }

  /**
   * The card kept for later charges (a balance, a no-show fee), on the tenant's connected account,
   * with a CARD_SAVED event. A card saved by a SetupIntent also confirms a held booking (the card
   * was all it waited for). Seen again (a duplicated webhook), it changes nothing: null.
   */
  async saveCard(
    id: string,
    card: { customerId: string; paymentMethodId: string; setupIntentId?: string },
    now: Date,
  ): Promise<AppointmentRecord | null> {
    const confirms = card.setupIntentId !== undefined;
    const update = Prisma.sql`
      UPDATE appointments
         SET "stripeCustomerId" = ${card.customerId}, "stripePaymentMethodId" = ${card.paymentMethodId},
             status = CASE WHEN ${confirms} AND status = 'PENDING' THEN 'CONFIRMED'::"AppointmentStatus" ELSE status END,
             "holdExpiresAt" = CASE WHEN ${confirms} THEN NULL ELSE "holdExpiresAt" END,
             "confirmedAt" = CASE WHEN ${confirms} THEN coalesce("confirmedAt", ${now}) ELSE "confirmedAt" END,
             "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid
         AND "stripePaymentMethodId" IS DISTINCT FROM ${card.paymentMethodId}`;
    const [saved] = await this.changeWithEvent<AppointmentRecord>(update, {
      type: 'CARD_SAVED',
      actor: 'system',
      data: {
        paymentMethodId: card.paymentMethodId,
        ...(card.setupIntentId ? { setupIntentId: card.setupIntentId } : {}),
      },
      at: now,
    });
    return saved ?? null;
  }

  /**
   * The Stripe customer a card will be saved to, and the SetupIntent asked of the client when
   * nothing is paid up front. Not a change of the appointment: no event.
   */
  async recordCardRequest(
    id: string,
    request: { customerId: string; setupIntentId?: string },
  ): Promise<void> {
    await this.client.$executeRaw`
      UPDATE appointments
         SET "stripeCustomerId" = ${request.customerId},
             "stripeSetupIntentId" = coalesce(${request.setupIntentId ?? null}, "stripeSetupIntentId")
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
  }

  /**
   * A new manage token for a booking whose first answer was lost (the only
   * copy of the old token): the retry that finds the booking by its
   * Idempotency-Key answers with this one. Not a change of the appointment.
   */
  async replaceManageToken(id: string, tokenHash: string): Promise<void> {
    await this.client.$executeRaw`
      UPDATE appointments SET "manageTokenHash" = ${tokenHash}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
  }

  /**
   * Where the booking's event is in its provider's Google calendar (null once deleted there):
   * a note on a copy kept elsewhere, not a change of the appointment: no event, no updatedAt.
   */
  async recordGoogleEventId(id: string, googleEventId: string | null): Promise<void> {
    await this.client.$executeRaw`
      UPDATE appointments SET "googleEventId" = ${googleEventId}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid
         AND "googleEventId" IS DISTINCT FROM ${googleEventId}`;
  }

  /**
   * Keeps the booking's email token (its hash and the token sealed) unless it has one already, and
   * answers the sealed token in force: the first of two notifications at once wins, the other gets
   * its token. Not a change of the appointment: no event.
   */
  async keepEmailToken(id: string, token: { hash: string; sealed: string }): Promise<string | null> {
    const kept = await this.client.$queryRaw<Array<{ sealed: string }>>`
      UPDATE appointments SET "emailTokenHash" = ${token.hash}, "emailTokenSealed" = ${token.sealed}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid AND "emailTokenSealed" IS NULL
      RETURNING "emailTokenSealed" AS sealed`;
    if (kept[0]) return kept[0].sealed;
    // Kept by another attempt: read in a new statement, which sees its commit.
    const [row] = await this.client.$queryRaw<Array<{ sealed: string | null }>>`
      SELECT "emailTokenSealed" AS sealed FROM appointments
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid`;
    return row?.sealed ?? null;
  }

  /**
   * Runs `change` (an INSERT or UPDATE of appointments, without RETURNING) and
   * appends one `event` per changed row, numbered from the tenant's sequence,
   * with the row's state as the change left it, in one statement. The sequence row's lock is held to commit, so numbers
   * are given out in commit order (see the appointment_events migration).
   */
  private changeWithEvent<Row>(
    change: Prisma.Sql,
    event: AppointmentEventInput,
    options: { extraCtes?: Prisma.Sql; select?: Prisma.Sql } = {},
  ): Promise<Row[]> {
    return this.client.$queryRaw<Row[]>`
      WITH changed AS (${change} RETURNING *)
      ${options.extraCtes ?? Prisma.empty},
      counted AS (SELECT count(*) AS n FROM changed),
      numbered AS (
        INSERT INTO tenant_event_sequences ("tenantId", "lastSeq")
        SELECT ${this.tenantId}::uuid, n FROM counted WHERE n > 0
        ON CONFLICT ("tenantId") DO UPDATE SET "lastSeq" = tenant_event_sequences."lastSeq" + EXCLUDED."lastSeq"
        RETURNING "lastSeq"),
      events AS (
        INSERT INTO appointment_events ("tenantId", seq, "appointmentId", type, actor, data, state, "occurredAt")
        SELECT changed."tenantId", numbered."lastSeq" - counted.n + row_number() OVER (ORDER BY changed.id),
               changed.id, ${event.type}::"AppointmentEventType", ${ACTOR[event.actor]}::"Actor",
               ${JSON.stringify(event.data)}::jsonb, ${appointmentStateJson('changed')}, ${event.at}
          FROM changed, counted, numbered)
      ${options.select ?? Prisma.sql`SELECT * FROM changed`}`;
  }
}
