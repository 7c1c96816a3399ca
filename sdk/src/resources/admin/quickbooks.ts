import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type {
  QuickBooksAuthorization,
  QuickBooksBackfill,
  QuickBooksStatus,
  QuickBooksSyncBody,
} from '../../types.ts';

/** The tenant's QuickBooks Online company: paid appointments become sales receipts, refunds refund receipts. */
export class QuickBooks extends ApiResource {
  /** Where to send the owner to allow access to their QuickBooks company (the link works once, briefly). */
  async connect(options?: RequestOptions): Promise<QuickBooksAuthorization> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/quickbooks/connect', options });
  }

  /** Whether QuickBooks is connected, and how its sync is doing. */
  async status(options?: RequestOptions): Promise<QuickBooksStatus> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/quickbooks', options });
  }

  /** Stops syncing, revokes the access and forgets it. */
  async disconnect(options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', path: '/v1/tenant-admin/quickbooks', options });
  }

  /** Pushes the money of a past period (what was pushed already is never pushed twice). */
  async sync(body: QuickBooksSyncBody, options?: RequestOptions): Promise<QuickBooksBackfill> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/quickbooks/sync', body, options });
  }
}
