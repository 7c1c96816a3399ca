import { describe, expect, it } from 'vitest';
import { movementKeyOf, type LedgerEntry } from './entries.ts';
import { reconcile, type BalanceTransaction } from './reconcile.ts';

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

function txn(
  fields: Partial<BalanceTransaction> & Pick<BalanceTransaction, 'id' | 'type' | 'amount'>,
): BalanceTransaction {
  const fee = fields.fee ?? 0;
  return { fee, net: fields.amount - fee, currency: 'eur', source: null, created: 1_803_888_000, ...fields };
}

/**
 * One period of a tenant's account. Stripe's side: a card charge with Stripe's
 * and our fee, a partial refund, a yen deposit, a dispute that was lost and
 * then won (fee charged, then returned), a refund that failed, and a payout.
 */
const stripe: BalanceTransaction[] = [
  txn({
    id: 'txn_c1',
    type: 'charge',
    amount: 10_000,
    fee: 520,
    source: 'ch_1',
    feeDetails: [
      { type: 'stripe_fee', amount: 320 },
      { type: 'application_fee', amount: 200 },
    ],
  }),
  txn({ id: 'txn_r1', type: 'refund', amount: -4_000, source: 're_1' }),
  txn({ id: 'txn_j1', type: 'charge', amount: 5_000, fee: 180, currency: 'jpy', source: 'ch_2' }),
  txn({ id: 'txn_d1', type: 'adjustment', amount: -6_000, fee: 1_500, source: 'dp_1' }),
  txn({ id: 'txn_d2', type: 'adjustment', amount: 6_000, fee: -1_500, source: 'dp_1' }),
  txn({ id: 'txn_r2', type: 'refund', amount: -1_000, source: 're_2' }),
  txn({ id: 'txn_r3', type: 'refund_failure', amount: 1_000, source: 're_2' }),
  txn({ id: 'txn_p1', type: 'payout', amount: -9_000, source: 'po_1' }),
];

// Our side of the same period: the charge was first recorded 1.00 too high and corrected.
const wrongCharge = entry({
  kind: 'CHARGE',
  amountCents: 10_100,
  stripeObjectId: 'ch_1',
  stripeBalanceTransactionId: 'txn_c1',
});
const failedRefund = entry({ kind: 'REFUND', amountCents: -1_000, stripeObjectId: 're_2' });
const venue = entry({ kind: 'BALANCE_VENUE', amountCents: 2_500 });
const ledger: LedgerEntry[] = [
  wrongCharge,
  entry({ kind: 'CHARGE', amountCents: -100, correctsEntryId: wrongCharge.id }),
  entry({
    kind: 'STRIPE_FEE',
    amountCents: -320,
    stripeObjectId: 'txn_c1',
    stripeBalanceTransactionId: 'txn_c1',
  }),
  entry({
    kind: 'PLATFORM_FEE',
    amountCents: -200,
    stripeObjectId: 'txn_c1',
    stripeBalanceTransactionId: 'txn_c1',
  }),
  entry({ kind: 'REFUND', amountCents: -4_000, stripeObjectId: 're_1' }),
  entry({
    kind: 'DEPOSIT',
    amountCents: 5_000,
    currency: 'JPY',
    stripeObjectId: 'ch_2',
    appointmentId: 'a2',
  }),
  entry({
    kind: 'STRIPE_FEE',
    amountCents: -180,
    currency: 'JPY',
    stripeObjectId: 'txn_j1',
    appointmentId: 'a2',
  }),
  entry({ kind: 'DISPUTE', amountCents: -6_000, stripeObjectId: 'dp_1' }),
  entry({ kind: 'STRIPE_FEE', amountCents: -1_500, stripeObjectId: 'txn_d1' }),
  entry({ kind: 'DISPUTE_REVERSAL', amountCents: 6_000, stripeObjectId: 'dp_1' }),
  entry({ kind: 'STRIPE_FEE', amountCents: 1_500, stripeObjectId: 'txn_d2' }),
  failedRefund,
  entry({ kind: 'REFUND', amountCents: 1_000, correctsEntryId: failedRefund.id }),
  venue,
];

const without = (id: string) => ledger.filter((row) => row.id !== id);
const key = (group: string, stripeObjectId: string) => ({ group, stripeObjectId });

describe('reconcile', () => {
  it('finds no difference when both sides agree', () => {
    const result = reconcile(ledger, stripe);
    expect(result.differences).toEqual([]);
    // ch_1, txn_c1 (Stripe's fee and ours), re_1, ch_2, txn_j1, dp_1 (lost and won), txn_d1, txn_d2, re_2.
    expect(result.matchedMovements).toBe(11);
    expect(result.outOfScope.map((transaction) => transaction.id)).toEqual(['txn_p1']);
    expect(result.offStripe).toEqual([venue.id]);
  });

  it('finds a movement missing in the ledger', () => {
    const refund = ledger.find((row) => row.stripeObjectId === 're_1')!;
    expect(reconcile(without(refund.id), stripe).differences).toEqual([
      {
        type: 'missing_in_ledger',
        key: key('refund', 're_1'),
        currency: 'EUR',
        stripeCents: -4_000,
        balanceTransactionIds: ['txn_r1'],
      },
    ]);
  });

  it('finds a movement missing in Stripe', () => {
    const extra = entry({ kind: 'NO_SHOW_FEE', amountCents: 1_500, stripeObjectId: 'ch_9' });
    expect(reconcile([...ledger, extra], stripe).differences).toEqual([
      {
        type: 'missing_in_stripe',
        key: key('payment', 'ch_9'),
        currency: 'EUR',
        ledgerCents: 1_500,
        entryIds: [extra.id],
      },
    ]);
  });

  it('finds an amount that differs, counting corrections with the row they correct', () => {
    const uncorrected = ledger.filter((row) => row.correctsEntryId !== wrongCharge.id);
    expect(reconcile(uncorrected, stripe).differences).toEqual([
      {
        type: 'amount_mismatch',
        key: key('payment', 'ch_1'),
        currency: 'EUR',
        ledgerCents: 10_100,
        stripeCents: 10_000,
        entryIds: [wrongCharge.id],
        balanceTransactionIds: ['txn_c1'],
      },
    ]);
  });

  it('finds a currency that differs', () => {
    const dollars = stripe.map((transaction) =>
      transaction.id === 'txn_r1' ? { ...transaction, currency: 'usd' } : transaction,
    );
    const refund = ledger.find((row) => row.stripeObjectId === 're_1')!;
    expect(reconcile(ledger, dollars).differences).toEqual([
      {
        type: 'currency_mismatch',
        key: key('refund', 're_1'),
        ledgerCurrency: 'EUR',
        stripeCurrency: 'USD',
        ledgerCents: -4_000,
        stripeCents: -4_000,
        entryIds: [refund.id],
        balanceTransactionIds: ['txn_r1'],
      },
    ]);
  });

  it('finds every planted difference at once, in a stable order', () => {
    const refund = ledger.find((row) => row.stripeObjectId === 're_1')!;
    const planted = [
      ...without(refund.id).filter((row) => row.correctsEntryId !== wrongCharge.id),
      entry({ kind: 'NO_SHOW_FEE', amountCents: 1_500, stripeObjectId: 'ch_9' }),
    ];
    const yenAsDollars = stripe.map((transaction) =>
      transaction.id === 'txn_j1' ? { ...transaction, currency: 'usd' } : transaction,
    );
    expect(reconcile(planted, yenAsDollars).differences.map((d) => [d.type, d.key.stripeObjectId])).toEqual([
      ['amount_mismatch', 'ch_1'],
      ['currency_mismatch', 'ch_2'],
      ['missing_in_stripe', 'ch_9'],
      ['missing_in_ledger', 're_1'],
      ['currency_mismatch', 'txn_j1'],
    ]);
  });

  it('splits the fee into Stripe’s and ours by feeDetails', () => {
    const onlyStripeFee = ledger
      .filter((row) => row.kind !== 'PLATFORM_FEE')
      .map((row) => (row.stripeObjectId === 'txn_c1' ? { ...row, amountCents: -520 } : row));
    expect(reconcile(onlyStripeFee, stripe).differences).toEqual([
      expect.objectContaining({
        type: 'missing_in_ledger',
        key: key('platform_fee', 'txn_c1'),
        stripeCents: -200,
      }),
      expect.objectContaining({
        type: 'amount_mismatch',
        key: key('stripe_fee', 'txn_c1'),
        ledgerCents: -520,
        stripeCents: -320,
      }),
    ]);
  });

  it('keeps currencies apart: a surplus in one does not hide a shortfall in another', () => {
    const eurShort = stripe.map((transaction) =>
      transaction.id === 'txn_c1' ? { ...transaction, amount: 9_900, net: 9_380 } : transaction,
    );
    const yenOver = eurShort.map((transaction) =>
      transaction.id === 'txn_j1' ? { ...transaction, amount: 5_100, net: 4_920 } : transaction,
    );
    expect(reconcile(ledger, yenOver).differences).toEqual([
      expect.objectContaining({
        type: 'amount_mismatch',
        currency: 'EUR',
        ledgerCents: 10_000,
        stripeCents: 9_900,
      }),
      expect.objectContaining({
        type: 'amount_mismatch',
        currency: 'JPY',
        ledgerCents: 5_000,
        stripeCents: 5_100,
      }),
    ]);
  });

  it('reports one movement recorded in two currencies per currency', () => {
    const split = [
      ...ledger.filter((row) => row.stripeObjectId !== 're_1'),
      entry({ kind: 'REFUND', amountCents: -3_000, stripeObjectId: 're_1' }),
      entry({ kind: 'REFUND', amountCents: -1_000, currency: 'USD', stripeObjectId: 're_1' }),
    ];
    expect(reconcile(split, stripe).differences).toEqual([
      expect.objectContaining({
        type: 'amount_mismatch',
        currency: 'EUR',
        ledgerCents: -3_000,
        stripeCents: -4_000,
      }),
      expect.objectContaining({ type: 'missing_in_stripe', currency: 'USD', ledgerCents: -1_000 }),
    ]);
  });

  it('needs the rows that corrections point at', () => {
    const correction = ledger.find((row) => row.correctsEntryId === wrongCharge.id)!;
    expect(() => reconcile(without(wrongCharge.id), stripe)).toThrow(RangeError);
    expect(() => movementKeyOf(correction, new Map())).toThrow(/was not given/);
  });

  it('refuses amounts that are not integers', () => {
    expect(() => reconcile([], [txn({ id: 'txn_x', type: 'charge', amount: 10.5, source: 'ch_x' })])).toThrow(
      RangeError,
    );
  });
});
