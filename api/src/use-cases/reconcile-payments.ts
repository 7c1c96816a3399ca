import { DateTime } from 'luxon';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import {
  InvalidStateError,
  PaymentsNotConfiguredError,
  ServiceBusyError,
  ValidationError,
} from '../domain/errors.ts';
import { reconcile, type Reconciliation } from '../domain/ledger/reconcile.ts';

/** The longest period one reconciliation reads from Stripe. */
export const MAX_RECONCILIATION_DAYS = 93;

/**
 * Our ledger against the tenant's Stripe balance transactions, for the days startDate…endDate of
 * the tenant's zone: every difference (missing on either side, another amount, another currency)
 * from the pure comparison in domain/ledger/reconcile.ts.
 */
export async function reconcilePayments(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  query: { startDate: string; endDate: string },
): Promise<{ startDate: string; endDate: string; reconciliation: Reconciliation }> {
  if (!gateway) throw new PaymentsNotConfiguredError();
  const [account, tenant] = await Promise.all([scope.payments.connectedAccount(), scope.tenant.get()]);
  if (!account) throw new InvalidStateError('This tenant has no Stripe account connected.');
  const from = DateTime.fromISO(query.startDate, { zone: tenant.timezone });
  const to = DateTime.fromISO(query.endDate, { zone: tenant.timezone }).plus({ days: 1 });
  const days = to.diff(from, 'days').days;
  if (days <= 0 || days > MAX_RECONCILIATION_DAYS) {
    throw new ValidationError(`Reconcile 1 to ${MAX_RECONCILIATION_DAYS} days at a time.`, [
      {
        path: 'endDate',
        message: `must be on or after startDate, at most ${MAX_RECONCILIATION_DAYS} days later`,
      },
    ]);
  }
  let transactions;
  try {
    transactions = await gateway.listBalanceTransactions(account, {
      from: from.toJSDate(),
      to: to.toJSDate(),
    });
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
  }
  const stripeIds = transactions.flatMap((transaction) =>
    transaction.source ? [transaction.id, transaction.source] : [transaction.id],
  );
  const entries = await scope.ledger.forReconciliation(from.toJSDate(), to.toJSDate(), stripeIds);
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    reconciliation: reconcile(entries, transactions),
  };
}
