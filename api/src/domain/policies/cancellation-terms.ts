import { HOUR } from '../time-units.ts';
import { cancellationFee, type TierShape } from './cancellation-tiers.ts';

/**
 * The policy that applies when a tenant has set none (the payments issue):
 * more than 48 hours before the start, a full refund; from 48 to 24 hours, half
 * the price is kept; under 24 hours, all of it.
 *
 * Boundaries follow the tier rule (cancellation-tiers.ts: a tier applies when
 * the notice is *less than* its hours), so notice of exactly N hours meets an
 * N-hour deadline:
 *   exactly 48 h before      → no tier: full refund (48 h − 1 ms already costs 50 %)
 *   exactly 24 h before      → the 48-hour tier: 50 % (24 h − 1 ms costs 100 %)
 *   at the start, and after  → the 24-hour tier: 100 %
 * Worked example, an appointment at 10:00 UTC on 3 March: cancelling at 10:00
 * UTC on 1 March is free, at 10:00 on 2 March costs half, at 10:01 on 2 March
 * all of the price.
 *
 * A tenant's own policy, even one without tiers (free cancellation), replaces
 * this one entirely.
 */
export const DEFAULT_CANCELLATION_TIERS: readonly TierShape[] = Object.freeze([
  Object.freeze({ hoursBeforeStart: 48, feePercentage: 50 }),
  Object.freeze({ hoursBeforeStart: 24, feePercentage: 100 }),
]);

/** The tiers in force: the policy's own, or the default when there is no policy (null). */
export function tiersInForce<T extends TierShape>(
  policyTiers: readonly T[] | null,
): readonly (T | TierShape)[] {
  return policyTiers ?? DEFAULT_CANCELLATION_TIERS;
}

/** Notice given, in hours (fractional; negative after the start). */
export function hoursBeforeStart(startTimeUtc: Date, now: Date): number {
  return (startTimeUtc.getTime() - now.getTime()) / HOUR;
}

export interface RefundForCancellation {
  /** Returned to the client: what was paid beyond the fee, never more than was paid. */
  refundCents: number;
  /** Still owed by the client: the fee beyond what was paid. */
  amountDueCents: number;
}

/**
 * How a fee settles against what the client paid, in integer minor units (for
 * JPY and other currencies without minor digits, the amounts are whole units
 * already). The fee's rounding is done by cancellationFee (half up, so a half
 * minor unit goes to the business: 50 % of 33.33 keeps 16.67 and refunds 16.66).
 */
export function refundForCancellation({
  paidCents,
  feeCents,
}: {
  paidCents: number;
  feeCents: number;
}): RefundForCancellation {
  for (const [name, value] of [
    ['paidCents', paidCents],
    ['feeCents', feeCents],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
    }
  }
  return {
    refundCents: Math.max(0, paidCents - feeCents),
    amountDueCents: Math.max(0, feeCents - paidCents),
  };
}

export interface CancellationTerms<T> extends RefundForCancellation {
  hoursBeforeStart: number;
  tier: T | TierShape | null;
  feeCents: number;
}

/**
 * What cancelling at `now` costs: the fee is the applicable tier's share of
 * the price (`priceCents`), settled against what was paid. `policyTiers` null
 * means the tenant set no policy, so the default applies.
 */
export function cancellationTerms<T extends TierShape>(input: {
  policyTiers: readonly T[] | null;
  priceCents: number;
  paidCents: number;
  startTimeUtc: Date;
  now: Date;
}): CancellationTerms<T> {
  const hours = hoursBeforeStart(input.startTimeUtc, input.now);
  const { feeCents, tier } = cancellationFee(tiersInForce(input.policyTiers), input.priceCents, hours);
  return {
    hoursBeforeStart: hours,
    tier,
    feeCents,
    ...refundForCancellation({ paidCents: input.paidCents, feeCents }),
  };
}
