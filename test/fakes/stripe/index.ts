import type Stripe from 'stripe';
import { accountRoutes, createAccount, type NewAccount } from './accounts.ts';
import { balanceTransactionRoutes } from './balance-transactions.ts';
import { chargeRoutes } from './charges.ts';
import { customerRoutes } from './customers.ts';
import { disputeRoutes, openDispute } from './disputes.ts';
import { NO_REQUEST } from './events.ts';
import type { FaultKind, RequestPattern } from './faults.ts';
import { attemptPayment } from './payment-intent-attempts.ts';
import { paymentIntentRoutes } from './payment-intents.ts';
import { paymentMethodRoutes, resolvePaymentMethod } from './payment-methods.ts';
import { refundRoutes } from './refunds.ts';
import { FakeStripeServer, type RequestRecord } from './server.ts';
import { attemptSetup, setupIntentRoutes } from './setup-intents.ts';
import { createState, randomString, resetState, type FakeStripeState } from './state.ts';
import { deliver, type Delivery, type DeliveryOptions } from './webhooks.ts';

export type {
  Delivery,
  DeliveryOptions,
  FakeStripeState,
  FaultKind,
  NewAccount,
  RequestPattern,
  RequestRecord,
};
export { stripeFee, DISPUTE_FEE } from './balance-transactions.ts';
export { TEST_CARDS } from './test-cards.ts';

export interface FakeStripeOptions {
  /** The webhook endpoint's signing secret (default: a random `whsec_…`). */
  webhookSecret?: string;
  /** Accept only this secret key (default: any `sk_test_…`). */
  apiKey?: string;
  /** The clock for `created` (default: the real one). Webhook signatures always use the real clock. */
  now?: () => Date;
  /** How long a 'timeout' fault holds a request before dropping it (default 2000 ms). */
  hangMs?: number;
  port?: number;
}

export interface FakeStripe {
  /** `http://127.0.0.1:PORT`, for STRIPE_API_BASE. */
  url: string;
  port: number;
  webhookSecret: string;
  state: FakeStripeState;
  /** Every event generated, oldest first. */
  readonly events: Stripe.Event[];
  /** Every request received, oldest first. */
  readonly requests: RequestRecord[];
  createAccount(options?: NewAccount): Stripe.Account;
  /** The next `times` requests matching `pattern` fail that way. */
  failNext(pattern: RequestPattern, kind: FaultKind, times?: number): void;
  failAlways(pattern: RequestPattern, kind: FaultKind): void;
  /**
   * What stripe.js's confirmCardPayment does in the browser: confirms with the payment method
   * (default: the PaymentIntent's own, else pm_card_visa), 3-D Secure passed. A declining card
   * leaves it in requires_payment_method with last_payment_error, as in the browser.
   */
  succeedPaymentIntent(id: string, options?: { paymentMethod?: string }): Stripe.PaymentIntent;
  /** The same for a SetupIntent (stripe.js's confirmCardSetup). */
  succeedSetupIntent(id: string, options?: { paymentMethod?: string }): Stripe.SetupIntent;
  /** The card holder's bank disputes a succeeded charge (default: the amount not refunded). */
  createDispute(chargeId: string, amount?: number, reason?: string): Stripe.Dispute;
  /** POSTs the events generated since the last delivery (or `options.events`), signed, one at a time. */
  deliverWebhooks(url: string, options?: DeliveryOptions): Promise<Delivery[]>;
  /** Forgets everything: objects, accounts, events, requests, saved idempotent answers, faults. */
  clear(): void;
  close(): Promise<void>;
}

const ROUTES = [
  ...paymentIntentRoutes,
  ...setupIntentRoutes,
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...balanceTransactionRoutes,
  ...accountRoutes,
  ...disputeRoutes,
];

const BROWSER_STATUSES = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const state = createState(options.now ?? (() => new Date()));
  const server = new FakeStripeServer({
    state,
    routes: ROUTES,
    apiKey: options.apiKey,
    hangMs: options.hangMs ?? 2000,
  });
  const port = await server.listen(options.port);
  const webhookSecret = options.webhookSecret ?? `whsec_${randomString(32)}`;
  let delivered = 0;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    webhookSecret,
    state,
    get events() {
      return state.events;
    },
    get requests() {
      return server.requests;
    },
    createAccount: (accountOptions) => createAccount(state, accountOptions),
    failNext: (pattern, kind, times = 1) => server.faults.add(pattern, kind, times),
    failAlways: (pattern, kind) => server.faults.add(pattern, kind, Number.POSITIVE_INFINITY),

    succeedPaymentIntent(id, { paymentMethod } = {}) {
      const found = state.paymentIntents.find(id);
      if (!found) throw new Error(`fake Stripe: no PaymentIntent ${id}`);
      const { account, object: intent } = found;
      if (!BROWSER_STATUSES.includes(intent.status)) {
        throw new Error(
          `fake Stripe: PaymentIntent ${id} is ${intent.status}; the browser cannot confirm it`,
        );
      }
      const current = typeof intent.payment_method === 'string' ? intent.payment_method : undefined;
      const method = resolvePaymentMethod(state, account, paymentMethod ?? current ?? 'pm_card_visa');
      attemptPayment(state, account, intent, method, { offSession: false, authenticated: true }, NO_REQUEST);
      return intent;
    },

    succeedSetupIntent(id, { paymentMethod } = {}) {
      const found = state.setupIntents.find(id);
      if (!found) throw new Error(`fake Stripe: no SetupIntent ${id}`);
      const { account, object: intent } = found;
      if (!BROWSER_STATUSES.includes(intent.status)) {
        throw new Error(`fake Stripe: SetupIntent ${id} is ${intent.status}; the browser cannot confirm it`);
      }
      const current = typeof intent.payment_method === 'string' ? intent.payment_method : undefined;
      const method = resolvePaymentMethod(state, account, paymentMethod ?? current ?? 'pm_card_visa');
      attemptSetup(state, account, intent, method, { authenticated: true }, NO_REQUEST);
      return intent;
    },

    createDispute: (chargeId, amount, reason) => openDispute(state, chargeId, amount, reason),

    async deliverWebhooks(url, deliveryOptions = {}) {
      const events = deliveryOptions.events ?? state.events.slice(delivered);
      if (!deliveryOptions.events) delivered = state.events.length;
      return deliver(events, url, deliveryOptions.secret ?? webhookSecret, deliveryOptions);
    },

    clear() {
      resetState(state);
      server.reset();
      delivered = 0;
    },

    close: () => server.close(),
  };
}
