import Stripe from 'stripe';
import type { BalanceTransaction } from '../../domain/ledger/reconcile.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type ChargeSettlement,
  type ConnectedAccount,
  type DisputeView,
  type NewOffSessionCharge,
  type NewPaymentIntent,
  type PaymentGateway,
  type PaymentIntentView,
  type RefundView,
  type SetupIntentView,
} from './payment-gateway.ts';

/** PaymentGateway over the Stripe SDK: direct charges on the tenant's connected account. */
export class StripeGateway implements PaymentGateway {
  constructor(
    private readonly stripe: Stripe,
    readonly publishableKey: string,
  ) {}

  async retrieveAccount(accountId: string): Promise<ConnectedAccount> {
    const account = await call(() => this.stripe.accounts.retrieve(accountId));
    return {
      id: account.id,
      chargesEnabled: account.charges_enabled ?? false,
      defaultCurrency: account.default_currency?.toUpperCase() ?? null,
      country: account.country ?? null,
    };
  }

  async createCustomer(
    account: string,
    customer: { email: string; name: string; appointmentId: string; idempotencyKey: string },
  ): Promise<string> {
    const created = await call(() =>
      this.stripe.customers.create(
        { email: customer.email, name: customer.name, metadata: { appointmentId: customer.appointmentId } },
        { stripeAccount: account, idempotencyKey: customer.idempotencyKey },
      ),
    );
    return created.id;
  }

  async createSetupIntent(
    account: string,
    intent: { appointmentId: string; tenantId: string; customerId: string; idempotencyKey: string },
  ): Promise<SetupIntentView> {
    const created = await call(() =>
      this.stripe.setupIntents.create(
        {
          customer: intent.customerId,
          usage: 'off_session',
          automatic_payment_methods: { enabled: true },
          metadata: { appointmentId: intent.appointmentId, tenantId: intent.tenantId },
        },
        { stripeAccount: account, idempotencyKey: intent.idempotencyKey },
      ),
    );
    return setupView(created);
  }

  async retrieveSetupIntent(account: string, setupIntentId: string): Promise<SetupIntentView> {
    const intent = await call(() =>
      this.stripe.setupIntents.retrieve(setupIntentId, {}, { stripeAccount: account }),
    );
    return setupView(intent);
  }

  async chargeOffSession(account: string, charge: NewOffSessionCharge): Promise<PaymentIntentView> {
    return call(async () => {
      try {
        const created = await this.stripe.paymentIntents.create(
          {
            amount: charge.amountCents,
            currency: charge.currency.toLowerCase(),
            customer: charge.customerId,
            payment_method: charge.paymentMethodId,
            off_session: true,
            confirm: true,
            description: charge.description,
            metadata: {
              appointmentId: charge.appointmentId,
              tenantId: charge.tenantId,
              paymentId: charge.paymentId,
            },
            ...(charge.applicationFeeCents > 0 ? { application_fee_amount: charge.applicationFeeCents } : {}),
            expand: ['latest_charge.balance_transaction'],
          },
          { stripeAccount: account, idempotencyKey: charge.idempotencyKey },
        );
        return view(created);
      } catch (error) {
        // A decline (or authentication_required) is a 402 carrying the intent, left in
        // requires_payment_method with its last_payment_error.
        const declined = error instanceof Stripe.errors.StripeError ? error.payment_intent : undefined;
        if (declined) return view(declined);
        throw error;
      }
    });
  }

  async createPaymentIntent(account: string, intent: NewPaymentIntent): Promise<PaymentIntentView> {
    const created = await call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: intent.amountCents,
          currency: intent.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          receipt_email: intent.receiptEmail,
          metadata: { appointmentId: intent.appointmentId, tenantId: intent.tenantId },
          ...(intent.applicationFeeCents > 0 ? { application_fee_amount: intent.applicationFeeCents } : {}),
          ...(intent.saveCardFor
            ? { customer: intent.saveCardFor, setup_future_usage: 'off_session' as const }
            : {}),
        },
        { stripeAccount: account, idempotencyKey: intent.idempotencyKey },
      ),
    );
    return view(created);
  }

  async retrievePaymentIntent(account: string, paymentIntentId: string): Promise<PaymentIntentView> {
    const intent = await call(() =>
      this.stripe.paymentIntents.retrieve(
        paymentIntentId,
        { expand: ['latest_charge.balance_transaction'] },
        { stripeAccount: account },
      ),
    );
    return view(intent);
  }

  async refund(
    account: string,
    refund: {
      paymentIntentId: string;
      amountCents: number;
      idempotencyKey: string;
      reason?: string;
      refundRowId?: string;
    },
  ): Promise<RefundView> {
    const created = await call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: refund.paymentIntentId,
          amount: refund.amountCents,
          metadata: {
            ...(refund.reason ? { reason: refund.reason } : {}),
            ...(refund.refundRowId ? { refundId: refund.refundRowId } : {}),
          },
        },
        { stripeAccount: account, idempotencyKey: refund.idempotencyKey },
      ),
    );
    return refundView(created);
  }

  async listRefunds(account: string, paymentIntentId: string): Promise<RefundView[]> {
    const refunds = await call(() =>
      this.stripe.refunds
        .list({ payment_intent: paymentIntentId, limit: 100 }, { stripeAccount: account })
        .autoPagingToArray({ limit: 10_000 }),
    );
    return refunds.map(refundView);
  }

  async listBalanceTransactions(
    account: string,
    period: { from: Date; to: Date },
  ): Promise<BalanceTransaction[]> {
    const transactions: Stripe.BalanceTransaction[] = [];
    await call(() =>
      this.stripe.balanceTransactions
        .list(
          {
            created: {
              gte: Math.floor(period.from.getTime() / 1000),
              lt: Math.ceil(period.to.getTime() / 1000),
            },
            limit: 100,
          },
          { stripeAccount: account },
        )
        // Every page, however many: a busy account has more than autoPagingToArray's 10,000 cap.
        .autoPagingEach((transaction) => {
          transactions.push(transaction);
        }),
    );
    return transactions.map((transaction) => ({
      id: transaction.id,
      type: transaction.type,
      amount: transaction.amount,
      fee: transaction.fee,
      net: transaction.net,
      currency: transaction.currency,
      source: idOf(transaction.source),
      created: transaction.created,
      feeDetails: transaction.fee_details.map((detail) => ({ type: detail.type, amount: detail.amount })),
    }));
  }

  async retrieveDispute(account: string, disputeId: string): Promise<DisputeView> {
    const dispute = await call(() =>
      this.stripe.disputes.retrieve(disputeId, {}, { stripeAccount: account }),
    );
    return {
      id: dispute.id,
      chargeId: idOf(dispute.charge)!,
      paymentIntentId: idOf(dispute.payment_intent),
      amountCents: dispute.amount,
      currency: dispute.currency.toUpperCase(),
      balanceTransactions: dispute.balance_transactions.map((transaction) => ({
        id: transaction.id,
        amountCents: transaction.amount,
        feeCents: transaction.fee,
        occurredAt: new Date(transaction.created * 1000),
      })),
    };
  }
}

function refundView(refund: Stripe.Refund): RefundView {
  return {
    id: refund.id,
    state: (refund.status ?? 'pending') as RefundView['state'],
    amountCents: refund.amount,
    currency: refund.currency.toUpperCase(),
    balanceTransactionId: idOf(refund.balance_transaction),
    refundRowId: refund.metadata?.refundId ?? null,
    reason: refund.metadata?.reason ?? null,
  };
}

/** The id of a field Stripe gives as an id or, when expanded, as the object. */
function idOf(field: string | { id: string } | null | undefined): string | null {
  return typeof field === 'string' ? field : (field?.id ?? null);
}

function view(intent: Stripe.PaymentIntent): PaymentIntentView {
  return {
    id: intent.id,
    state: intent.status as PaymentIntentView['state'],
    amountCents: intent.amount,
    currency: intent.currency.toUpperCase(),
    clientSecret: intent.client_secret ?? '',
    appointmentId: intent.metadata?.appointmentId ?? null,
    paymentRowId: intent.metadata?.paymentId ?? null,
    settlement: intent.status === 'succeeded' ? settlement(intent) : null,
    lastError: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.message ?? null,
    paymentMethodId: idOf(intent.payment_method),
    customerId: idOf(intent.customer),
    savesCard: intent.setup_future_usage === 'off_session',
  };
}

function setupView(intent: Stripe.SetupIntent): SetupIntentView {
  return {
    id: intent.id,
    state: intent.status as SetupIntentView['state'],
    clientSecret: intent.client_secret ?? '',
    appointmentId: intent.metadata?.appointmentId ?? null,
    customerId: idOf(intent.customer),
    paymentMethodId: idOf(intent.payment_method),
    lastError: intent.last_setup_error?.decline_code ?? intent.last_setup_error?.message ?? null,
  };
}

/** The charge's balance transaction, when it was expanded (retrievePaymentIntent expands it). */
function settlement(intent: Stripe.PaymentIntent): ChargeSettlement | null {
  const charge = intent.latest_charge;
  if (!charge || typeof charge === 'string') return null;
  const transaction = charge.balance_transaction;
  if (!transaction || typeof transaction === 'string') return null;
  const fees = (type: string) =>
    transaction.fee_details.filter((detail) => detail.type === type).reduce((sum, d) => sum + d.amount, 0);
  return {
    chargeId: charge.id,
    balanceTransactionId: transaction.id,
    stripeFeeCents: transaction.fee - fees('application_fee'),
    platformFeeCents: fees('application_fee'),
    occurredAt: new Date(transaction.created * 1000),
  };
}

/** Stripe's errors in our two kinds: worth retrying, or refused. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError
    ) {
      throw new PaymentGatewayUnavailableError(error.message);
    }
    if (error instanceof Stripe.errors.StripeError) {
      throw new PaymentGatewayRefusedError(error.message, error.code ?? null);
    }
    throw error;
  }
}
