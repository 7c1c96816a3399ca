import { describe, expect, it } from 'vitest';
import { LedgerEntryKind } from '../../generated/prisma/enums.ts';
import { KIND_FIELDS, REVENUE_FIELDS, emptyFigures } from './revenue-fields.ts';
import { revenueByCurrency, type BucketKindSum } from './revenue-report.ts';

const KINDS = Object.values(LedgerEntryKind);
const MONTHS = ['2027-02-01', '2027-03-01', '2027-04-01'];

describe('KIND_FIELDS', () => {
  it('puts every kind somewhere, in known fields, never directly in netCents', () => {
    for (const kind of KINDS) {
      expect(KIND_FIELDS[kind].length, kind).toBeGreaterThan(0);
      for (const field of KIND_FIELDS[kind]) {
        expect(REVENUE_FIELDS).toContain(field);
        expect(field).not.toBe('netCents');
      }
    }
  });

  it('makes gross all money in from clients, and net gross after refunds, disputes and fees', () => {
    const gross = KINDS.filter((kind) => KIND_FIELDS[kind].includes('grossCents'));
    expect(gross.sort()).toEqual(
      ['BALANCE_CARD', 'BALANCE_VENUE', 'CHARGE', 'DEPOSIT', 'NO_SHOW_FEE', 'NO_SHOW_FEE_VENUE'].sort(),
    );
    // Every kind lands in exactly one of the fields that add up to net.
    const netParts = ['grossCents', 'refundsCents', 'disputesCents', 'stripeFeesCents', 'platformFeesCents'];
    for (const kind of KINDS) {
      expect(
        KIND_FIELDS[kind].filter((field) => netParts.includes(field)),
        kind,
      ).toHaveLength(1);
    }
  });
});

describe('revenueByCurrency', () => {
  it('is empty when nothing moved', () => {
    expect(revenueByCurrency([], MONTHS)).toEqual([]);
  });

  it('fills every bucket of each currency, zeros where nothing moved, currencies apart', () => {
    const sums: BucketKindSum[] = [
      { currency: 'USD', bucket: '2027-03-01', kind: 'CHARGE', cents: 5_000 },
      { currency: 'EUR', bucket: '2027-03-01', kind: 'DEPOSIT', cents: 2_000 },
      { currency: 'EUR', bucket: '2027-03-01', kind: 'STRIPE_FEE', cents: -83 },
      { currency: 'EUR', bucket: '2027-04-01', kind: 'BALANCE_VENUE', cents: 8_000 },
      { currency: 'EUR', bucket: '2027-04-01', kind: 'REFUND', cents: -3_000 },
    ];
    const [eur, usd] = revenueByCurrency(sums, MONTHS);
    expect(eur!.currency).toBe('EUR');
    expect(eur!.buckets.map((bucket) => bucket.start)).toEqual(MONTHS);
    expect(eur!.buckets[0]).toEqual({ start: '2027-02-01', ...emptyFigures() });
    expect(eur!.buckets[1]).toEqual({
      ...emptyFigures(),
      start: '2027-03-01',
      grossCents: 2_000,
      depositsCents: 2_000,
      stripeFeesCents: -83,
      netCents: 1_917,
    });
    expect(eur!.buckets[2]).toEqual({
      ...emptyFigures(),
      start: '2027-04-01',
      grossCents: 8_000,
      balancesVenueCents: 8_000,
      refundsCents: -3_000,
      netCents: 5_000,
    });
    expect(eur!.totals).toEqual({
      ...emptyFigures(),
      grossCents: 10_000,
      depositsCents: 2_000,
      balancesVenueCents: 8_000,
      refundsCents: -3_000,
      stripeFeesCents: -83,
      netCents: 6_917,
    });
    expect(usd).toEqual({
      currency: 'USD',
      buckets: [
        { start: '2027-02-01', ...emptyFigures() },
        { ...emptyFigures(), start: '2027-03-01', grossCents: 5_000, netCents: 5_000 },
        { start: '2027-04-01', ...emptyFigures() },
      ],
      totals: { ...emptyFigures(), grossCents: 5_000, netCents: 5_000 },
    });
  });

  it('nets a won dispute to 0 in disputes, and both no-show fees in one field', () => {
    const sums: BucketKindSum[] = [
      { currency: 'EUR', bucket: '2027-02-01', kind: 'DISPUTE', cents: -2_000 },
      { currency: 'EUR', bucket: '2027-02-01', kind: 'DISPUTE_REVERSAL', cents: 2_000 },
      { currency: 'EUR', bucket: '2027-02-01', kind: 'NO_SHOW_FEE', cents: 500 },
      { currency: 'EUR', bucket: '2027-02-01', kind: 'NO_SHOW_FEE_VENUE', cents: 700 },
      { currency: 'EUR', bucket: '2027-02-01', kind: 'PLATFORM_FEE', cents: -30 },
    ];
    expect(revenueByCurrency(sums, MONTHS)[0]!.buckets[0]).toEqual({
      ...emptyFigures(),
      start: '2027-02-01',
      grossCents: 1_200,
      noShowFeesCents: 1_200,
      disputesCents: 0,
      platformFeesCents: -30,
      netCents: 1_170,
    });
  });

  it('refuses a sum in a bucket the period does not have', () => {
    expect(() =>
      revenueByCurrency([{ currency: 'EUR', bucket: '2027-05-01', kind: 'CHARGE', cents: 1 }], MONTHS),
    ).toThrow(RangeError);
  });

  it('refuses amounts that are not minor units', () => {
    expect(() =>
      revenueByCurrency([{ currency: 'EUR', bucket: '2027-02-01', kind: 'CHARGE', cents: 0.5 }], MONTHS),
    ).toThrow(RangeError);
  });
});
