import { ruleViolations, type RuleOwner } from '../../../domain/availability/rule-validation.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { AvailabilityRule, Prisma } from '../../../generated/prisma/client.ts';
import type { AvailabilityRuleDto, PutAvailabilityBody } from '../../../schemas/availability.schemas.ts';
import { fromDbDate, toDbDate } from '../db-date.ts';
import type { Db } from '../prisma-client.ts';
import { assertTenantOwns } from '../tenant-references.ts';

type Client = Db | Prisma.TransactionClient;

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
    if (owner.field === 'providerId') await assertTenantOwns(this.db, this.tenantId, 'Provider', [owner.id]);
    else await assertTenantOwns(this.db, this.tenantId, 'Service', [owner.id]);
    return this.read(this.db, owner);
  }

  async replace(owner: RuleOwner, rules: PutAvailabilityBody): Promise<AvailabilityRuleDto[]> {
    const problems = ruleViolations(rules, owner);
    if (problems.length > 0)
      throw new ValidationError('The availability rules are not consistent.', problems);
    return this.db.$transaction(async (tx) => {
      await this.lockOwner(tx, owner);
      if (owner.field === 'providerId') {
        await assertTenantOwns(
          tx,
          this.tenantId,
          'Service',
          rules.flatMap((rule) => rule.serviceId ?? []),
        );
      } else {
        await assertTenantOwns(
          tx,
          this.tenantId,
          'Provider',
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
