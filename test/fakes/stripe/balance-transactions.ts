import type Stripe from 'stripe';
import { noSuch, notModelled } from './errors.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { allowOnly, optionalString } from './params.ts';
import { newId, unixNow, type Account, type FakeStripeState, type Route } from './state.ts';

/**
 * Balance transactions: the ledger of each account. Money in (a charge, net of fees), money out
 * (a refund, whose processing fee Stripe keeps; a dispute, with its fee).
 */

/** Stripe's standard card pricing, 2.9% + 30 minor units, rounded to the nearest unit. */
export function stripeFee(amount: number): number {
  // Integer arithmetic: 500 × 2.9% is exactly 14.5, which rounds to 15 (0.029 × 500 in floating
  // point is 14.499…).
  return Math.round((amount * 29) / 1000) + 30;
}

/** Stripe's fee for a dispute (US pricing: $15.00), kept even if the dispute is won. */
export const DISPUTE_FEE = 1500;

export interface NewBalanceTransaction {
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description: string | null;
  feeDetails?: Stripe.BalanceTransaction.FeeDetail[];
}

export function addBalanceTransaction(
  state: FakeStripeState,
  account: Account,
  entry: NewBalanceTransaction,
): Stripe.BalanceTransaction {
  const feeDetails = entry.feeDetails ?? [];
  const fee = feeDetails.reduce((sum, detail) => sum + detail.amount, 0);
  const created = unixNow(state);
  const transaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: entry.amount,
    // Payouts are not modelled: funds are available at once.
    available_on: created,
    balance_type: 'payments',
    created,
    currency: entry.currency,
    description: entry.description,
    exchange_rate: null,
    fee,
    fee_details: feeDetails,
    net: entry.amount - fee,
    reporting_category: entry.reportingCategory,
    source: entry.source,
    status: 'available',
    type: entry.type,
  } as Stripe.BalanceTransaction;
  return state.balanceTransactions.add(account, transaction);
}

export function feeDetail(
  type: 'stripe_fee' | 'application_fee',
  amount: number,
  currency: string,
  description: string,
  application: string | null = null,
): Stripe.BalanceTransaction.FeeDetail {
  return { amount, application, currency, description, type };
}

export const balanceTransactionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/balance_transactions',
    handle: (ctx) => {
      if (ctx.params.payout !== undefined) throw notModelled('payouts (the payout filter)');
      allowOnly(ctx.params, [...LIST_PARAMS, 'type', 'source', 'currency']);
      const type = optionalString(ctx.params, 'type');
      const source = optionalString(ctx.params, 'source');
      const currency = optionalString(ctx.params, 'currency');
      const matching = ctx.state.balanceTransactions
        .list(ctx.account)
        .filter(
          (txn) =>
            (!type || txn.type === type) &&
            (!source || txn.source === source) &&
            (!currency || txn.currency === currency.toLowerCase()),
        );
      return listPage(matching, ctx.params, '/v1/balance_transactions', 'balance_transaction');
    },
  },
  {
    method: 'GET',
    path: '/v1/balance_transactions/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      const transaction = ctx.state.balanceTransactions.get(ctx.id, ctx.account);
      if (!transaction) throw noSuch('balance_transaction', ctx.id, 'id');
      return transaction;
    },
  },
];
