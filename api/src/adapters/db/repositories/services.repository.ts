import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { serviceRuleViolations } from '../../../domain/catalog/service-rules.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { CreateServiceBody, ServiceDto, UpdateServiceBody } from '../../../schemas/service.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import { assertTenantOwns } from '../tenant-references.ts';

const withResources = { serviceResources: { select: { resourceId: true } } } as const;
type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof withResources }>;

export function toServiceDto(row: ServiceRow): ServiceDto {
  const { serviceResources, tenantId: _tenantId, ...fields } = row;
  return {
    ...fields,
    resourceIds: serviceResources.map((link) => link.resourceId).sort(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export class ServicesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number; active?: boolean }): Promise<Page<ServiceDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.service.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.active === undefined ? {} : { active: query.active }),
      },
      include: withResources,
    });
    return toPage(rows, query.limit, toServiceDto);
  }

  async get(id: string): Promise<ServiceDto> {
    const row = await this.db.service.findFirst({
      where: { id, tenantId: this.tenantId },
      include: withResources,
    });
    if (!row) throw new NotFoundError('Service', id);
    return toServiceDto(row);
  }

  async create(body: CreateServiceBody, tenantCurrency: string): Promise<ServiceDto> {
    const { resourceIds, ...fields } = body;
    const data = {
      ...fields,
      slotIntervalMinutes: fields.slotIntervalMinutes ?? fields.durationMinutes,
      currency: fields.currency ?? tenantCurrency,
    };
    assertValidService(data);
    return this.db.$transaction(async (tx) => {
      await assertTenantOwns(tx, this.tenantId, 'Resource', resourceIds);
      // Linked rows are written separately: a nested create cannot fill the composite (tenantId, serviceId) key.
      const { id } = await tx.service.create({ data: { ...data, tenantId: this.tenantId } });
      await tx.serviceResource.createMany({
        data: resourceIds.map((resourceId) => ({ tenantId: this.tenantId, serviceId: id, resourceId })),
      });
      return toServiceDto(await tx.service.findUniqueOrThrow({ where: { id }, include: withResources }));
    });
  }

  async update(id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    const { resourceIds, ...fields } = body;
    return this.db.$transaction(async (tx) => {
      const current = await tx.service.findFirst({ where: { id, tenantId: this.tenantId } });
      if (!current) throw new NotFoundError('Service', id);
      assertValidService({ ...current, ...fields });
      if (resourceIds) {
        await assertTenantOwns(tx, this.tenantId, 'Resource', resourceIds);
        await tx.serviceResource.deleteMany({ where: { tenantId: this.tenantId, serviceId: id } });
        await tx.serviceResource.createMany({
          data: resourceIds.map((resourceId) => ({ tenantId: this.tenantId, serviceId: id, resourceId })),
          skipDuplicates: true,
        });
      }
      const row = await tx.service.update({
        where: { id, tenantId: this.tenantId },
        data: fields,
        include: withResources,
      });
      return toServiceDto(row);
    });
  }

  /** Services are deactivated, never deleted: appointments and reports refer to them. */
  async deactivate(id: string): Promise<ServiceDto> {
    const { count } = await this.db.service.updateMany({
      where: { id, tenantId: this.tenantId },
      data: { active: false },
    });
    if (count === 0) throw new NotFoundError('Service', id);
    return this.get(id);
  }
}

function assertValidService(service: Parameters<typeof serviceRuleViolations>[0]): void {
  const problems = serviceRuleViolations(service);
  if (problems.length > 0) throw new ValidationError('The service is not consistent.', problems);
}
