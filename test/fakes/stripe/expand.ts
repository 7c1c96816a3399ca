import type { Account, FakeStripeState, Store } from './state.ts';

/**
 * `expand[]=latest_charge.balance_transaction`: replaces ids with the objects they name, through
 * nested paths and through a list's `data`. Ids the account cannot see stay ids.
 * https://docs.stripe.com/api/expanding_objects
 */
export function expand(state: FakeStripeState, account: Account, body: unknown, paths: string[]): unknown {
  const copy = structuredClone(body);
  for (const path of paths) expandPath(state, account, copy, path.split('.'));
  return copy;
}

function expandPath(state: FakeStripeState, account: Account, node: unknown, path: string[]): void {
  const [field, ...rest] = path;
  if (field === undefined || typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (field === 'data' && record.object === 'list' && Array.isArray(record.data)) {
    for (const item of record.data) expandPath(state, account, item, rest);
    return;
  }
  const value = record[field];
  if (typeof value === 'string') {
    const found = lookup(state, account, value);
    if (found) record[field] = structuredClone(found);
  }
  expandPath(state, account, record[field], rest);
}

function lookup(state: FakeStripeState, account: Account, id: string): unknown {
  const stores: Record<string, Store<{ id: string }>> = {
    cus: state.customers,
    pm: state.paymentMethods,
    pi: state.paymentIntents,
    seti: state.setupIntents,
    ch: state.charges,
    re: state.refunds,
    txn: state.balanceTransactions,
    fee: state.applicationFees,
    dp: state.disputes,
  };
  const prefix = id.slice(0, id.indexOf('_'));
  if (prefix === 'acct') return state.accounts.get(id);
  return stores[prefix]?.get(id, account);
}
