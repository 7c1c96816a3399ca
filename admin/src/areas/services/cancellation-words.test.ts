import { describe, expect, it } from 'vitest';
import { describeCancellationTiers, describeRescheduleLimit, type PolicyTier } from './cancellation-words.ts';

const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;
const percent = (hoursBeforeStart: number, feePercentage: number): PolicyTier => ({
  hoursBeforeStart,
  feePercentage,
  feeFixedCents: null,
});
const fixed = (hoursBeforeStart: number, feeFixedCents: number): PolicyTier => ({
  hoursBeforeStart,
  feePercentage: null,
  feeFixedCents,
});

describe('describeCancellationTiers', () => {
  it('tells the usual two tiers as three stretches, longest notice first', () => {
    expect(describeCancellationTiers([percent(48, 50), percent(24, 100)], euros)).toBe(
      'Cancel 48 h or more before: full refund. 24–48 h: 50 % refunded. Less than 24 h: no refund.',
    );
  });

  it('reads tiers given in any order', () => {
    expect(describeCancellationTiers([percent(24, 100), percent(48, 50)], euros)).toBe(
      'Cancel 48 h or more before: full refund. 24–48 h: 50 % refunded. Less than 24 h: no refund.',
    );
  });

  it('says free cancellation when there are no tiers', () => {
    expect(describeCancellationTiers([], euros)).toBe('Cancel any time: full refund.');
  });

  it('writes a fixed fee in the currency', () => {
    expect(describeCancellationTiers([fixed(24, 1000)], euros)).toBe(
      'Cancel 24 h or more before: full refund. Less than 24 h: €10.00 kept, the rest refunded.',
    );
  });

  it('tells a tier at 0 hours as cancelling after the start', () => {
    expect(describeCancellationTiers([percent(0, 100)], euros)).toBe(
      'Cancel any time before the start: full refund. After the start: no refund.',
    );
    expect(describeCancellationTiers([percent(24, 50), percent(0, 100)], euros)).toBe(
      'Cancel 24 h or more before: full refund. Less than 24 h before: 50 % refunded. After the start: no refund.',
    );
  });

  it('joins neighbouring stretches that cost the same', () => {
    // A 0 % tier costs nothing, like having no tier at all.
    expect(describeCancellationTiers([percent(48, 0), percent(24, 100)], euros)).toBe(
      'Cancel 24 h or more before: full refund. Less than 24 h: no refund.',
    );
    expect(describeCancellationTiers([percent(36, 100), percent(24, 100)], euros)).toBe(
      'Cancel 36 h or more before: full refund. Less than 36 h: no refund.',
    );
    expect(describeCancellationTiers([fixed(12, 0)], euros)).toBe('Cancel any time: full refund.');
  });

  it('keeps the first of two tiers with the same hours, as the API does', () => {
    expect(describeCancellationTiers([percent(24, 30), percent(24, 100)], euros)).toBe(
      'Cancel 24 h or more before: full refund. Less than 24 h: 70 % refunded.',
    );
  });

  it('writes whole days from 3 days up as days', () => {
    expect(describeCancellationTiers([percent(168, 25), percent(72, 50), percent(24, 100)], euros)).toBe(
      'Cancel 7 days or more before: full refund. 3–7 days: 75 % refunded. 24 h to 3 days: 50 % refunded. ' +
        'Less than 24 h: no refund.',
    );
  });
});

describe('describeRescheduleLimit', () => {
  it('says how long clients may move a booking', () => {
    expect(describeRescheduleLimit(null)).toBe(
      'Clients may reschedule themselves for as long as cancelling is free.',
    );
    expect(describeRescheduleLimit(0)).toBe('Clients may reschedule themselves until the start.');
    expect(describeRescheduleLimit(12)).toBe(
      'Clients may reschedule themselves until 12 h before the start.',
    );
  });
});
