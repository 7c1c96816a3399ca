import type { StoredOverride, StoredRule } from '../../../domain/availability/schedule-resolution.ts';
import type { IntakeField } from '../../../domain/appointments/intake.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import { busyTimesSql, toBusyTimes, type BusyRow, type BusyTimes } from '../busy-times-sql.ts';
import type { Db } from '../prisma-client.ts';
import { DAY } from '../../../domain/time-units.ts';
import type { PaymentMode } from '../../../generated/prisma/enums.ts';

/**
 * Reads what the slot engine and the booking use cases need, scoped to one
 * tenant. Works on the client or inside a transaction (the booking re-reads
 * busy times after taking its locks).
 */

type Client = Db | Prisma.TransactionClient;

export type { BusyTimes };

export interface BookableService {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  capacity: number;
  priceBaseCents: number;
  currency: string;
  paymentMode: PaymentMode;
  depositCents: number | null;
  depositPercent: number | null;
  noShowFeeCents: number | null;
  noShowFeePercent: number | null;
  zone: string;
  resourceIds: string[];
  intakeFields: IntakeField[];
  providers: Array<{ id: string; zone: string; priceCents: number }>;
}

/** What the slot engine needs of a service: everything but the intake form. */
export type SlotService = Omit<BookableService, 'intakeFields'>;

/** One service row as built by the query in readService, before defaults are applied. */
interface ServiceJson extends Omit<SlotService, 'zone' | 'resourceIds' | 'providers'> {
  timezone: string | null;
  tenantTimezone: string;
  resourceIds: string[];
  providers: Array<{ id: string; timezone: string | null; priceOverrideCents: number | null }>;
  intakeFields?: IntakeField[];
}

export class BookingDataRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** An active service with its active providers, resources and intake form; NotFoundError otherwise. */
  async service(serviceId: string): Promise<BookableService> {
    const { intakeFields, ...service } = await this.readService(serviceId, true);
    return { ...service, intakeFields: intakeFields ?? [] };
  }

  /** As service(), without the intake form: what availability needs. */
  async serviceForSlots(serviceId: string): Promise<SlotService> {
    return this.readService(serviceId, false);
  }

  /**
   * One statement for the service, its tenant's zone, its active providers and
   * resources and (when asked) its active intake fields, built as one JSON
   * document. Prisma's `include` costs a statement per relation (six here).
   */
  private async readService(
    serviceId: string,
    withIntake: boolean,
  ): Promise<SlotService & { intakeFields?: IntakeField[] }> {
    const intake = withIntake
      ? Prisma.sql`, 'intakeFields', (
          SELECT COALESCE(json_agg(json_build_object(
                   'id', f.id, 'label', f.label, 'fieldType', f."fieldType",
                   'required', f.required, 'options', f.options)
                   ORDER BY f."sortOrder", f."createdAt"), '[]')
            FROM intake_form_fields f
           WHERE f."tenantId" = s."tenantId" AND f."serviceId" = s.id AND f.active)`
      : Prisma.empty;
    const rows = await this.db.$queryRaw<Array<{ service: string }>>`
      SELECT json_build_object(
               'id', s.id, 'name', s.name, 'durationMinutes', s."durationMinutes",
               'bufferBeforeMinutes', s."bufferBeforeMinutes", 'bufferAfterMinutes', s."bufferAfterMinutes",
               'slotIntervalMinutes', s."slotIntervalMinutes", 'minimumNoticeMinutes', s."minimumNoticeMinutes",
               'bookingWindowDays', s."bookingWindowDays", 'capacity', s.capacity,
               'priceBaseCents', s."priceBaseCents", 'currency', s.currency, 'paymentMode', s."paymentMode",
               'depositCents', s."depositCents", 'depositPercent', s."depositPercent",
               'noShowFeeCents', s."noShowFeeCents", 'noShowFeePercent', s."noShowFeePercent",
               'timezone', s.timezone, 'tenantTimezone', t.timezone,
               'resourceIds', ARRAY(
                 SELECT sr."resourceId"
                   FROM service_resources sr
                   JOIN resources r ON r."tenantId" = sr."tenantId" AND r.id = sr."resourceId"
                  WHERE sr."tenantId" = s."tenantId" AND sr."serviceId" = s.id AND r.active),
               'providers', (
                 SELECT COALESCE(json_agg(json_build_object(
                          'id', p.id, 'timezone', p.timezone, 'priceOverrideCents', ps."priceOverrideCents")), '[]')
                   FROM provider_services ps
                   JOIN providers p ON p."tenantId" = ps."tenantId" AND p.id = ps."providerId"
                  WHERE ps."tenantId" = s."tenantId" AND ps."serviceId" = s.id AND p.active)
               ${intake}
             )::text AS service
        FROM services s
        JOIN tenants t ON t.id = s."tenantId"
       WHERE s.id = ${serviceId}::uuid AND s."tenantId" = ${this.tenantId}::uuid AND s.active`;
    if (!rows[0]) throw new NotFoundError('Service', serviceId);
    const { timezone, tenantTimezone, providers, resourceIds, ...row } = JSON.parse(
      rows[0].service,
    ) as ServiceJson;
    const zone = timezone ?? tenantTimezone;
    return {
      ...row,
      zone,
      resourceIds: resourceIds.sort(),
      providers: providers
        .map((provider) => ({
          id: provider.id,
          zone: provider.timezone ?? zone,
          priceCents: provider.priceOverrideCents ?? row.priceBaseCents,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
  }

  /**
   * What the slot engine needs besides the service, in one statement: the
   * weekly rules and date overrides that can affect these providers for this
   * service around [from, to), and the time held on them and on the service's
   * resources within [busyFrom, busyTo) (see busy-times-sql.ts). One statement
   * instead of two saves a round trip and, in a booking, a pool connection.
   */
  async slotData(query: {
    serviceId: string;
    providerIds: readonly string[];
    resourceIds: readonly string[];
    from: number;
    to: number;
    busyFrom: number;
    busyTo: number;
    now: Date;
    excludeAppointmentId?: string | undefined;
  }): Promise<{ rules: StoredRule[]; overrides: StoredOverride[]; busy: BusyTimes }> {
    const providerIds = [...query.providerIds];
    // Local dates differ from UTC dates by at most a day; two days of margin is safe.
    const firstDate = new Date(query.from - 2 * DAY).toISOString().slice(0, 10);
    const lastDate = new Date(query.to + 2 * DAY).toISOString().slice(0, 10);
    const busy = busyTimesSql({
      tenantId: this.tenantId,
      providerIds,
      resourceIds: query.resourceIds,
      from: query.busyFrom,
      to: query.busyTo,
      now: query.now,
      excludeAppointmentId: query.excludeAppointmentId,
    });
    // A `date` becomes "YYYY-MM-DD" in JSON, the form the domain uses.
    const [row] = await this.db.$queryRaw<Array<{ rules: string; overrides: string; busy: string }>>`
      SELECT
        (SELECT COALESCE(json_agg(json_build_object(
                  'providerId', "providerId", 'serviceId', "serviceId", 'dayOfWeek', "dayOfWeek",
                  'startTime', "startTime", 'endTime', "endTime",
                  'effectiveFrom', "effectiveFrom", 'effectiveTo', "effectiveTo")), '[]')
           FROM availability_rules
          WHERE "tenantId" = ${this.tenantId}::uuid
            AND ("providerId" = ANY(${providerIds}::uuid[]) OR ("providerId" IS NULL AND "serviceId" = ${query.serviceId}::uuid))
        )::text AS rules,
        (SELECT COALESCE(json_agg(json_build_object(
                  'providerId', "providerId", 'date', date, 'closed', closed,
                  'startTime', "startTime", 'endTime', "endTime")), '[]')
           FROM availability_overrides
          WHERE "tenantId" = ${this.tenantId}::uuid
            AND ("providerId" = ANY(${providerIds}::uuid[]) OR "providerId" IS NULL)
            AND date BETWEEN ${firstDate}::date AND ${lastDate}::date
        )::text AS overrides,
        (SELECT COALESCE(json_agg(held), '[]') FROM (${busy}) held)::text AS busy`;
    return {
      rules: JSON.parse(row!.rules) as StoredRule[],
      overrides: JSON.parse(row!.overrides) as StoredOverride[],
      busy: toBusyTimes(JSON.parse(row!.busy) as BusyRow[]),
    };
  }

  /** For "any available": each provider's live bookings in [dayStart, dayEnd) and latest booking time. */
  async providerLoad(
    providerIds: readonly string[],
    dayStart: number,
    dayEnd: number,
  ): Promise<Array<{ id: string; bookingsThatDay: number; lastBookedAt: number | null }>> {
    const [day, latest] = await Promise.all([
      this.db.appointment.groupBy({
        by: ['providerId'],
        where: {
          tenantId: this.tenantId,
          providerId: { in: [...providerIds] },
          status: { in: ['PENDING', 'CONFIRMED'] },
          startTimeUtc: { gte: new Date(dayStart), lt: new Date(dayEnd) },
        },
        _count: { _all: true },
      }),
      this.db.appointment.groupBy({
        by: ['providerId'],
        where: { tenantId: this.tenantId, providerId: { in: [...providerIds] } },
        _max: { createdAt: true },
      }),
    ]);
    return providerIds.map((id) => ({
      id,
      bookingsThatDay: day.find((row) => row.providerId === id)?._count._all ?? 0,
      lastBookedAt: latest.find((row) => row.providerId === id)?._max.createdAt?.getTime() ?? null,
    }));
  }
}
