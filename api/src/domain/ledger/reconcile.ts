import {
  movementKeyOf,
  movementKeyString,
  sumCents,
  type LedgerEntry,
  type MovementGroup,
  type MovementKey,
} from './entries.ts';

/**
 * Reconciliation: our ledger rows against the balance transactions of the
 * tenant's Stripe account, as plain data. Both sides are reduced to movements
 * (MovementKey: a group and the Stripe object) with an amount per currency,
 * then compared.
 *
 * How a balance transaction maps onto ledger rows (amounts are Stripe's, in
 * minor units; Stripe's lower-case currency is upper-cased):
 *
 *   type                                  gross `amount` →              `fee` →
 *   charge, payment                       payment   (source ch_/py_)    fee rows
 *   refund, payment_refund,
 *   refund_failure, payment_failure_refund refund   (source re_/pyr_)   fee rows
 *   adjustment from a dispute (dp_/du_)   dispute if < 0, dispute_reversal if > 0 (source)   fee rows
 *   anything else (payout, transfer, topup, Stripe's separately billed
 *   `stripe_fee`, the platform's own `application_fee`, other adjustments)
 *                                         not appointment money: listed in `outOfScope`, not compared
 *
 * Fee rows: a transaction's fee becomes −fee, keyed by the transaction id:
 * the `application_fee` part of `feeDetails` is PLATFORM_FEE, the rest
 * (Stripe's fee and tax on it) STRIPE_FEE; without `feeDetails` it is all
 * STRIPE_FEE. A fee of 0 expects no row. So a card charge of 100.00 with a
 * 3.20 fee is one payment row (CHARGE, DEPOSIT, BALANCE_CARD or NO_SHOW_FEE)
 * of +10000 on ch_… and one STRIPE_FEE row of −320 on txn_…; the sum, +9680,
 * is the transaction's `net`.
 *
 * Several rows or transactions of one movement are added up first (a refund
 * and its refund_failure; a row and its corrections). BALANCE_VENUE rows never
 * reach Stripe: they are listed in `offStripe`.
 *
 * The caller chooses the period: pass the period's transactions and the
 * ledger rows of the period plus any rows of the same movements (and the rows
 * their corrections point at), or a movement on the period's edge shows up as
 * missing on one side.
 */

export interface BalanceTransaction {
  id: string;
  type: string;
  /** Gross, signed minor units. */
  amount: number;
  /** Fees charged on it (negative when returned). */
  fee: number;
  net: number;
  /** Stripe's three-letter code, in either case. */
  currency: string;
  /** The Stripe object that caused it (ch_…, re_…, dp_…), if any. */
  source: string | null;
  /** Unix seconds. */
  created: number;
  feeDetails?: readonly { type: string; amount: number }[];
}

export type ReconciliationDifference =
  | {
      type: 'missing_in_ledger';
      key: MovementKey;
      currency: string;
      stripeCents: number;
      balanceTransactionIds: string[];
    }
  | {
      type: 'missing_in_stripe';
      key: MovementKey;
      currency: string;
      ledgerCents: number;
      entryIds: string[];
    }
  | {
      type: 'amount_mismatch';
      key: MovementKey;
      currency: string;
      ledgerCents: number;
      stripeCents: number;
      entryIds: string[];
      balanceTransactionIds: string[];
    }
  | {
      type: 'currency_mismatch';
      key: MovementKey;
      ledgerCurrency: string;
      stripeCurrency: string;
      ledgerCents: number;
      stripeCents: number;
      entryIds: string[];
      balanceTransactionIds: string[];
    };

export interface Reconciliation {
  /** Every difference, ordered by movement then currency. Empty when the two agree. */
  differences: ReconciliationDifference[];
  /** Movements found on both sides with equal amounts. */
  matchedMovements: number;
  /** Stripe transactions that are not appointment money (payouts, transfers, account fees…). */
  outOfScope: BalanceTransaction[];
  /** Ids of ledger rows outside Stripe (venue payments and their corrections). */
  offStripe: string[];
}

const PAYMENT_TYPES = new Set(['charge', 'payment']);
const REFUND_TYPES = new Set(['refund', 'payment_refund', 'refund_failure', 'payment_failure_refund']);
const DISPUTE_SOURCE = /^(dp|du)_/;

interface Side {
  key: MovementKey;
  /** currency → amounts */
  amounts: Map<string, number[]>;
  ids: string[];
}

function add(sides: Map<string, Side>, key: MovementKey, currency: string, amount: number, id: string) {
  const name = movementKeyString(key);
  const side: Side = sides.get(name) ?? { key, amounts: new Map(), ids: [] };
  side.amounts.set(currency, [...(side.amounts.get(currency) ?? []), amount]);
  if (!side.ids.includes(id)) side.ids.push(id);
  sides.set(name, side);
}

/** The gross movement's group, or null when the transaction is not appointment money. */
function grossGroup(transaction: BalanceTransaction): MovementGroup | null {
  if (transaction.source === null) return null;
  if (PAYMENT_TYPES.has(transaction.type)) return 'payment';
  if (REFUND_TYPES.has(transaction.type)) return 'refund';
  if (transaction.type === 'adjustment' && DISPUTE_SOURCE.test(transaction.source)) {
    return transaction.amount < 0 ? 'dispute' : 'dispute_reversal';
  }
  return null;
}

function stripeSide(transactions: readonly BalanceTransaction[]) {
  const sides = new Map<string, Side>();
  const outOfScope: BalanceTransaction[] = [];
  for (const transaction of transactions) {
    for (const value of [transaction.amount, transaction.fee]) {
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`Balance transaction ${transaction.id}: not an amount in minor units: ${value}`);
      }
    }
    const group = grossGroup(transaction);
    if (group === null) {
      outOfScope.push(transaction);
      continue;
    }
    const currency = transaction.currency.toUpperCase();
    if (transaction.amount !== 0) {
      add(
        sides,
        { group, stripeObjectId: transaction.source! },
        currency,
        transaction.amount,
        transaction.id,
      );
    }
    const platformFee = sumCents(
      (transaction.feeDetails ?? [])
        .filter((detail) => detail.type === 'application_fee')
        .map((detail) => detail.amount),
    );
    const stripeFee = transaction.fee - platformFee;
    const fees: Array<[MovementGroup, number]> = [
      ['stripe_fee', stripeFee],
      ['platform_fee', platformFee],
    ];
    for (const [feeGroup, fee] of fees) {
      if (fee !== 0) {
        add(sides, { group: feeGroup, stripeObjectId: transaction.id }, currency, -fee, transaction.id);
      }
    }
  }
  return { sides, outOfScope };
}

function ledgerSide(entries: readonly LedgerEntry[]) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const sides = new Map<string, Side>();
  const offStripe: string[] = [];
  for (const entry of entries) {
    const key = movementKeyOf(entry, byId);
    if (key === null) offStripe.push(entry.id);
    else add(sides, key, entry.currency, entry.amountCents, entry.id);
  }
  return { sides, offStripe };
}

/** Every difference between our ledger rows and Stripe's balance transactions (see the header). */
export function reconcile(
  entries: readonly LedgerEntry[],
  transactions: readonly BalanceTransaction[],
): Reconciliation {
  const ours = ledgerSide(entries);
  const theirs = stripeSide(transactions);
  const differences: ReconciliationDifference[] = [];
  let matchedMovements = 0;

  for (const name of [...new Set([...ours.sides.keys(), ...theirs.sides.keys()])].sort()) {
    const ledger = ours.sides.get(name);
    const stripe = theirs.sides.get(name);
    const key = (ledger ?? stripe)!.key;
    const entryIds = ledger?.ids ?? [];
    const balanceTransactionIds = stripe?.ids ?? [];
    const ledgerCurrencies = [...(ledger?.amounts.keys() ?? [])];
    const stripeCurrencies = [...(stripe?.amounts.keys() ?? [])];

    if (ledger && stripe && ledgerCurrencies.length === 1 && stripeCurrencies.length === 1) {
      const [ledgerCurrency] = ledgerCurrencies as [string];
      const [stripeCurrency] = stripeCurrencies as [string];
      if (ledgerCurrency !== stripeCurrency) {
        differences.push({
          type: 'currency_mismatch',
          key,
          ledgerCurrency,
          stripeCurrency,
          ledgerCents: sumCents(ledger.amounts.get(ledgerCurrency)!),
          stripeCents: sumCents(stripe.amounts.get(stripeCurrency)!),
          entryIds,
          balanceTransactionIds,
        });
        continue;
      }
    }

    let agrees = true;
    for (const currency of [...new Set([...ledgerCurrencies, ...stripeCurrencies])].sort()) {
      const ledgerAmounts = ledger?.amounts.get(currency);
      const stripeAmounts = stripe?.amounts.get(currency);
      if (!ledgerAmounts) {
        differences.push({
          type: 'missing_in_ledger',
          key,
          currency,
          stripeCents: sumCents(stripeAmounts!),
          balanceTransactionIds,
        });
        agrees = false;
      } else if (!stripeAmounts) {
        differences.push({
          type: 'missing_in_stripe',
          key,
          currency,
          ledgerCents: sumCents(ledgerAmounts),
          entryIds,
        });
        agrees = false;
      } else {
        const ledgerCents = sumCents(ledgerAmounts);
        const stripeCents = sumCents(stripeAmounts);
        if (ledgerCents !== stripeCents) {
          differences.push({
            type: 'amount_mismatch',
            key,
            currency,
            ledgerCents,
            stripeCents,
            entryIds,
            balanceTransactionIds,
          });
          agrees = false;
        }
      }
    }
    if (agrees) matchedMovements += 1;
  }

  return { differences, matchedMovements, outOfScope: theirs.outOfScope, offStripe: ours.offStripe };
}
