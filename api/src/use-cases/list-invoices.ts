import type { Page } from '../adapters/db/pagination.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import type { InvoiceDto } from '../schemas/invoice.schemas.ts';

/** The tenant's invoices, oldest first, a page at a time; with dates, those issued on the days startDate…endDate of its zone. */
export async function listInvoices(
  scope: TenantScope,
  query: { startDate?: string; endDate?: string; cursor?: string; limit: number },
  zone: string,
): Promise<Page<InvoiceDto>> {
  const period =
    query.startDate && query.endDate
      ? periodOfDays({ startDate: query.startDate, endDate: query.endDate }, zone)
      : null;
  return scope.invoices.list(period, query);
}
