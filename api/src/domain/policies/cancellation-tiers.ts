import type { ErrorDetail } from '../errors.ts';

/**
 * Cancellation fee tiers. A tier applies when the client cancels less than
 * `hoursBeforeStart` hours before the start; of the tiers that apply, the one
 * with the smallest `hoursBeforeStart` wins (the closest deadline not yet met).
 * Notice of exactly a tier's hours meets its deadline, so that tier does not
 * apply (boundaries belong to the cheaper side). Hours are real elapsed time
 * between instants, so a clock change in between moves no boundary. Each tier
 * charges either a percentage of the price or a fixed amount. The policy used
 * when a tenant has none is in cancellation-terms.ts.
 */
export interface TierShape {
  hoursBeforeStart: number;
  feePercentage?: number | null | undefined;
  feeFixedCents?: number | null | undefined;
}

/** Rules across tiers that the per-field schema cannot see. Paths are relative to the request body. */
export function tierViolations(tiers: readonly TierShape[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<number>();
  tiers.forEach((tier, index) => {
    const hasPercentage = tier.feePercentage !== undefined && tier.feePercentage !== null;
    const hasFixed = tier.feeFixedCents !== undefined && tier.feeFixedCents !== null;
    if (hasPercentage === hasFixed) {
      problems.push({
        path: `tiers.${index}.${hasPercentage ? 'feeFixedCents' : 'feePercentage'}`,
        message: 'a tier needs exactly one of feePercentage or feeFixedCents',
      });
    }
    if (seen.has(tier.hoursBeforeStart)) {
      problems.push({ path: `tiers.${index}.hoursBeforeStart`, message: 'must be distinct across tiers' });
    }
    seen.add(tier.hoursBeforeStart);
  });
  return problems;
}

/** Longest notice first, the order tenants read a policy in. */
export function sortTiers<T extends TierShape>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => b.hoursBeforeStart - a.hoursBeforeStart);
}

/** The tier that applies when the client cancels `hoursBeforeStart` hours (may be fractional or negative) ahead. */
export function applicableTier<T extends TierShape>(tiers: readonly T[], hoursBeforeStart: number): T | null {
  let best: T | null = null;
  for (const tier of tiers) {
    if (
      tier.hoursBeforeStart > hoursBeforeStart &&
      (best === null || tier.hoursBeforeStart < best.hoursBeforeStart)
    ) {
      best = tier;
    }
  }
  return best;
}

export interface CancellationFee<T> {
  feeCents: number;
  refundCents: number;
  tier: T | null;
}

/**
 * What a cancellation costs, in integer minor units. A percentage is rounded
 * half up (never a float amount); a fixed fee is capped at the price, so the
 * refund is never negative. No applicable tier means no fee.
 */
export function cancellationFee<T extends TierShape>(
  tiers: readonly T[],
  priceCents: number,
  hoursBeforeStart: number,
): CancellationFee<T> {
  if (!Number.isSafeInteger(priceCents) || priceCents < 0) {
    throw new RangeError(`priceCents must be a non-negative integer, got ${priceCents}`);
  }
  if (Number.isNaN(hoursBeforeStart)) throw new RangeError('hoursBeforeStart must be a number');
  const tier = applicableTier(tiers, hoursBeforeStart);
  let feeCents = 0;
  if (tier?.feePercentage !== undefined && tier.feePercentage !== null) {
    feeCents = Math.floor((priceCents * tier.feePercentage + 50) / 100);
  } else if (tier?.feeFixedCents !== undefined && tier.feeFixedCents !== null) {
    feeCents = Math.min(tier.feeFixedCents, priceCents);
  }
  return { feeCents, refundCents: priceCents - feeCents, tier };
}
