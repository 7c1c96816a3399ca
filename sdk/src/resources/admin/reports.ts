import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { RevenueReport, RevenueReportQuery } from '../../types.ts';

/** Sales tracking from the ledger: amounts per currency, days and weeks in the tenant's zone. */
export class Reports extends ApiResource {
  /** Money by day, week or month: by when it moved (`cash`) or by appointment date (`service`). */
  async revenue(query: RevenueReportQuery, options?: RequestOptions): Promise<RevenueReport> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/revenue', query, options });
  }
}
