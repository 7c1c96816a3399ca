import type { StoredOverride, StoredRule } from '../../../domain/availability/schedule-resolution.ts';
import type { Busy } from '../../../domain/availability/slots.ts';
import type { IntakeField } from '../../../domain/appointments/intake.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import { fromDbDate, toDbDate } from '../db-date.ts';
import type { Db } from '../prisma-client.ts';

/**
 * Reads what the slot engine and the booking use cases need, scoped to one
 * tenant. Works on the client or inside a transaction (the booking re-reads
 * busy times after taking its locks).
 */

type Client = Db | Prisma.TransactionClient;

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
  paymentMode: 'NONE' | 'DEPOSIT' | 'FULL';
  depositCents: number | null;
  depositPercent: number | null;
  zone: string;
  resourceIds: string[];
  intakeFields: IntakeField[];
  providers: Array<{ id: string; zone: string; priceCents: number }>;
}

export interface BusyTimes {
  byProvider: Map<string, Busy[]>;
  byResource: Map<string, Busy[]>;
}

export class BookingDataRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** An active service with its active providers and resources; NotFoundError otherwise. */
  async service(serviceId: string): Promise<BookableService> {
    const row = await this.db.service.findFirst({
      where: { id: serviceId, tenantId: this.tenantId, active: true },
      include: {
        tenant: { select: { timezone: true } },
        serviceResources: { where: { resource: { active: true } }, select: { resourceId: true } },
        intakeFormFields: { where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }] },
        providerServices: {
          where: { provider: { active: true } },
          include: { provider: { select: { id: true, timezone: true } } },
        },
      },
    });
    if (!row) throw new NotFoundError('Service', serviceId);
    const zone = row.timezone ?? row.tenant.timezone;
    return {
      ...row,
      zone,
      resourceIds: row.serviceResources.map((link) => link.resourceId).sort(),
      intakeFields: row.intakeFormFields,
      providers: row.providerServices
        .map((link) => ({
          id: link.provider.id,
          zone: link.provider.timezone ?? zone,
          priceCents: link.priceOverrideCents ?? row.priceBaseCents,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
  }

  /** Weekly rules and overrides that can affect these providers for this service around [from, to). */
  async schedules(
    serviceId: string,
    providerIds: readonly string[],
    from: number,
    to: number,
  ): Promise<{ rules: StoredRule[]; overrides: StoredOverride[] }> {
    const DAY = 86_400_000;
    const [rules, overrides] = await Promise.all([
      this.db.availabilityRule.findMany({
        where: {
          tenantId: this.tenantId,
          OR: [{ providerId: { in: [...providerIds] } }, { providerId: null, serviceId }],
        },
      }),
      this.db.availabilityOverride.findMany({
        where: {
          tenantId: this.tenantId,
          OR: [{ providerId: { in: [...providerIds] } }, { providerId: null }],
          // Local dates differ from UTC dates by at most a day; two days of margin is safe.
          date: {
            gte: toDbDate(new Date(from - 2 * DAY).toISOString().slice(0, 10)),
            lte: toDbDate(new Date(to + 2 * DAY).toISOString().slice(0, 10)),
          },
        },
      }),
    ]);
    return {
      rules: rules.map((rule) => ({
        providerId: rule.providerId,
        serviceId: rule.serviceId,
        dayOfWeek: rule.dayOfWeek,
        startTime: rule.startTime,
        endTime: rule.endTime,
        effectiveFrom: rule.effectiveFrom && fromDbDate(rule.effectiveFrom),
        effectiveTo: rule.effectiveTo && fromDbDate(rule.effectiveTo),
      })),
      overrides: overrides.map((override) => ({
        providerId: override.providerId,
        date: fromDbDate(override.date),
        closed: override.closed,
        startTime: override.startTime,
        endTime: override.endTime,
      })),
    };
  }

  /**
   * Time held on these providers and resources within [from, to): live
   * appointments (CONFIRMED, and PENDING holds not yet expired at `now`) with
   * their buffers, and external busy blocks.
   */
  async busy(
    providerIds: readonly string[],
    resourceIds: readonly string[],
    from: number,
    to: number,
    now: Date,
    options: { excludeAppointmentId?: string } = {},
  ): Promise<BusyTimes> {
    // The availability hot path: a month can hold thousands of busy intervals.
    // One row per provider/resource with the intervals as a JSON array (parsed
    // natively) costs far less than one driver row per interval.
    const exclude = options.excludeAppointmentId ?? '00000000-0000-0000-0000-000000000000';
    const [appointments, blocks] = await Promise.all([
      this.db.$queryRaw<Array<{ providerId: string | null; resourceId: string | null; intervals: string }>>`
        SELECT "providerId", "resourceId",
               json_agg(json_build_array(
                 (extract(epoch FROM "occupiedStartUtc") * 1000)::float8,
                 (extract(epoch FROM "occupiedEndUtc") * 1000)::float8,
                 "sessionKey", seats))::text AS intervals
          FROM appointments
         WHERE "tenantId" = ${this.tenantId}::uuid
           AND status IN ('PENDING', 'CONFIRMED')
           AND (status = 'CONFIRMED' OR "holdExpiresAt" > ${now})
           AND ("providerId" = ANY(${[...providerIds]}::uuid[]) OR "resourceId" = ANY(${[...resourceIds]}::uuid[]))
           AND "occupiedStartUtc" < ${new Date(to)} AND "occupiedEndUtc" > ${new Date(from)}
           AND id <> ${exclude}::uuid
         GROUP BY "providerId", "resourceId"`,
      providerIds.length === 0
        ? []
        : this.db.$queryRaw<Array<{ providerId: string; intervals: string }>>`
            SELECT "providerId",
                   json_agg(json_build_array(
                     (extract(epoch FROM "startTimeUtc") * 1000)::float8,
                     (extract(epoch FROM "endTimeUtc") * 1000)::float8,
                     'busy-block:' || id, 0))::text AS intervals
              FROM busy_blocks
             WHERE "tenantId" = ${this.tenantId}::uuid
               AND "providerId" = ANY(${[...providerIds]}::uuid[])
               AND "startTimeUtc" < ${new Date(to)} AND "endTimeUtc" > ${new Date(from)}
             GROUP BY "providerId"`,
    ]);

    const busy: BusyTimes = { byProvider: new Map(), byResource: new Map() };
    const add = (map: Map<string, Busy[]>, key: string, entries: Busy[]) => {
      const list = map.get(key);
      if (list) list.push(...entries);
      else map.set(key, entries);
    };
    const parse = (json: string): Busy[] =>
      (JSON.parse(json) as Array<[number, number, string, number]>).map(
        ([start, end, sessionKey, seats]) => ({
          start,
          end,
          sessionKey,
          seats,
        }),
      );
    for (const row of appointments) {
      const entries = parse(row.intervals);
      if (row.providerId) add(busy.byProvider, row.providerId, entries);
      if (row.resourceId) add(busy.byResource, row.resourceId, [...entries]);
    }
    for (const row of blocks) add(busy.byProvider, row.providerId, parse(row.intervals));
    return busy;
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
