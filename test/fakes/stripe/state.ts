import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import type { Params } from './form.ts';

/**
 * The fake's whole memory. Every object belongs to one account: the platform (`null`, no
 * Stripe-Account header) or a connected account (`acct_…`); lookups from another account miss,
 * as they do on Stripe.
 */
export interface FakeStripeState {
  now: () => Date;
  accounts: Map<string, Stripe.Account>;
  customers: Store<Stripe.Customer>;
  paymentMethods: Store<Stripe.PaymentMethod>;
  paymentIntents: Store<Stripe.PaymentIntent>;
  setupIntents: Store<Stripe.SetupIntent>;
  charges: Store<Stripe.Charge>;
  refunds: Store<Stripe.Refund>;
  balanceTransactions: Store<Stripe.BalanceTransaction>;
  applicationFees: Store<Stripe.ApplicationFee>;
  disputes: Store<Stripe.Dispute>;
  events: Stripe.Event[];
  /** Payment methods authenticated for later off-session use (a SetupIntent, or setup_future_usage). */
  setUpPaymentMethods: Set<string>;
  /** Payment methods used once without a customer: Stripe refuses to use them again. */
  consumedPaymentMethods: Set<string>;
}

export type Account = string | null;

export function createState(now: () => Date): FakeStripeState {
  return {
    now,
    accounts: new Map(),
    customers: new Store('customer'),
    paymentMethods: new Store('PaymentMethod'),
    paymentIntents: new Store('payment_intent'),
    setupIntents: new Store('setup_intent'),
    charges: new Store('charge'),
    refunds: new Store('refund'),
    balanceTransactions: new Store('balance_transaction'),
    applicationFees: new Store('application_fee'),
    disputes: new Store('dispute'),
    events: [],
    setUpPaymentMethods: new Set(),
    consumedPaymentMethods: new Set(),
  };
}

/** Empties everything in place, so references a test holds (`fake.state.charges`) stay valid. */
export function resetState(state: FakeStripeState): void {
  state.accounts.clear();
  for (const value of Object.values(state)) {
    if (value instanceof Store || value instanceof Set) value.clear();
  }
  state.events.length = 0;
}

/** Objects of one kind, each with the account that owns it. */
export class Store<T extends { id: string; created?: number }> {
  private readonly rows = new Map<string, { account: Account; object: T }>();

  /** `resource` is the name Stripe uses in "No such …" messages. */
  constructor(readonly resource: string) {}

  add(account: Account, object: T): T {
    this.rows.set(object.id, { account, object });
    return object;
  }

  /** The object if it belongs to `account`; another account's object is as good as missing. */
  get(id: string, account: Account): T | undefined {
    const row = this.rows.get(id);
    return row && row.account === account ? row.object : undefined;
  }

  /** For the control API, which acts as Stripe itself and sees every account. */
  find(id: string): { account: Account; object: T } | undefined {
    return this.rows.get(id);
  }

  /** Newest first (Stripe's list order); objects created in the same second by insertion. */
  list(account: Account): T[] {
    const owned = [...this.rows.values()].filter((row) => row.account === account).map((row) => row.object);
    return owned.reverse().sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
  }

  all(): T[] {
    return [...this.rows.values()].map((row) => row.object);
  }

  clear(): void {
    this.rows.clear();
  }
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `pi_3Qx…`: Stripe's prefix, then 24 random base-62 characters. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomString(length)}`;
}

export function randomString(length: number): string {
  let text = '';
  for (const byte of randomBytes(length)) text += ALPHABET[byte % ALPHABET.length];
  return text;
}

/** Unix seconds, as Stripe's `created`. */
export function unixNow(state: FakeStripeState): number {
  return Math.floor(state.now().getTime() / 1000);
}

/** The Stripe request that caused a change, as events record it (`request: { id, idempotency_key }`). */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

/** What a route handler gets. */
export interface Context {
  state: FakeStripeState;
  account: Account;
  params: Params;
  /** `:id` from the route's path. */
  id: string;
  request: RequestInfo;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/payment_intents/:id/confirm` */
  path: string;
  handle: (ctx: Context) => unknown;
}
