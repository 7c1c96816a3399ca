import type { BalanceTransaction } from '../../domain/ledger/reconcile.ts';

/**
 * What the booking and money use-cases need from a card processor, in our terms (integer minor
 * units, upper-case currency codes). stripe-gateway.ts is the implementation; the use-cases never
 * see the Stripe SDK. Every call names the tenant's connected account: charges are direct charges
 * on it (api/README.md, Decisions).
 */

export type PaymentIntentState =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

/** The balance side of a succeeded charge: what it cost in fees, as Stripe booked it. */
export interface ChargeSettlement {
  chargeId: string;
  balanceTransactionId: string;
  /** Stripe's processing fee (the balance transaction's `stripe_fee` parts). */
  stripeFeeCents: number;
  /** The platform's application fee (`application_fee` parts). */
  platformFeeCents: number;
  /** When the money moved. */
  occurredAt: Date;
}

export interface PaymentIntentView {
  id: string;
  state: PaymentIntentState;
  amountCents: number;
  currency: string;
  clientSecret: string;
  /** Our appointment, from the intent's metadata (set when we created it). */
  appointmentId: string | null;
  /** Our payments row, for a charge of a kept card (recorded before Stripe was asked). */
  paymentRowId: string | null;
  /** Set once the intent succeeded and its charge is booked. */
  settlement: ChargeSettlement | null;
  /** The last failure's decline code or message, for the client. */
  lastError: string | null;
  /** The card it was paid with, and the customer it is kept for when the intent saves it. */
  paymentMethodId: string | null;
  customerId: string | null;
  /** Created with setup_future_usage: the card is kept for later off-session charges. */
  savesCard: boolean;
}

/** A SetupIntent: a card saved for later, nothing charged. */
export interface SetupIntentView {
  id: string;
  state:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'canceled'
    | 'succeeded';
  clientSecret: string;
  appointmentId: string | null;
  customerId: string | null;
  paymentMethodId: string | null;
  lastError: string | null;
}

/** A charge of a kept card without the client (a balance, a no-show fee). */
export interface NewOffSessionCharge {
  appointmentId: string;
  tenantId: string;
  /** Our payments row, written before Stripe is asked: its id is the idempotency key's. */
  paymentId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  currency: string;
  applicationFeeCents: number;
  description: string;
  idempotencyKey: string;
}

export interface NewPaymentIntent {
  appointmentId: string;
  tenantId: string;
  amountCents: number;
  currency: string;
  applicationFeeCents: number;
  /** Who receives Stripe's receipt. */
  receiptEmail: string;
  /** Keep the card for charges later (a balance, a no-show fee): the customer it is kept for. */
  saveCardFor: string | null;
  /** Derived from the appointment: a retried booking never creates a second intent. */
  idempotencyKey: string;
}

export interface RefundView {
  id: string;
  state: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'requires_action';
  amountCents: number;
  currency: string;
  balanceTransactionId: string | null;
  /** Our refunds row this refund was made for (its metadata), so every path records it on that row. */
  refundRowId: string | null;
  /** The reason we gave it (its metadata), when we made it. */
  reason: string | null;
}

/** A chargeback, with the balance transactions Stripe booked for it (the withdrawal and its fee first). */
export interface DisputeView {
  id: string;
  chargeId: string;
  paymentIntentId: string | null;
  amountCents: number;
  currency: string;
  balanceTransactions: Array<{
    id: string;
    /** Signed: negative for the money withdrawn, positive when reinstated. */
    amountCents: number;
    /** Stripe's fee on this transaction (the dispute fee on the withdrawal). */
    feeCents: number;
    occurredAt: Date;
  }>;
}

export interface ConnectedAccount {
  id: string;
  chargesEnabled: boolean;
  defaultCurrency: string | null;
  country: string | null;
}

export interface PaymentGateway {
  /** The platform's publishable key, for the browser. */
  readonly publishableKey: string;
  retrieveAccount(accountId: string): Promise<ConnectedAccount>;
  /** A customer on the connected account, to keep a client's card for one booking. */
  createCustomer(
    account: string,
    customer: { email: string; name: string; appointmentId: string; idempotencyKey: string },
  ): Promise<string>;
  createPaymentIntent(account: string, intent: NewPaymentIntent): Promise<PaymentIntentView>;
  createSetupIntent(
    account: string,
    intent: { appointmentId: string; tenantId: string; customerId: string; idempotencyKey: string },
  ): Promise<SetupIntentView>;
  retrieveSetupIntent(account: string, setupIntentId: string): Promise<SetupIntentView>;
  /**
   * Charges a kept card now, without the client. A decline (or a bank asking for the client, which
   * off-session cannot give) is an answer, not an error: the intent with its lastError, in
   * requires_payment_method; a success comes with its settlement.
   */
  chargeOffSession(account: string, charge: NewOffSessionCharge): Promise<PaymentIntentView>;
  retrievePaymentIntent(account: string, paymentIntentId: string): Promise<PaymentIntentView>;
  refund(
    account: string,
    refund: {
      paymentIntentId: string;
      amountCents: number;
      idempotencyKey: string;
      reason?: string;
      /** Our refunds row, written before asking Stripe: carried in the refund's metadata. */
      refundRowId?: string;
    },
  ): Promise<RefundView>;
  /** Every refund of the intent's charges, wherever it was made (here or in Stripe's dashboard). */
  listRefunds(account: string, paymentIntentId: string): Promise<RefundView[]>;
  retrieveDispute(account: string, disputeId: string): Promise<DisputeView>;
  /** The account's balance transactions created in [from, to) (every page). */
  listBalanceTransactions(account: string, period: { from: Date; to: Date }): Promise<BalanceTransaction[]>;
}

/** The gateway could not reach the processor, or it failed: the caller may retry with the same key. */
export class PaymentGatewayUnavailableError extends Error {
  override name = 'PaymentGatewayUnavailableError';
}

/** The processor refused the request itself (an unknown account, a refund larger than the charge). */
export class PaymentGatewayRefusedError extends Error {
  override name = 'PaymentGatewayRefusedError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}
