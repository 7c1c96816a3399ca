import { NotFoundError } from '../../../domain/errors.ts';
import type { Resource } from '../../../generated/prisma/client.ts';
import type {
  CreateResourceBody,
  ResourceDto,
  UpdateResourceBody,
} from '../../../schemas/resource.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

export function toResourceDto(row: Resource): ResourceDto {
  const { tenantId: _tenantId, ...fields } = row;
  return { ...fields, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export class ResourcesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number; active?: boolean }): Promise<Page<ResourceDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.resource.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.active === undefined ? {} : { active: query.active }),
      },
    });
    return toPage(rows, query.limit, toResourceDto);
  }

  async get(id: string): Promise<ResourceDto> {
    const row = await this.db.resource.findFirst({ where: { id, tenantId: this.tenantId } });
    if (!row) throw new NotFoundError('Resource', id);
    return toResourceDto(row);
  }

  async create(body: CreateResourceBody): Promise<ResourceDto> {
    return toResourceDto(await this.db.resource.create({ data: { ...body, tenantId: this.tenantId } }));
  }

  async update(id: string, body: UpdateResourceBody): Promise<ResourceDto> {
    const { count } = await this.db.resource.updateMany({
      where: { id, tenantId: this.tenantId },
      data: body,
    });
    if (count === 0) throw new NotFoundError('Resource', id);
    return this.get(id);
  }

  /** Resources are deactivated, never deleted: appointments refer to them. */
  async deactivate(id: string): Promise<ResourceDto> {
    return this.update(id, { active: false });
  }
}
