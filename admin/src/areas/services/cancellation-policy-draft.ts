import type { CancellationTier, SetCancellationPolicyBody } from '@mais/sdk';
import type { PolicyTier } from './cancellation-words.ts';

/** A tier as typed in the editor: text inputs, the fee as a share of the price or an amount. */
export interface TierDraft {
  key: number;
  hours: string;
  feeKind: 'percent' | 'fixed';
  /** Percent (0–100), or an amount in major units ('10.00'). */
  fee: string;
}

export interface PolicyDraft {
  tiers: TierDraft[];
  /** '' = for as long as cancelling is free. */
  rescheduleHours: string;
}

/** Per tier index: a message for its hours and/or its fee. */
export type TierErrors = Record<number, { hours?: string; fee?: string }>;

export interface ParsedPolicy {
  body: SetCancellationPolicyBody;
  /** The tiers that parsed, for the live preview (a half-typed row is left out of it). */
  tiers: PolicyTier[];
  tierErrors: TierErrors;
  rescheduleError: string | undefined;
}

let nextKey = 1;
export function newTierKey(): number {
  return nextKey++;
}

export function draftOfPolicy(
  tiers: readonly CancellationTier[],
  rescheduleAllowedUntilHours: number | null,
  moneyText: (cents: number) => string,
): PolicyDraft {
  return {
    tiers: tiers.map((tier) => ({
      key: newTierKey(),
      hours: String(tier.hoursBeforeStart),
      feeKind: tier.feePercentage !== null ? 'percent' : 'fixed',
      fee: tier.feePercentage !== null ? String(tier.feePercentage) : moneyText(tier.feeFixedCents ?? 0),
    })),
    rescheduleHours: rescheduleAllowedUntilHours === null ? '' : String(rescheduleAllowedUntilHours),
  };
}

/**
 * The draft as the PUT body, checked as far as the browser can (whole numbers, 0–100 %, an amount,
 * distinct hours); the API checks the ranges again and its messages are shown the same way.
 */
export function parsePolicyDraft(
  draft: PolicyDraft,
  parseAmount: (text: string) => number | null,
): ParsedPolicy {
  const tierErrors: TierErrors = {};
  const tiers: PolicyTier[] = [];
  const seenHours = new Set<number>();
  draft.tiers.forEach((row, index) => {
    const errors: { hours?: string; fee?: string } = {};
    const hours = wholeNumber(row.hours);
    if (hours === null) errors.hours = 'Enter whole hours (0 or more).';
    else if (seenHours.has(hours)) errors.hours = 'Another tier has these hours.';
    if (hours !== null) seenHours.add(hours);
    let feePercentage: number | null = null;
    let feeFixedCents: number | null = null;
    if (row.feeKind === 'percent') {
      feePercentage = wholeNumber(row.fee);
      if (feePercentage === null || feePercentage > 100) errors.fee = 'Enter a percentage from 0 to 100.';
    } else {
      feeFixedCents = parseAmount(row.fee);
      if (feeFixedCents === null) errors.fee = 'Enter an amount such as 10.00.';
    }
    if (errors.hours || errors.fee) tierErrors[index] = errors;
    else tiers.push({ hoursBeforeStart: hours!, feePercentage, feeFixedCents });
  });
  const reschedule = draft.rescheduleHours.trim() === '' ? null : wholeNumber(draft.rescheduleHours);
  const rescheduleError =
    draft.rescheduleHours.trim() !== '' && reschedule === null
      ? 'Enter whole hours, or leave it empty.'
      : undefined;
  return {
    body: {
      tiers: tiers.map(({ hoursBeforeStart, feePercentage, feeFixedCents }) =>
        feePercentage !== null
          ? { hoursBeforeStart, feePercentage }
          : { hoursBeforeStart, feeFixedCents: feeFixedCents! },
      ),
      rescheduleAllowedUntilHours: reschedule,
    },
    tiers,
    tierErrors,
    rescheduleError,
  };
}

/** The API's details (`tiers.1.feePercentage`, `rescheduleAllowedUntilHours`) placed on the rows. */
export function policyErrorsOf(details: readonly { path: string; message: string }[]): {
  tierErrors: TierErrors;
  rescheduleError: string | undefined;
} {
  const tierErrors: TierErrors = {};
  let rescheduleError: string | undefined;
  for (const { path, message } of details) {
    const [head, index, field] = path.split('.');
    if (head === 'rescheduleAllowedUntilHours') rescheduleError = message;
    if (head !== 'tiers' || index === undefined) continue;
    const row = (tierErrors[Number(index)] ??= {});
    if (field === 'hoursBeforeStart') row.hours = message;
    else row.fee = message;
  }
  return { tierErrors, rescheduleError };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
