import type { OutboxRow } from '../../adapters/db/repositories/outbox.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import type { EmailAttachment } from '../../adapters/email/mailer.ts';
import type { DocumentRenderer } from '../../adapters/pdf/document-renderer.ts';
import { invoiceLayout } from '../../domain/invoices/invoice-layout.ts';

/** The client emails that follow money received: a paid booking's confirmation, a payment's notice. */
const CARRIES_INVOICE = new Set(['confirmation', 'payment-received']);

/**
 * The booking's invoice as a PDF attachment for an email sent after a payment, or null (another
 * kind of message, or a booking with no invoice: nothing paid yet). Drawn when the email leaves,
 * from the invoice's fixed figures, so a retried send attaches the same document.
 */
export async function invoiceAttachment(
  scope: TenantScope,
  documents: DocumentRenderer,
  row: OutboxRow,
): Promise<EmailAttachment | null> {
  // Both kinds go to the client only (domain/notifications/message-kinds.ts).
  if (row.channel !== 'email' || !CARRIES_INVOICE.has(row.kind)) return null;
  if (!row.appointmentId) return null;
  const invoice = await scope.invoices.forAppointment(row.appointmentId);
  if (!invoice) return null;
  const zone = (await scope.tenant.get()).timezone;
  const bytes = await documents.render(invoiceLayout(invoice, zone), await scope.invoices.logo());
  return { name: `invoice-${invoice.number}.pdf`, contentType: 'application/pdf', content: bytes };
}
