import { ConflictError, LocationInUseError, NotFoundError } from '../../../domain/errors.ts';
import type { Location } from '../../../generated/prisma/client.ts';
import type {
  CreateLocationBody,
  LocationDto,
  UpdateLocationBody,
} from '../../../schemas/location.schemas.ts';
import { isUniqueViolation, sqlState } from '../database-errors.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

export function toLocationDto(row: Location): LocationDto {
  const { tenantId: _tenantId, ...fields } = row;
  return { ...fields, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Places where the tenant's services are performed; a name is unique per tenant. */
export class LocationsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number; active?: boolean }): Promise<Page<LocationDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.location.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.active === undefined ? {} : { active: query.active }),
      },
    });
    return toPage(rows, query.limit, toLocationDto);
  }

  async get(id: string): Promise<LocationDto> {
    const row = await this.db.location.findFirst({ where: { id, tenantId: this.tenantId } });
    if (!row) throw new NotFoundError('Location', id);
    return toLocationDto(row);
  }

  async create(body: CreateLocationBody): Promise<LocationDto> {
    try {
      return toLocationDto(await this.db.location.create({ data: { ...body, tenantId: this.tenantId } }));
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken(body.name) : error;
    }
  }

  async update(id: string, body: UpdateLocationBody): Promise<LocationDto> {
    try {
      const { count } = await this.db.location.updateMany({
        where: { id, tenantId: this.tenantId },
        data: body,
      });
      if (count === 0) throw new NotFoundError('Location', id);
    } catch (error) {
      throw isUniqueViolation(error) && body.name !== undefined ? nameTaken(body.name) : error;
    }
    return this.get(id);
  }

  /**
   * Deletes a location no service names. One that is in use stays (409 location_in_use): the
   * services would silently lose their address; deactivate it or move the services first.
   */
  async delete(id: string): Promise<void> {
    await this.db
      .$transaction(async (tx) => {
        const location = await tx.location.findFirst({
          where: { id, tenantId: this.tenantId },
          select: { id: true },
        });
        if (!location) throw new NotFoundError('Location', id);
        const services = await tx.service.findMany({
          where: { tenantId: this.tenantId, locationId: id },
          select: { name: true },
          orderBy: { name: 'asc' },
          take: 5,
        });
        if (services.length > 0) {
          throw new LocationInUseError(
            `Services are performed here (${services.map((s) => s.name).join(', ')}): ` +
              'choose another location for them first, or deactivate this one.',
          );
        }
        await tx.location.deleteMany({ where: { id, tenantId: this.tenantId } });
      })
      .catch((error: unknown) => {
        // A service named it between the check and the delete: the foreign key refused (23503).
        if (sqlState(error) === '23503' || (error as { code?: string })?.code === 'P2003') {
          throw new LocationInUseError(
            'A service is performed here now: choose another location for it first.',
          );
        }
        throw error;
      });
  }
}

function nameTaken(name: string): ConflictError {
  return new ConflictError(`Another location is called "${name}".`, [{ path: 'name', message: 'is taken' }]);
}
