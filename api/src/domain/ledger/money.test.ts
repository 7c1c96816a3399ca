import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../errors.ts';
import type { LedgerEntry } from './entries.ts';
import { appointmentMoney, assertRefundWithinPaid, balanceByCurrency, refundableCents } from './money.ts';

let counter = 0;
function entry(fields: Partial<LedgerEntry> & Pick<LedgerEntry, 'kind' | 'amountCents'>): LedgerEntry {
  counter += 1;
  return {
    id: `e${counter}`,
    appointmentId: 'a1',
    currency: 'EUR',
    stripeObjectId: null,
    stripeBalanceTransactionId: null,
    correctsEntryId: null,
    occurredAt: new Date('2027-03-01T10:00:00Z'),
    ...fields,
  };
}

// A 100.00 EUR booking: 20.00 deposit and 80.00 balance by card, 30.00 refunded, fees on both charges.
const deposit = entry({ kind: 'DEPOSIT', amountCents: 2_000, stripeObjectId: 'ch_dep' });
const depositFee = entry({ kind: 'STRIPE_FEE', amountCents: -83, stripeObjectId: 'txn_dep' });
const balance = entry({ kind: 'BALANCE_CARD', amountCents: 8_000, stripeObjectId: 'ch_bal' });
const balanceFee = entry({ kind: 'STRIPE_FEE', amountCents: -137, stripeObjectId: 'txn_bal' });
const platformFee = entry({ kind: 'PLATFORM_FEE', amountCents: -200, stripeObjectId: 'txn_bal' });
const refund = entry({ kind: 'REFUND', amountCents: -3_000, stripeObjectId: 're_1' });
const booking = [deposit, depositFee, balance, balanceFee, platformFee, refund];

describe('balanceByCurrency', () => {
  it('is empty for no rows', () => {
    expect(balanceByCurrency([])).toEqual({});
  });

  it('adds each currency on its own, never across', () => {
    expect(
      balanceByCurrency([
        ...booking,
        entry({ kind: 'CHARGE', amountCents: 5_000, currency: 'JPY', stripeObjectId: 'ch_jp' }),
        entry({ kind: 'STRIPE_FEE', amountCents: -180, currency: 'JPY', stripeObjectId: 'txn_jp' }),
        entry({ kind: 'BALANCE_VENUE', amountCents: 1_500, currency: 'CHF' }),
      ]),
    ).toEqual({ CHF: 1_500, EUR: 6_580, JPY: 4_820 });
  });

  it('refuses amounts that are not integers of minor units', () => {
    expect(() => balanceByCurrency([entry({ kind: 'CHARGE', amountCents: 10.5 })])).toThrow(RangeError);
  });
});

describe('appointmentMoney', () => {
  it('splits paid, refunded, disputed and fees; net is their balance', () => {
    expect(appointmentMoney(booking, { amountCents: 10_000, currency: 'EUR' })).toEqual({
      EUR: {
        currency: 'EUR',
        paidCents: 10_000,
        refundedCents: 3_000,
        disputedCents: 0,
        feesCents: 420,
        netCents: 6_580,
        dueCents: 3_000,
      },
    });
  });

  it('counts venue payments and no-show fees as paid, a won dispute as returned', () => {
    const rows = [
      entry({ kind: 'DEPOSIT', amountCents: 2_000, stripeObjectId: 'ch_1' }),
      entry({ kind: 'BALANCE_VENUE', amountCents: 8_000 }),
      entry({ kind: 'NO_SHOW_FEE', amountCents: 500, stripeObjectId: 'ch_2' }),
      entry({ kind: 'DISPUTE', amountCents: -2_000, stripeObjectId: 'dp_1' }),
      entry({ kind: 'STRIPE_FEE', amountCents: -1_500, stripeObjectId: 'txn_d1' }),
      entry({ kind: 'DISPUTE_REVERSAL', amountCents: 2_000, stripeObjectId: 'dp_1' }),
      entry({ kind: 'STRIPE_FEE', amountCents: 1_500, stripeObjectId: 'txn_d2' }),
    ];
    expect(appointmentMoney(rows, { amountCents: 10_000, currency: 'EUR' }).EUR).toEqual({
      currency: 'EUR',
      paidCents: 10_500,
      refundedCents: 0,
      disputedCents: 0,
      feesCents: 0,
      netCents: 10_500,
      dueCents: 0,
    });
  });

  it('counts a correction under its own kind', () => {
    const wrong = entry({ kind: 'CHARGE', amountCents: 10_100, stripeObjectId: 'ch_1' });
    const fix = entry({ kind: 'CHARGE', amountCents: -100, correctsEntryId: wrong.id });
    expect(appointmentMoney([wrong, fix]).EUR).toMatchObject({ paidCents: 10_000, netCents: 10_000 });
  });

  it('keeps currencies apart and reports what is owed in a currency without rows', () => {
    const result = appointmentMoney(
      [entry({ kind: 'CHARGE', amountCents: 5_000, currency: 'JPY', stripeObjectId: 'ch_jp' })],
      { amountCents: 4_000, currency: 'EUR' },
    );
    expect(result.EUR).toEqual({
      currency: 'EUR',
      paidCents: 0,
      refundedCents: 0,
      disputedCents: 0,
      feesCents: 0,
      netCents: 0,
      dueCents: 4_000,
    });
    expect(result.JPY).toMatchObject({ paidCents: 5_000 });
    expect(result.JPY).not.toHaveProperty('dueCents');
  });
});

describe('assertRefundWithinPaid', () => {
  const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' });

  it('allows refunding exactly what is left, not one minor unit more', () => {
    expect(refundableCents(booking, 'EUR')).toBe(7_000);
    expect(() => assertRefundWithinPaid(booking, eur(7_000))).not.toThrow();
    expect(() => assertRefundWithinPaid(booking, eur(7_001))).toThrow(InvalidStateError);
  });

  it('answers invalid_state with the most that can be refunded', () => {
    try {
      assertRefundWithinPaid(booking, eur(9_000));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidStateError);
      expect((error as InvalidStateError).code).toBe('invalid_state');
      expect((error as InvalidStateError).details).toEqual([
        { path: 'amountCents', message: 'must be at most 7000' },
      ]);
    }
  });

  it('does not let fees reduce what the client can get back', () => {
    const paid = [deposit, depositFee];
    expect(() => assertRefundWithinPaid(paid, eur(2_000))).not.toThrow();
  });

  it('counts disputed money as gone, and refunds in flight', () => {
    const disputed = [...booking, entry({ kind: 'DISPUTE', amountCents: -7_000, stripeObjectId: 'dp_1' })];
    expect(() => assertRefundWithinPaid(disputed, eur(1))).toThrow(InvalidStateError);
    expect(() => assertRefundWithinPaid(booking, eur(2_000), { inFlightCents: 5_000 })).not.toThrow();
    expect(() => assertRefundWithinPaid(booking, eur(2_001), { inFlightCents: 5_000 })).toThrow(
      InvalidStateError,
    );
  });

  it('refuses a refund in a currency that was never paid', () => {
    expect(() => assertRefundWithinPaid(booking, { amountCents: 1, currency: 'USD' })).toThrow(
      InvalidStateError,
    );
    expect(() => assertRefundWithinPaid([], eur(1))).toThrow(InvalidStateError);
  });

  it('takes JPY amounts as they are (no minor digits)', () => {
    const yen = [entry({ kind: 'CHARGE', amountCents: 5_000, currency: 'JPY', stripeObjectId: 'ch_jp' })];
    expect(() => assertRefundWithinPaid(yen, { amountCents: 5_000, currency: 'JPY' })).not.toThrow();
    expect(() => assertRefundWithinPaid(yen, { amountCents: 5_001, currency: 'JPY' })).toThrow(
      InvalidStateError,
    );
  });

  it.each([0, -1, 1.5])('refuses a refund of %s as a programming error', (amountCents) => {
    expect(() => assertRefundWithinPaid(booking, eur(amountCents))).toThrow(RangeError);
  });

  it('takes the rows of one appointment only', () => {
    const other = entry({ kind: 'CHARGE', amountCents: 10_000, appointmentId: 'a2', stripeObjectId: 'ch_9' });
    expect(() => assertRefundWithinPaid([...booking, other], eur(1))).toThrow(RangeError);
  });
});
