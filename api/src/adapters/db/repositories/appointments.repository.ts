import { amountDue } from '../../../domain/payments/amount-due.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type {
  AdminAppointmentListItemDto,
  AppointmentDto,
  AppointmentEventDto,
} from '../../../schemas/appointment.schemas.ts';
import type { Client } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import type { AppointmentRecord, IntakeAnswer } from './appointment-writes.repository.ts';

const withIntake = { intakeResponses: { orderBy: { createdAt: 'asc' as const } } };

/** An appointment row with its intake answers. */
export type AppointmentWithIntake = AppointmentRecord & { intakeResponses: readonly IntakeAnswer[] };

export function toAppointmentDto(row: AppointmentWithIntake): AppointmentDto {
  return {
    id: row.id,
    serviceId: row.serviceId,
    providerId: row.providerId,
    resourceId: row.resourceId,
    status: row.status,
    startTimeUtc: row.startTimeUtc.toISOString(),
    endTimeUtc: row.endTimeUtc.toISOString(),
    clientTimezone: row.clientTimezone,
    locale: row.locale === 'es' ? 'es' : 'en',
    seats: row.seats,
    client: { name: row.clientName, email: row.clientEmail, phone: row.clientPhone },
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
    paymentStatus: row.paymentStatus,
    currency: row.currency,
    totalAmountCents: row.totalAmountCents,
    depositAmountCents: row.depositAmountCents,
    noShowFeeCents: row.noShowFeeCents,
    amountDueCents: amountDue(row),
    cardOnFile: row.stripePaymentMethodId !== null,
    rescheduledFromId: row.rescheduledFromId,
    intake: row.intakeResponses.map((response) => ({
      fieldId: response.fieldId,
      label: response.label,
      value: response.value,
    })),
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/**
 * Reads of one tenant's appointments. Every write is in
 * appointment-writes.repository.ts.
 */
export class AppointmentsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  async get(id: string): Promise<AppointmentDto> {
    return toAppointmentDto(await this.withIntake(id, undefined, { lock: false }));
  }

  /**
   * The appointment's row with its answers. With `tokenHash`, only if it is
   * its manage token's (or the token of its emails' links); otherwise not
   * found, like a missing id.
   */
  async record(id: string, tokenHash?: string): Promise<AppointmentWithIntake> {
    return this.withIntake(id, tokenHash, { lock: false });
  }

  /** The booking made with this (hashed) route and Idempotency-Key, if any. */
  async findByIdempotencyKey(keyHash: string): Promise<AppointmentWithIntake | null> {
    const row = await this.db.appointment.findFirst({
      where: { tenantId: this.tenantId, idempotencyKey: keyHash },
      include: withIntake,
    });
    return row && withAnswers(row);
  }

  /** The appointment that asked for this SetupIntent (a card saved for a no-show fee), if any. */
  async idBySetupIntent(stripeSetupIntentId: string): Promise<string | null> {
    const row = await this.db.appointment.findFirst({
      where: { tenantId: this.tenantId, stripeSetupIntentId },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  /**
   * Locks the appointment's row (FOR UPDATE) and reads it with its intake
   * answers, in one statement: every change of one appointment takes this
   * lock first, so changes of it run one after another and each sees the
   * last one's result. With `tokenHash`, only the token's owner finds it.
   */
  async lockForChange(id: string, tokenHash?: string): Promise<AppointmentWithIntake> {
    return this.withIntake(id, tokenHash, { lock: true });
  }

  /** One statement: the row and its intake answers, optionally locked (FOR UPDATE). */
  private async withIntake(
    id: string,
    tokenHash: string | undefined,
    options: { lock: boolean },
  ): Promise<AppointmentWithIntake> {
    const rows = await this.db.$queryRaw<Array<AppointmentRecord & { intake: IntakeAnswer[] }>>`
      SELECT a.*, coalesce((
               SELECT json_agg(json_build_object('fieldId', r."fieldId", 'label', r.label, 'value', r.value)
                               ORDER BY r."createdAt", r.id)
                 FROM intake_form_responses r
                WHERE r."tenantId" = a."tenantId" AND r."appointmentId" = a.id), '[]'::json) AS intake
        FROM appointments a
       WHERE a."tenantId" = ${this.tenantId}::uuid AND a.id = ${id}::uuid
         AND (${tokenHash ?? null}::text IS NULL OR a."manageTokenHash" = ${tokenHash ?? null}::text
              OR a."emailTokenHash" = ${tokenHash ?? null}::text)
       ${options.lock ? Prisma.sql`FOR UPDATE OF a` : Prisma.empty}`;
    const row = rows[0];
    if (!row) throw new NotFoundError('Appointment', id);
    const { intake, ...appointment } = row;
    return { ...appointment, intakeResponses: intake };
  }

  /** The appointment's history, oldest first. */
  /** Whether this PaymentIntent paid the booking (its PAID event), as opposed to arriving after it ended. */
  async wasPaidBy(id: string, paymentIntentId: string): Promise<boolean> {
    const count = await this.db.appointmentEvent.count({
      where: {
        tenantId: this.tenantId,
        appointmentId: id,
        type: 'PAID',
        data: { path: ['paymentIntentId'], equals: paymentIntentId },
      },
    });
    return count > 0;
  }

  async history(id: string): Promise<AppointmentEventDto[]> {
    const events = await this.db.appointmentEvent.findMany({
      where: { tenantId: this.tenantId, appointmentId: id },
      orderBy: { seq: 'asc' },
    });
    return events.map((event) => ({
      seq: Number(event.seq),
      type: event.type,
      actor: event.actor,
      data: event.data as Record<string, unknown>,
      occurredAt: event.occurredAt.toISOString(),
    }));
  }

  /** The names a staff page shows beside the appointment's ids. */
  async names(id: string): Promise<AppointmentNames> {
    const row = await this.db.appointment.findFirst({
      where: { tenantId: this.tenantId, id },
      select: namesSelect,
    });
    if (!row) throw new NotFoundError('Appointment', id);
    return namesOf(row);
  }

  /**
   * One page by start time. Every filter is a condition of the one query, which walks the
   * (tenantId, startTimeUtc) index, or (tenantId, providerId, startTimeUtc) with a provider; the
   * client search (`q`) is a residual case-insensitive contains on the rows of that range.
   */
  async list(query: {
    from?: Date;
    to?: Date;
    status?: AppointmentDto['status'];
    providerId?: string;
    serviceId?: string;
    paymentStatus?: AppointmentDto['paymentStatus'];
    q?: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<AdminAppointmentListItemDto>> {
    const page = pageQuery(query.cursor, query.limit, 'startTimeUtc');
    const search = query.q === undefined ? undefined : likeLiteral(query.q);
    const rows = await this.db.appointment.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.providerId ? { providerId: query.providerId } : {}),
        ...(query.serviceId ? { serviceId: query.serviceId } : {}),
        ...(query.paymentStatus ? { paymentStatus: query.paymentStatus } : {}),
        AND: [
          ...(query.from ? [{ startTimeUtc: { gte: query.from } }] : []),
          ...(query.to ? [{ startTimeUtc: { lt: query.to } }] : []),
          ...(search === undefined
            ? []
            : [
                {
                  OR: [
                    { clientName: { contains: search, mode: 'insensitive' as const } },
                    { clientEmail: { contains: search, mode: 'insensitive' as const } },
                  ],
                },
              ]),
        ],
      },
      include: { ...withIntake, ...namesSelect },
    });
    return toPage(
      rows,
      query.limit,
      (row) => ({ ...toAppointmentDto(withAnswers(row)), ...namesOf(row) }),
      'startTimeUtc',
    );
  }
}

export interface AppointmentNames {
  serviceName: string;
  providerName: string | null;
  resourceName: string | null;
}

const namesSelect = {
  service: { select: { name: true } },
  provider: { select: { name: true } },
  resource: { select: { name: true } },
} as const;

function namesOf(row: {
  service: { name: string };
  provider: { name: string } | null;
  resource: { name: string } | null;
}): AppointmentNames {
  return {
    serviceName: row.service.name,
    providerName: row.provider?.name ?? null,
    resourceName: row.resource?.name ?? null,
  };
}

/** A search text as LIKE reads it: %, _ and the escape character \ match only themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function withAnswers<
  T extends { intakeResponses: Array<{ fieldId: string; label: string; value: unknown }> },
>(row: T): T & { intakeResponses: IntakeAnswer[] } {
  return {
    ...row,
    intakeResponses: row.intakeResponses.map((r) => ({
      fieldId: r.fieldId,
      label: r.label,
      value: r.value as string | boolean,
    })),
  };
}
