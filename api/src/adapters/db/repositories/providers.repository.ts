import { NotFoundError } from '../../../domain/errors.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type {
  CreateProviderBody,
  ProviderDto,
  SetProviderServicesBody,
  UpdateProviderBody,
} from '../../../schemas/provider.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { assertTenantOwns } from '../tenant-references.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

const withServices = {
  providerServices: { select: { serviceId: true, priceOverrideCents: true }, orderBy: { serviceId: 'asc' } },
} as const;
type ProviderRow = Prisma.ProviderGetPayload<{ include: typeof withServices }>;

export function toProviderDto(row: ProviderRow): ProviderDto {
  const { providerServices, tenantId: _tenantId, ...fields } = row;
  return {
    ...fields,
    services: providerServices.map(({ serviceId, priceOverrideCents }) => ({
      serviceId,
      priceOverrideCents,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export class ProvidersRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number; active?: boolean }): Promise<Page<ProviderDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.provider.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.active === undefined ? {} : { active: query.active }),
      },
      include: withServices,
    });
    return toPage(rows, query.limit, toProviderDto);
  }

  async get(id: string): Promise<ProviderDto> {
    const row = await this.db.provider.findFirst({
      where: { id, tenantId: this.tenantId },
      include: withServices,
    });
    if (!row) throw new NotFoundError('Provider', id);
    return toProviderDto(row);
  }

  async create(body: CreateProviderBody): Promise<ProviderDto> {
    const row = await this.db.provider.create({
      data: { ...body, tenantId: this.tenantId },
      include: withServices,
    });
    return toProviderDto(row);
  }

  async update(id: string, body: UpdateProviderBody): Promise<ProviderDto> {
    const { count } = await this.db.provider.updateMany({
      where: { id, tenantId: this.tenantId },
      data: body,
    });
    if (count === 0) throw new NotFoundError('Provider', id);
    return this.get(id);
  }

  /** Providers are deactivated, never deleted: appointments and availability refer to them. */
  async deactivate(id: string): Promise<ProviderDto> {
    return this.update(id, { active: false });
  }

  /** Replaces the services the provider offers, all or nothing. */
  async setServices(id: string, services: SetProviderServicesBody): Promise<ProviderDto> {
    return this.db.$transaction(async (tx) => {
      // Touching the provider first locks its row, so concurrent replacements run one after the other.
      const { count } = await tx.provider.updateMany({
        where: { id, tenantId: this.tenantId },
        data: { updatedAt: new Date() },
      });
      if (count === 0) throw new NotFoundError('Provider', id);
      await assertTenantOwns(
        tx,
        this.tenantId,
        'Service',
        services.map((item) => item.serviceId),
      );
      await tx.providerService.deleteMany({ where: { tenantId: this.tenantId, providerId: id } });
      await tx.providerService.createMany({
        data: services.map((item) => ({ ...item, tenantId: this.tenantId, providerId: id })),
      });
      const row = await tx.provider.findFirstOrThrow({
        where: { id, tenantId: this.tenantId },
        include: withServices,
      });
      return toProviderDto(row);
    });
  }
}
