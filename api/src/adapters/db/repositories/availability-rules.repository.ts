import { ruleViolations, type RuleOwner } from '../../../domain/availability/rule-validation.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { AvailabilityRule, Prisma } from '../../../generated/prisma/client.ts';
import type { AvailabilityRuleDto, PutAvailabilityBody } from '../../../schemas/availability.schemas.ts';
import type { Db } from '../prisma-client.ts';

type Client = Db | Prisma.TransactionClient;

/** "YYYY-MM-DD" ↔ a @db.Date column, always at UTC midnight so the host's zone never shifts the day. */
export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toAvailabilityRuleDto(row: AvailabilityRule): AvailabilityRuleDto {
  return {
    id: row.id,
    serviceId: row.serviceId,
    providerId: row.providerId,
    dayOfWeek: row.dayOfWeek,
    startTime: row.startTime,
    endTime: row.endTime,
    effectiveFrom: row.effectiveFrom && fromDbDate(row.effectiveFrom),
    effectiveTo: row.effectiveTo && fromDbDate(row.effectiveTo),
  };
}

/** Throws NotFoundError unless every id is a provider of this tenant. */
export async function assertProvidersExist(
  db: Client,
  tenantId: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db.provider.findMany({ where: { tenantId, id: { in: unique } }, select: { id: true } });
  const missing = unique.find((id) => !found.some((row) => row.id === id));
  if (missing) throw new NotFoundError('Provider', missing);
}

async function assertServicesExist(db: Client, tenantId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db.service.findMany({ where: { tenantId, id: { in: unique } }, select: { id: true } });
  const missing = unique.find((id) => !found.some((row) => row.id === id));
  if (missing) throw new NotFoundError('Service', missing);
}

/**
 * Weekly availability rules, read and replaced per owner: all rules whose
 * providerId (or serviceId) is the owner's id, whatever their other id.
 */
export class AvailabilityRulesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(owner: RuleOwner): Promise<AvailabilityRuleDto[]> {
    if (owner.field === 'providerId') await assertProvidersExist(this.db, this.tenantId, [owner.id]);
    else await assertServicesExist(this.db, this.tenantId, [owner.id]);
    return this.read(this.db, owner);
  }

  async replace(owner: RuleOwner, rules: PutAvailabilityBody): Promise<AvailabilityRuleDto[]> {
    const problems = ruleViolations(rules, owner);
    if (problems.length > 0)
      throw new ValidationError('The availability rules are not consistent.', problems);
    return this.db.$transaction(async (tx) => {
      await this.lockOwner(tx, owner);
      if (owner.field === 'providerId') {
        await assertServicesExist(
          tx,
          this.tenantId,
          rules.flatMap((rule) => rule.serviceId ?? []),
        );
      } else {
        await assertProvidersExist(
          tx,
          this.tenantId,
          rules.flatMap((rule) => rule.providerId ?? []),
        );
      }
      await tx.availabilityRule.deleteMany({ where: { tenantId: this.tenantId, [owner.field]: owner.id } });
      await tx.availabilityRule.createMany({
        data: rules.map((rule) => ({
          tenantId: this.tenantId,
          serviceId: rule.serviceId ?? null,
          providerId: rule.providerId ?? null,
          [owner.field]: owner.id,
          dayOfWeek: rule.dayOfWeek,
          startTime: rule.startTime,
          endTime: rule.endTime,
          effectiveFrom: rule.effectiveFrom === undefined ? null : toDbDate(rule.effectiveFrom),
          effectiveTo: rule.effectiveTo === undefined ? null : toDbDate(rule.effectiveTo),
        })),
      });
      return this.read(tx, owner);
    });
  }

  private async read(db: Client, owner: RuleOwner): Promise<AvailabilityRuleDto[]> {
    const rows = await db.availabilityRule.findMany({
      where: { tenantId: this.tenantId, [owner.field]: owner.id },
      orderBy: [{ dayOfWeek: 'asc' }, { startTime: 'asc' }, { endTime: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toAvailabilityRuleDto);
  }

  /**
   * Checks the owner is this tenant's and locks its row, so two concurrent
   * replacements of one owner's rules run one after the other instead of
   * both deleting first and both inserting. NO KEY UPDATE leaves foreign-key
   * checks (bookings referencing the row) unblocked.
   */
  private async lockOwner(tx: Prisma.TransactionClient, owner: RuleOwner): Promise<void> {
    const rows =
      owner.field === 'providerId'
        ? await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "providers" WHERE "tenantId" = ${this.tenantId}::uuid AND "id" = ${owner.id}::uuid
            FOR NO KEY UPDATE`
        : await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "services" WHERE "tenantId" = ${this.tenantId}::uuid AND "id" = ${owner.id}::uuid
            FOR NO KEY UPDATE`;
    if (rows.length === 0)
      throw new NotFoundError(owner.field === 'providerId' ? 'Provider' : 'Service', owner.id);
  }
}
