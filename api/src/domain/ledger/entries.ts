import { LedgerEntryKind } from '../../generated/prisma/enums.ts';

export { LedgerEntryKind };

/**
 * The ledger: every movement of an appointment's money, one row each, in
 * signed integer minor units (money towards the business positive; refunds,
 * disputes and fees negative). Rows are never changed; a wrong row is
 * corrected by a new row that points at it (`correctsEntryId`) and carries no
 * Stripe ids of its own. The table is ledger_entries
 * (prisma/migrations/20261203000000_ledger), whose CHECKs mirror KIND_RULES.
 */
export interface LedgerEntry {
  id: string;
  appointmentId: string;
  kind: LedgerEntryKind;
  /** Signed minor units, never 0. */
  amountCents: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** The Stripe object that moved the money (ch_/py_, re_/pyr_, dp_/du_; txn_ for fees). */
  stripeObjectId: string | null;
  stripeBalanceTransactionId: string | null;
  correctsEntryId: string | null;
  /** When the money moved, not when the row was written. */
  occurredAt: Date;
  paymentId?: string | null;
  refundId?: string | null;
}

/**
 * A Stripe movement, as both sides name it: what kind of movement and the
 * Stripe object that caused it. All card payments share `payment` (Stripe
 * does not know deposits from balances); fees are keyed by their balance
 * transaction, because one dispute can be charged a fee when it opens and get
 * it back when it is won.
 */
export type MovementGroup =
  'payment' | 'refund' | 'dispute' | 'dispute_reversal' | 'stripe_fee' | 'platform_fee';

/** Where a kind's money goes in an appointment's totals (see money.ts). */
export type MoneyBucket = 'paid' | 'refunded' | 'disputed' | 'fees';

interface KindRule {
  /** 1 = always positive, -1 = always negative, 0 = either (a fee that is returned is positive). */
  sign: 1 | -1 | 0;
  /** null = not a Stripe movement (paid at the venue). */
  group: MovementGroup | null;
  bucket: MoneyBucket;
}

export const KIND_RULES: Readonly<Record<LedgerEntryKind, KindRule>> = {
  CHARGE: { sign: 1, group: 'payment', bucket: 'paid' },
  DEPOSIT: { sign: 1, group: 'payment', bucket: 'paid' },
  BALANCE_CARD: { sign: 1, group: 'payment', bucket: 'paid' },
  BALANCE_VENUE: { sign: 1, group: null, bucket: 'paid' },
  NO_SHOW_FEE: { sign: 1, group: 'payment', bucket: 'paid' },
  NO_SHOW_FEE_VENUE: { sign: 1, group: null, bucket: 'paid' },
  REFUND: { sign: -1, group: 'refund', bucket: 'refunded' },
  DISPUTE: { sign: -1, group: 'dispute', bucket: 'disputed' },
  DISPUTE_REVERSAL: { sign: 1, group: 'dispute_reversal', bucket: 'disputed' },
  STRIPE_FEE: { sign: 0, group: 'stripe_fee', bucket: 'fees' },
  PLATFORM_FEE: { sign: 0, group: 'platform_fee', bucket: 'fees' },
};

export interface MovementKey {
  group: MovementGroup;
  stripeObjectId: string;
}

export function movementKeyString(key: MovementKey): string {
  return `${key.group}:${key.stripeObjectId}`;
}

/**
 * The Stripe movement an entry belongs to: its own kind and Stripe object, or
 * for a correction those of the row it corrects (followed to the first row).
 * null for money outside Stripe (venue payments and their corrections).
 * Throws when a corrected row is not in `byId`: load the rows a correction
 * points at with it.
 */
export function movementKeyOf(
  entry: LedgerEntry,
  byId: ReadonlyMap<string, LedgerEntry>,
): MovementKey | null {
  let root = entry;
  const seen = new Set<string>();
  while (root.correctsEntryId !== null) {
    if (seen.has(root.id)) throw new RangeError(`Ledger entry ${entry.id} corrects itself in a cycle`);
    seen.add(root.id);
    const corrected = byId.get(root.correctsEntryId);
    if (!corrected) {
      throw new RangeError(`Ledger entry ${root.id} corrects ${root.correctsEntryId}, which was not given`);
    }
    root = corrected;
  }
  const group = KIND_RULES[root.kind].group;
  if (group === null || root.stripeObjectId === null) return null;
  return { group, stripeObjectId: root.stripeObjectId };
}

/** Sums minor units, refusing anything but safe integers (no float money, no silent overflow). */
export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an amount in minor units: ${amount}`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('Sum of amounts exceeds the safe integer range');
  }
  return total;
}
