/**
 * The platform's share of a charge, in the charge's minor units: PLATFORM_FEE_PERCENT of the
 * amount, rounded half up (Stripe takes integer application fees). Never more than the amount.
 */
export function platformFeeCents(amountCents: number, percent: number): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0)
    throw new RangeError(`bad amount ${amountCents}`);
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`bad percent ${percent}`);
  // Integer maths where possible: percent may have decimals (2.5 %), so scale by 1000 first.
  const fee = Math.floor((amountCents * Math.round(percent * 1000) + 50_000) / 100_000);
  return Math.min(fee, amountCents);
}
