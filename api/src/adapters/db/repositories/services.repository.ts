import { NotFoundError, SlugTakenError, ValidationError } from '../../../domain/errors.ts';
import { serviceSlugFor } from '../../../domain/catalog/service-slug.ts';
import { slugify } from '../../../domain/tenancy/slug.ts';
import { isUniqueViolation } from '../database-errors.ts';
import { serviceRuleViolations } from '../../../domain/catalog/service-rules.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { CreateServiceBody, ServiceDto, UpdateServiceBody } from '../../../schemas/service.schemas.ts';
import type { Client, Db } from '../prisma-client.ts';
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
    // A slug made from the name may be taken between our read and the insert (two services of
    // the same name created at once): the unique index refuses one, which tries the next number.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          await assertTenantOwns(tx, this.tenantId, 'Resource', resourceIds);
          const slug = data.slug ?? (await this.freeSlug(tx, data.name));
          // Linked rows are written separately: a nested create cannot fill the composite (tenantId, serviceId) key.
          const { id } = await tx.service.create({ data: { ...data, slug, tenantId: this.tenantId } });
          await tx.serviceResource.createMany({
            data: resourceIds.map((resourceId) => ({ tenantId: this.tenantId, serviceId: id, resourceId })),
          });
          return toServiceDto(await tx.service.findUniqueOrThrow({ where: { id }, include: withResources }));
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (data.slug !== undefined) throw slugTaken(data.slug);
        if (attempt >= 5)
          throw new SlugTakenError('Could not find a free slug for the service: please give one.');
      }
    }
  }

  private async freeSlug(tx: Pick<Client, 'service'>, name: string): Promise<string> {
    const base = slugify(name) || 'service';
    const rows = await tx.service.findMany({
      where: { tenantId: this.tenantId, slug: { startsWith: base.slice(0, 36) } },
      select: { slug: true },
    });
    return serviceSlugFor(name, new Set(rows.map((row) => row.slug)));
  }

  async update(id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    const { resourceIds, ...fields } = body;
    return this.db
      .$transaction(async (tx) => {
        const current = await tx.service.findFirst({ where: { id, tenantId: this.tenantId } });
        if (!current) throw new NotFoundError('Service', id);
        assertValidService({ ...current, ...fields });
        if (fields.locationId) await assertTenantOwns(tx, this.tenantId, 'Location', [fields.locationId]);
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
      })
      .catch((error: unknown) => {
        if (fields.slug !== undefined && isUniqueViolation(error)) throw slugTaken(fields.slug);
        throw error;
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

function slugTaken(slug: string): SlugTakenError {
  return new SlugTakenError(`Another service has the slug "${slug}".`, [
    { path: 'slug', message: 'is taken' },
  ]);
}

function assertValidService(service: Parameters<typeof serviceRuleViolations>[0]): void {
  const problems = serviceRuleViolations(service);
  if (problems.length > 0) throw new ValidationError('The service is not consistent.', problems);
}
