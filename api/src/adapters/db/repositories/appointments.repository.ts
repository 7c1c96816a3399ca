import { NotFoundError } from '../../../domain/errors.ts';
import { assertStatusChange, type StatusChange } from '../../../domain/appointments/status.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { AppointmentDto } from '../../../schemas/appointment.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

type Client = Db | Prisma.TransactionClient;

const withIntake = { intakeResponses: { orderBy: { createdAt: 'asc' as const } } };
type AppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof withIntake }>;

export function toAppointmentDto(row: AppointmentRow): AppointmentDto {
  return {
    id: row.id,
    serviceId: row.serviceId,
    providerId: row.providerId,
    resourceId: row.resourceId,
    status: row.status,
    startTimeUtc: row.startTimeUtc.toISOString(),
    endTimeUtc: row.endTimeUtc.toISOString(),
    clientTimezone: row.clientTimezone,
    seats: row.seats,
    client: { name: row.clientName, email: row.clientEmail, phone: row.clientPhone },
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
    paymentStatus: row.paymentStatus,
    currency: row.currency,
    totalAmountCents: row.totalAmountCents,
    depositAmountCents: row.depositAmountCents,
    rescheduledFromId: row.rescheduledFromId,
    intake: row.intakeResponses.map((response) => ({
      fieldId: response.fieldId,
      label: response.label,
      value: response.value as string | boolean,
    })),
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/**
 * Inserts an appointment and its intake answers inside a booking transaction.
 * The answers are written separately: a nested create cannot fill their
 * composite (tenantId, appointmentId) key.
 */
export async function insertAppointment(
  tx: Prisma.TransactionClient,
  data: Prisma.AppointmentUncheckedCreateInput & { id: string; tenantId: string },
  answers: ReadonlyArray<{ fieldId: string; label: string; value: Prisma.InputJsonValue }>,
): Promise<AppointmentRow> {
  const created = await tx.appointment.create({ data, include: withIntake });
  if (answers.length === 0) return created;
  await tx.intakeFormResponse.createMany({
    data: answers.map((answer) => ({ ...answer, tenantId: data.tenantId, appointmentId: data.id })),
  });
  return tx.appointment.findUniqueOrThrow({ where: { id: data.id }, include: withIntake });
}

/** Reads and status changes of one tenant's appointments. Booking itself is in use-cases/book-appointment.ts. */
export class AppointmentsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async get(id: string, client: Client = this.db): Promise<AppointmentDto> {
    return toAppointmentDto(await this.row(id, client));
  }

  /** The appointment, if `tokenHash` is its manage token's; otherwise not found, like a missing id. */
  async getWithToken(id: string, tokenHash: string): Promise<AppointmentRow> {
    const row = await this.db.appointment.findFirst({
      where: { id, tenantId: this.tenantId, manageTokenHash: tokenHash },
      include: withIntake,
    });
    if (!row) throw new NotFoundError('Appointment', id);
    return row;
  }

  /** What was paid for an appointment and not refunded, in minor units. */
  async paidCents(appointmentId: string): Promise<number> {
    const payments = await this.db.payment.findMany({
      where: { tenantId: this.tenantId, appointmentId, status: 'SUCCEEDED' },
      select: {
        amountCents: true,
        refunds: { where: { status: 'SUCCEEDED' }, select: { amountCents: true } },
      },
    });
    return payments.reduce(
      (sum, payment) =>
        sum + payment.amountCents - payment.refunds.reduce((r, refund) => r + refund.amountCents, 0),
      0,
    );
  }

  async list(query: {
    from?: Date;
    to?: Date;
    status?: AppointmentDto['status'];
    providerId?: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<AppointmentDto>> {
    const page = pageQuery(query.cursor, query.limit, 'startTimeUtc');
    const rows = await this.db.appointment.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.providerId ? { providerId: query.providerId } : {}),
        AND: [
          ...(query.from ? [{ startTimeUtc: { gte: query.from } }] : []),
          ...(query.to ? [{ startTimeUtc: { lt: query.to } }] : []),
        ],
      },
      include: withIntake,
    });
    return toPage(rows, query.limit, toAppointmentDto, 'startTimeUtc');
  }

  /**
   * Applies a status change if the appointment's status (re-read under a row
   * lock) allows it; InvalidStateError otherwise.
   */
  async changeStatus(
    id: string,
    change: Exclude<StatusChange, 'reschedule'>,
    now: Date,
    actor: 'client' | 'admin',
    reason?: string,
  ): Promise<AppointmentDto> {
    return this.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM appointments WHERE id = ${id}::uuid AND "tenantId" = ${this.tenantId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError('Appointment', id);
      const current = await this.row(id, tx);
      assertStatusChange(current, change, now, actor);
      const data =
        change === 'cancel'
          ? {
              status: 'CANCELLED' as const,
              cancelledAt: now,
              cancellationReason: reason ?? `cancelled by ${actor}`,
            }
          : change === 'complete'
            ? { status: 'COMPLETED' as const, completedAt: now }
            : { status: 'NO_SHOW' as const };
      await tx.appointment.update({ where: { id }, data });
      return this.get(id, tx);
    });
  }

  private async row(id: string, client: Client): Promise<AppointmentRow> {
    const row = await client.appointment.findFirst({
      where: { id, tenantId: this.tenantId },
      include: withIntake,
    });
    if (!row) throw new NotFoundError('Appointment', id);
    return row;
  }
}
