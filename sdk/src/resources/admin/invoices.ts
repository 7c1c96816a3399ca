import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import type { Invoice, InvoicePage, InvoiceQuery } from '../../types.ts';

/**
 * The tenant's invoices, numbered 1, 2, 3… without gaps, one per booking that received money. The
 * PDF of one is at `/v1/tenant-admin/invoices/{id}.pdf` (a file, fetched with the same key).
 */
export class Invoices extends ApiResource {
  /** The invoices issued on the days startDate…endDate (tenant's zone), or all; `for await` walks all pages. */
  list(query?: InvoiceQuery, options?: RequestOptions): PagePromise<Invoice> {
    return this.client.requestPage('/v1/tenant-admin/invoices', query, options);
  }

  /** One page of invoices. */
  async page(query?: InvoiceQuery, options?: RequestOptions): Promise<InvoicePage> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/invoices', query, options });
  }
}
