import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { InvalidStateError, PaymentsNotConfiguredError, ServiceBusyError } from '../domain/errors.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import { reconcile, type Reconciliation } from '../domain/ledger/reconcile.ts';

/**
 * Our ledger against the tenant's Stripe balance transactions, for the days startDate…endDate of
 * the tenant's zone (at most MAX_PERIOD_DAYS, domain/ledger/period.ts): every difference (missing on
 * either side, another amount, another currency) from the pure comparison in domain/ledger/reconcile.ts.
 */
export async function reconcilePayments(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  query: { startDate: string; endDate: string },
): Promise<{ startDate: string; endDate: string; reconciliation: Reconciliation }> {
  if (!gateway) throw new PaymentsNotConfiguredError();
  const [account, tenant] = await Promise.all([scope.payments.connectedAccount(), scope.tenant.get()]);
  if (!account) throw new InvalidStateError('This tenant has no Stripe account connected.');
  const { from, to } = periodOfDays(query, tenant.timezone);
  let transactions;
  try {
    transactions = await gateway.listBalanceTransactions(account, {
      from,
      to,
    });
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
  }
  const stripeIds = transactions.flatMap((transaction) =>
    transaction.source ? [transaction.id, transaction.source] : [transaction.id],
  );
  const entries = await scope.ledger.forReconciliation(from, to, stripeIds);
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    reconciliation: reconcile(entries, transactions),
  };
}
