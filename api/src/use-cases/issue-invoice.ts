import type { TenantTransaction } from '../adapters/db/tenant-scope.ts';
import { invoiceFor } from '../domain/invoices/invoice-details.ts';
import type { PaymentKind } from '../generated/prisma/enums.ts';

/**
 * Issues the booking's invoice when it receives its first money: called by the two writes that
 * record money received (settle-payment.ts for card payments, off-session charges included;
 * collect-balance.ts at the venue), inside their transaction and with the appointment locked, so
 * a booking gets one invoice and a payment that rolls back takes its invoice number with it.
 * Later money for the same booking changes nothing here (it appears on receipts).
 */
export async function issueInvoiceOnFirstMoney(
  tx: TenantTransaction,
  appointmentId: string,
  paymentKind: PaymentKind,
  now: Date,
): Promise<void> {
  if (await tx.invoices.existsFor(appointmentId)) return;
  const data = await tx.invoices.issueData(appointmentId);
  const invoice = invoiceFor({ ...data, firstPaymentKind: paymentKind });
  // Last: the counter's row stays locked until the transaction commits.
  const number = await tx.invoices.takeNextNumber();
  await tx.invoices.insert({ appointmentId, number, currency: data.currency, issuedAt: now, invoice });
}
