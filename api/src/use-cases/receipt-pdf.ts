import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { DocumentRenderer } from '../adapters/pdf/document-renderer.ts';
import { NotFoundError } from '../domain/errors.ts';
import { receiptLayout } from '../domain/invoices/receipt-layout.ts';
import type { PdfFile } from './invoice-pdf.ts';

/**
 * The client's receipt, by the booking's manage token: each payment and refund of the booking
 * with its invoice's number, or one of them (`paymentId` / `refundId`). 404 when nothing was paid
 * (no invoice) or the payment or refund asked for is not the booking's: the same answer as a
 * wrong token, so the route tells nothing about other bookings.
 */
export async function receiptPdf(
  scope: TenantScope,
  renderer: DocumentRenderer,
  input: { id: string; tokenHash: string; paymentId?: string; refundId?: string },
  zone: string,
): Promise<PdfFile> {
  const appointment = await scope.appointments.record(input.id, input.tokenHash);
  const invoice = await scope.invoices.forAppointment(appointment.id);
  if (!invoice) throw new NotFoundError('Receipt');
  let movements = await scope.invoices.movements(appointment.id);
  if (input.paymentId) movements = movements.filter((m) => m.type === 'payment' && m.id === input.paymentId);
  if (input.refundId) movements = movements.filter((m) => m.type === 'refund' && m.id === input.refundId);
  if (movements.length === 0) throw new NotFoundError('Receipt');
  const bytes = await renderer.render(receiptLayout(invoice, movements, zone), await scope.invoices.logo());
  const suffix = input.paymentId ? `-${input.paymentId}` : input.refundId ? `-${input.refundId}` : '';
  return { fileName: `receipt-${invoice.number}${suffix}.pdf`, bytes };
}
