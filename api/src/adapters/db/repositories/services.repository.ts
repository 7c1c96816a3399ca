import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { serviceRuleViolations } from '../../../domain/catalog/service-rules.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { CreateServiceBody, ServiceDto, UpdateServiceBody } from '../../../schemas/service.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

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

  /** Throws NotFoundError unless every id is a service of this tenant. */
  async assertExist(ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.db.service.findMany({
      where: { tenantId: this.tenantId, id: { in: unique } },
      select: { id: true },
    });
    const missing = unique.find((id) => !found.some((row) => row.id === id));
    if (missing) throw new NotFoundError('Service', missing);
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
      await assertResourcesExist(tx, this.tenantId, resourceIds);
      const row = await tx.service.create({
        data: {
          ...data,
          tenantId: this.tenantId,
          serviceResources: {
            create: resourceIds.map((resourceId) => ({ tenantId: this.tenantId, resourceId })),
          },
        },
        include: withResources,
      });
      return toServiceDto(row);
    });
  }

  async update(id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    const { resourceIds, ...fields } = body;
    return this.db.$transaction(async (tx) => {
      const current = await tx.service.findFirst({ where: { id, tenantId: this.tenantId } });
      if (!current) throw new NotFoundError('Service', id);
      assertValidService({ ...current, ...fields });
      if (resourceIds) {
        await assertResourcesExist(tx, this.tenantId, resourceIds);
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

async function assertResourcesExist(tx: Prisma.TransactionClient, tenantId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.resource.findMany({ where: { tenantId, id: { in: unique } }, select: { id: true } });
  const missing = unique.find((id) => !found.some((row) => row.id === id));
  if (missing) throw new NotFoundError('Resource', missing);
}
