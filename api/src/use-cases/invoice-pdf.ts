import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { DocumentRenderer } from '../adapters/pdf/document-renderer.ts';
import { invoiceLayout } from '../domain/invoices/invoice-layout.ts';

export interface PdfFile {
  fileName: string;
  bytes: Buffer;
}

/** An invoice as a PDF, dates in the tenant's zone; the file is named for its number. */
export async function invoicePdf(
  scope: TenantScope,
  renderer: DocumentRenderer,
  id: string,
  zone: string,
): Promise<PdfFile> {
  const invoice = await scope.invoices.get(id);
  const bytes = await renderer.render(invoiceLayout(invoice, zone), await scope.invoices.logo());
  return { fileName: `invoice-${invoice.number}.pdf`, bytes };
}
