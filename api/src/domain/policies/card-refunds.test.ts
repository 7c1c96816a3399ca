import { describe, expect, it } from 'vitest';
import { InvalidStateError, ValidationError } from '../errors.ts';
import { assertRefundableByCard, refundableByCard, splitRefund } from './card-refunds.ts';

const card = (id: string, amountCents: number, refundedCents = 0, pendingRefundCents = 0) => ({
  id,
  payment: { amountCents, stripePaymentIntentId: `pi_${id}` },
  refundedCents,
  pendingRefundCents,
});
const venue = (id: string, amountCents: number) => ({
  id,
  payment: { amountCents, stripePaymentIntentId: null },
  refundedCents: 0,
  pendingRefundCents: 0,
});

// Newest first, as the repository lists them: a card balance, a venue payment, the card deposit.
const balance = card('balance', 6000, 1000);
const deposit = card('deposit', 2000, 0, 500);
const cash = venue('cash', 3000);

describe('refundableByCard', () => {
  it('counts card payments less refunds made and on their way, never venue money', () => {
    expect(refundableByCard([balance, cash, deposit])).toBe(5000 + 1500);
    expect(refundableByCard([cash])).toBe(0);
    expect(refundableByCard([])).toBe(0);
    expect(refundableByCard([card('done', 2000, 2000)])).toBe(0);
  });
});

describe('splitRefund', () => {
  it.each([
    // amount, parts
    [100, [['balance', 100]]],
    [5000, [['balance', 5000]]],
    [
      5001,
      [
        ['balance', 5000],
        ['deposit', 1],
      ],
    ],
    [
      6500,
      [
        ['balance', 5000],
        ['deposit', 1500],
      ],
    ],
    [
      9000,
      [
        ['balance', 5000],
        ['deposit', 1500],
      ],
    ],
    [0, []],
  ])('%i → %j (newest first, venue skipped)', (amount, expected) => {
    const parts = splitRefund([balance, cash, deposit], amount);
    expect(parts.map((part) => [part.source.id, part.amountCents])).toEqual(expected);
  });
});

describe('assertRefundableByCard', () => {
  it('accepts up to what is left by card, 0 included', () => {
    for (const amount of [0, 1, 6500])
      expect(() => assertRefundableByCard([balance, deposit], amount, 'amountCents')).not.toThrow();
  });

  it('one cent more: 400 naming the field and the most that can go back', () => {
    try {
      assertRefundableByCard([balance, deposit], 6501, 'refundCents');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toEqual([
        { path: 'refundCents', message: 'must be at most 6500: what was paid by card and not refunded yet' },
      ]);
    }
  });

  it('beyond the card money when some was paid at the venue: 409 saying so', () => {
    expect(() => assertRefundableByCard([balance, cash, deposit], 6501, 'amountCents')).toThrow(
      InvalidStateError,
    );
    expect(() => assertRefundableByCard([cash], 1, 'amountCents')).toThrow(
      /3000 \(minor units\) of this booking was paid at the venue/,
    );
    expect(() => assertRefundableByCard([cash], 0, 'amountCents')).not.toThrow();
  });
});
