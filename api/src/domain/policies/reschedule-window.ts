import { DomainError } from '../errors.ts';
import { HOUR } from '../time-units.ts';
import { tiersInForce } from './cancellation-terms.ts';
import { cancellationFee, type TierShape } from './cancellation-tiers.ts';

/** What of a cancellation policy decides until when a client may move a booking; null: no policy. */
export interface ReschedulePolicy {
  /** The tenant's own limit in hours before the start; null: as long as cancelling is free. */
  rescheduleAllowedUntilHours: number | null;
  tiers: readonly TierShape[];
}

/** A client's reschedule after the policy's limit: the business may still move it. */
export class RescheduleTooLateError extends DomainError {
  readonly code = 'reschedule_too_late';
}

/**
 * How many hours before the start a client may still reschedule; null: no limit (until the start,
 * after which no client change is allowed anyway). The policy's own `rescheduleAllowedUntilHours`
 * when set; otherwise as long as cancelling would cost the client nothing under the tiers in force
 * (the default tiers when there is no policy: 48 h), i.e. until the first tier that charges a fee
 * for this price begins. Moving a booking is like cancelling and booking again, so it is free for
 * as long as that would be, and a client cannot dodge a fee by moving the booking first.
 */
export function rescheduleLimitHours(policy: ReschedulePolicy | null, priceCents: number): number | null {
  if (policy && policy.rescheduleAllowedUntilHours !== null) return policy.rescheduleAllowedUntilHours;
  // A tier charges over its own range only (just under its hours): asked alone, it applies there.
  const charging = tiersInForce(policy?.tiers ?? null).filter(
    (tier) => cancellationFee([tier], priceCents, tier.hoursBeforeStart - 1).feeCents > 0,
  );
  return charging.length === 0 ? null : Math.max(...charging.map((tier) => tier.hoursBeforeStart));
}

/** The last instant a client may reschedule a booking starting at `startTimeUtc`; null: no limit. */
export function rescheduleAllowedUntil(input: {
  policy: ReschedulePolicy | null;
  priceCents: number;
  startTimeUtc: Date;
}): Date | null {
  const hours = rescheduleLimitHours(input.policy, input.priceCents);
  return hours === null ? null : new Date(input.startTimeUtc.getTime() - hours * HOUR);
}

/**
 * Throws RescheduleTooLateError when a client moves a booking later than the limit. Notice of
 * exactly the limit's hours is still in time, as with the tiers (cancellation-tiers.ts): with the
 * default 48 h, 48 h before the start is allowed and 48 h − 1 ms is not.
 */
export function assertRescheduleAllowed(input: {
  policy: ReschedulePolicy | null;
  priceCents: number;
  startTimeUtc: Date;
  now: Date;
}): void {
  const hours = rescheduleLimitHours(input.policy, input.priceCents);
  if (hours === null) return;
  const until = input.startTimeUtc.getTime() - hours * HOUR;
  if (input.now.getTime() <= until) return;
  throw new RescheduleTooLateError(
    `This booking can be moved online until ${hours} hours before its start ` +
      `(${new Date(until).toISOString()}). Please contact the business to move it.`,
  );
}
