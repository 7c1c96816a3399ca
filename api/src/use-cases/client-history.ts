import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { NotFoundError } from '../domain/errors.ts';
import { amountDue } from '../domain/payments/amount-due.ts';
import { HISTORY_LIMIT } from '../adapters/db/repositories/client-reports.repository.ts';

/**
 * One client's appointments (newest first, with payments and refunds) and totals over all of
 * them. The client is the email in any case; throws NotFoundError when the tenant has no
 * appointment for it (another tenant's client of the same email is not this tenant's).
 */
export async function clientHistory(scope: TenantScope, email: string) {
  const appointments = await scope.clientReports.history(email, HISTORY_LIMIT + 1);
  const latest = appointments[0];
  if (!latest) throw new NotFoundError('Client');
  const totals = await scope.clientReports.historyTotals(email);
  return {
    email: latest.clientEmail.toLowerCase(),
    name: latest.clientName,
    truncated: appointments.length > HISTORY_LIMIT,
    totals,
    appointments: appointments.slice(0, HISTORY_LIMIT).map((row) => ({
      id: row.id,
      startTimeUtc: row.startTimeUtc.toISOString(),
      endTimeUtc: row.endTimeUtc.toISOString(),
      status: row.status,
      service: row.service,
      provider: row.provider,
      currency: row.currency,
      totalAmountCents: row.totalAmountCents,
      paidCents: row.paidCents,
      refundedCents: row.refundedCents,
      amountDueCents: amountDue(row),
      netCents: row.ledger,
      payments: row.payments.map((payment) => ({
        id: payment.id,
        kind: payment.kind,
        status: payment.status,
        amountCents: payment.amountCents,
        currency: payment.currency,
        createdAt: payment.createdAt.toISOString(),
        succeededAt: payment.succeededAt?.toISOString() ?? null,
        refunds: payment.refunds.map((refund) => ({
          id: refund.id,
          amountCents: refund.amountCents,
          currency: refund.currency,
          status: refund.status,
          reason: refund.reason,
          createdAt: refund.createdAt.toISOString(),
        })),
      })),
    })),
  };
}
