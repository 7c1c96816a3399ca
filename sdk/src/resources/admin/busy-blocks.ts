import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { BusyBlockList, BusyBlockListQuery } from '../../types.ts';

/** When providers are busy outside MAIS (their Google Calendars): times only, never titles. */
export class BusyBlocks extends ApiResource {
  /** Blocks overlapping the days (tenant's zone, at most 62), one provider's or everyone's. */
  async list(query: BusyBlockListQuery, options?: RequestOptions): Promise<BusyBlockList> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/busy-blocks', query, options });
  }
}
