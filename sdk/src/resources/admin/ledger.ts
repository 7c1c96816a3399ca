import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import type { LedgerEntry, LedgerPage, LedgerQuery, ReconcileBody, Reconciliation } from '../../types.ts';

/** Every movement of the tenant's money, and how it compares with Stripe. */
export class Ledger extends ApiResource {
  /** The entries of the days startDate…endDate (tenant's zone), oldest first; `for await` walks all pages. */
  list(query: LedgerQuery, options?: RequestOptions): PagePromise<LedgerEntry> {
    return this.client.requestPage('/v1/tenant-admin/ledger', query, options);
  }

  /** One page of entries with the whole period's totals per currency and kind. */
  async page(query: LedgerQuery, options?: RequestOptions): Promise<LedgerPage> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/ledger', query, options });
  }

  /** Every difference between the ledger and Stripe's balance transactions for the period. */
  async reconcile(body: ReconcileBody, options?: RequestOptions): Promise<Reconciliation> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/ledger/reconcile', body, options });
  }
}
