/**
 * A cancellation policy in plain words, for the policy editor's live preview.
 *
 * The API's rule (api/src/domain/policies/cancellation-tiers.ts): a tier applies when the client
 * cancels less than `hoursBeforeStart` hours before the start, and of the tiers that apply the one
 * with the smallest hours wins; notice of exactly a tier's hours escapes it. So tiers 48 h → 50 %
 * and 24 h → 100 % read: "Cancel 48 h or more before: full refund. 24–48 h: 50 % refunded. Less
 * than 24 h: no refund." A tier at 0 hours applies only once the appointment has started.
 */

export interface PolicyTier {
  hoursBeforeStart: number;
  feePercentage: number | null;
  feeFixedCents: number | null;
}

/** A stretch of notice, [fromHours, toHours), and what cancelling in it costs. */
interface Band {
  fromHours: number;
  toHours: number;
  outcome: string;
}

/**
 * The tiers as sentences, longest notice first. `money` writes a fixed fee (minor units) in the
 * service's currency. Tiers may come in any order; with repeated hours the first one counts, as in
 * the API. Neighbouring stretches that cost the same are told as one.
 */
export function describeCancellationTiers(
  tiers: readonly PolicyTier[],
  money: (cents: number) => string,
): string {
  const bands = mergeSameOutcome(bandsOf(distinctHours(tiers), money));
  return bands.map((band) => `${capitalize(`${when(band)}: ${band.outcome}`)}.`).join(' ');
}

/** Until when a client may move a booking themselves (null: as long as cancelling is free). */
export function describeRescheduleLimit(hours: number | null): string {
  if (hours === null) return 'Clients may reschedule themselves for as long as cancelling is free.';
  if (hours === 0) return 'Clients may reschedule themselves until the start.';
  return `Clients may reschedule themselves until ${span(hours)} before the start.`;
}

function distinctHours(tiers: readonly PolicyTier[]): PolicyTier[] {
  const seen = new Set<number>();
  // Stable sort: among equal hours the first given stays first, and is the one kept.
  return [...tiers]
    .sort((a, b) => b.hoursBeforeStart - a.hoursBeforeStart)
    .filter((tier) => {
      if (seen.has(tier.hoursBeforeStart)) return false;
      seen.add(tier.hoursBeforeStart);
      return true;
    });
}

function bandsOf(sorted: readonly PolicyTier[], money: (cents: number) => string): Band[] {
  const first = sorted[0];
  const bands: Band[] = [
    { fromHours: first ? first.hoursBeforeStart : -Infinity, toHours: Infinity, outcome: 'full refund' },
  ];
  sorted.forEach((tier, index) => {
    const next = sorted[index + 1];
    bands.push({
      fromHours: next ? next.hoursBeforeStart : -Infinity,
      toHours: tier.hoursBeforeStart,
      outcome: outcomeOf(tier, money),
    });
  });
  // A tier at 0 h leaves nothing before the start to its neighbour above: drop empty stretches.
  return bands.filter((band) => band.fromHours < band.toHours);
}

function mergeSameOutcome(bands: readonly Band[]): Band[] {
  const merged: Band[] = [];
  for (const band of bands) {
    const previous = merged.at(-1);
    if (previous && previous.outcome === band.outcome) previous.fromHours = band.fromHours;
    else merged.push({ ...band });
  }
  return merged;
}

function outcomeOf(tier: PolicyTier, money: (cents: number) => string): string {
  if (tier.feePercentage !== null) {
    if (tier.feePercentage <= 0) return 'full refund';
    if (tier.feePercentage >= 100) return 'no refund';
    return `${100 - tier.feePercentage} % refunded`;
  }
  if (tier.feeFixedCents !== null && tier.feeFixedCents > 0) {
    return `${money(tier.feeFixedCents)} kept, the rest refunded`;
  }
  return 'full refund';
}

/** The stretch of notice, as a client reads it. */
function when({ fromHours, toHours }: Band): string {
  if (toHours === Infinity) {
    if (fromHours === -Infinity) return 'cancel any time';
    if (fromHours <= 0) return 'cancel any time before the start';
    return `cancel ${span(fromHours)} or more before`;
  }
  if (toHours <= 0) return 'after the start';
  if (fromHours === -Infinity) return `less than ${span(toHours)}`;
  // A later stretch is "after the start": say that this one ends at the start.
  if (fromHours <= 0) return `less than ${span(toHours)} before`;
  return range(fromHours, toHours);
}

/** 48 → '48 h'; whole days from 3 up read as days (168 → '7 days'). */
function span(hours: number): string {
  return inDays(hours) ? `${hours / 24} days` : `${hours} h`;
}

function range(from: number, to: number): string {
  if (inDays(from) && inDays(to)) return `${from / 24}–${to / 24} days`;
  if (!inDays(from) && !inDays(to)) return `${from}–${to} h`;
  return `${span(from)} to ${span(to)}`;
}

function inDays(hours: number): boolean {
  return hours >= 72 && hours % 24 === 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
