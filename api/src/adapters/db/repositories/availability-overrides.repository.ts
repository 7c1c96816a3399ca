import { dateRangeViolations, overrideViolations } from '../../../domain/availability/rule-validation.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { AvailabilityOverride } from '../../../generated/prisma/client.ts';
import type {
  AvailabilityOverrideDto,
  AvailabilityOverrideListQuery,
  CreateAvailabilityOverrideBody,
} from '../../../schemas/availability.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import { fromDbDate, toDbDate } from '../db-date.ts';
import { assertTenantOwns } from '../tenant-references.ts';

export function toAvailabilityOverrideDto(row: AvailabilityOverride): AvailabilityOverrideDto {
  return {
    id: row.id,
    providerId: row.providerId,
    date: fromDbDate(row.date),
    closed: row.closed,
    startTime: row.startTime,
    endTime: row.endTime,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Closed days and special hours on one date, for one provider or (providerId null) the whole business. */
export class AvailabilityOverridesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: AvailabilityOverrideListQuery): Promise<Page<AvailabilityOverrideDto>> {
    const problems = dateRangeViolations(query);
    if (problems.length > 0) throw new ValidationError('The date range is empty.', problems);
    if (query.providerId !== undefined)
      await assertTenantOwns(this.db, this.tenantId, 'Provider', [query.providerId]);
    const page = pageQuery(query.cursor, query.limit);
    const date = {
      ...(query.from === undefined ? {} : { gte: toDbDate(query.from) }),
      ...(query.to === undefined ? {} : { lte: toDbDate(query.to) }),
    };
    const rows = await this.db.availabilityOverride.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        date,
        ...(query.providerId === undefined ? {} : { providerId: query.providerId }),
      },
    });
    return toPage(rows, query.limit, toAvailabilityOverrideDto);
  }

  async create(body: CreateAvailabilityOverrideBody): Promise<AvailabilityOverrideDto> {
    const problems = overrideViolations(body);
    if (problems.length > 0) throw new ValidationError('The override is not consistent.', problems);
    if (body.providerId !== undefined)
      await assertTenantOwns(this.db, this.tenantId, 'Provider', [body.providerId]);
    const closed = body.closed === true;
    const row = await this.db.availabilityOverride.create({
      data: {
        tenantId: this.tenantId,
        providerId: body.providerId ?? null,
        date: toDbDate(body.date),
        closed,
        startTime: closed ? null : (body.startTime ?? null),
        endTime: closed ? null : (body.endTime ?? null),
        reason: body.reason || null,
      },
    });
    return toAvailabilityOverrideDto(row);
  }

  async delete(id: string): Promise<void> {
    const { count } = await this.db.availabilityOverride.deleteMany({
      where: { id, tenantId: this.tenantId },
    });
    if (count === 0) throw new NotFoundError('Availability override', id);
  }
}
