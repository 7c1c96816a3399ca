import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { sortTiers, tierViolations } from '../../../domain/policies/cancellation-tiers.ts';
import type { TierShape } from '../../../domain/policies/cancellation-tiers.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type {
  CancellationPolicyDto,
  PutCancellationPolicyBody,
} from '../../../schemas/cancellation-policy.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { assertTenantOwns } from '../tenant-references.ts';

const withTiers = { tiers: true } as const;
type PolicyRow = Prisma.CancellationPolicyGetPayload<{ include: typeof withTiers }>;

function toPolicyDto(row: PolicyRow): CancellationPolicyDto {
  return {
    id: row.id,
    serviceId: row.serviceId,
    tiers: sortTiers(row.tiers).map(({ hoursBeforeStart, feePercentage, feeFixedCents }) => ({
      hoursBeforeStart,
      feePercentage,
      feeFixedCents,
    })),
    rescheduleAllowedUntilHours: row.rescheduleAllowedUntilHours,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The tenant's default cancellation policy (serviceId null) and per-service overrides. */
export class CancellationPoliciesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** serviceId null: the tenant default. Another tenant's service is not found. */
  async get(serviceId: string | null): Promise<CancellationPolicyDto> {
    if (serviceId !== null) await assertTenantOwns(this.db, this.tenantId, 'Service', [serviceId]);
    const row = await this.db.cancellationPolicy.findFirst({
      where: { tenantId: this.tenantId, serviceId },
      include: withTiers,
    });
    if (!row) throw new NotFoundError('Cancellation policy');
    return toPolicyDto(row);
  }

  /** Creates the policy if needed and replaces all its tiers, in one transaction. */
  async put(serviceId: string | null, body: PutCancellationPolicyBody): Promise<CancellationPolicyDto> {
    const problems = tierViolations(body.tiers);
    if (problems.length > 0)
      throw new ValidationError('The cancellation policy is not consistent.', problems);
    return this.db.$transaction(async (tx) => {
      if (serviceId !== null) await assertTenantOwns(tx, this.tenantId, 'Service', [serviceId]);
      const policyId = await this.upsertPolicy(tx, serviceId, body.rescheduleAllowedUntilHours);
      await tx.cancellationPolicyTier.deleteMany({ where: { tenantId: this.tenantId, policyId } });
      await tx.cancellationPolicyTier.createMany({
        data: body.tiers.map((tier) => ({
          tenantId: this.tenantId,
          policyId,
          hoursBeforeStart: tier.hoursBeforeStart,
          feePercentage: tier.feePercentage ?? null,
          feeFixedCents: tier.feeFixedCents ?? null,
        })),
      });
      const row = await tx.cancellationPolicy.findFirstOrThrow({
        where: { id: policyId, tenantId: this.tenantId },
        include: withTiers,
      });
      return toPolicyDto(row);
    });
  }

  /**
   * The policy in force for a service, in one statement: its own, else the tenant's default; null
   * when there is neither (the default tiers apply, domain/policies/cancellation-terms.ts).
   */
  async inForce(
    serviceId: string,
  ): Promise<{ tiers: TierShape[]; rescheduleAllowedUntilHours: number | null } | null> {
    const rows = await this.db.$queryRaw<
      Array<{ tiers: TierShape[]; rescheduleAllowedUntilHours: number | null }>
    >`
      SELECT p."rescheduleAllowedUntilHours",
             coalesce((SELECT json_agg(json_build_object('hoursBeforeStart', t."hoursBeforeStart",
                                                         'feePercentage', t."feePercentage",
                                                         'feeFixedCents', t."feeFixedCents"))
                         FROM cancellation_policy_tiers t
                        WHERE t."tenantId" = p."tenantId" AND t."policyId" = p.id), '[]') AS tiers
        FROM cancellation_policies p
       WHERE p."tenantId" = ${this.tenantId}::uuid AND (p."serviceId" = ${serviceId}::uuid OR p."serviceId" IS NULL)
       ORDER BY p."serviceId" NULLS LAST
       LIMIT 1`;
    return rows[0] ?? null;
  }

  /** Removes a service's own policy, so the tenant default applies to it again. */
  async removeForService(serviceId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await assertTenantOwns(tx, this.tenantId, 'Service', [serviceId]);
      const { count } = await tx.cancellationPolicy.deleteMany({
        where: { tenantId: this.tenantId, serviceId },
      });
      if (count === 0) throw new NotFoundError('Cancellation policy');
    });
  }

  /**
   * INSERT … ON CONFLICT against the partial unique indexes (one default, one
   * per service): race-free, and the row lock it takes serialises concurrent
   * replacements of the same policy's tiers.
   */
  private async upsertPolicy(
    tx: Prisma.TransactionClient,
    serviceId: string | null,
    rescheduleHours: number | null | undefined,
  ): Promise<string> {
    const hours = rescheduleHours ?? null;
    // undefined (not sent) keeps the stored limit; null clears it.
    const update = Prisma.sql`"updatedAt" = CURRENT_TIMESTAMP${
      rescheduleHours === undefined
        ? Prisma.empty
        : Prisma.sql`, "rescheduleAllowedUntilHours" = EXCLUDED."rescheduleAllowedUntilHours"`
    }`;
    const rows =
      serviceId === null
        ? await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO "cancellation_policies" ("tenantId", "rescheduleAllowedUntilHours")
            VALUES (${this.tenantId}::uuid, ${hours}::int)
            ON CONFLICT ("tenantId") WHERE "serviceId" IS NULL
            DO UPDATE SET ${update}
            RETURNING "id"`
        : await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO "cancellation_policies" ("tenantId", "serviceId", "rescheduleAllowedUntilHours")
            VALUES (${this.tenantId}::uuid, ${serviceId}::uuid, ${hours}::int)
            ON CONFLICT ("tenantId", "serviceId") WHERE "serviceId" IS NOT NULL
            DO UPDATE SET ${update}
            RETURNING "id"`;
    const id = rows[0]?.id;
    if (!id) throw new Error('upserting a cancellation policy returned no row');
    return id;
  }
}
