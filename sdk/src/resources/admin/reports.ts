import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  ClientHistory,
  ClientReport,
  ClientReportQuery,
  ClientReportRow,
  DashboardSummary,
  ProviderReport,
  ReportDays,
  RevenueReport,
  RevenueReportQuery,
  ServiceReport,
} from '../../types.ts';

/** Sales tracking from the ledger: amounts per currency, days and weeks in the tenant's zone. */
export class Reports extends ApiResource {
  /** Money by day, week or month: by when it moved (`cash`) or by appointment date (`service`); and what is owed now. */
  async revenue(query: RevenueReportQuery, options?: RequestOptions): Promise<RevenueReport> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/revenue', query, options });
  }

  /** Per service: bookings, completions, cancellations by client and by admin, no-shows, revenue, average price. */
  async services(query: ReportDays, options?: RequestOptions): Promise<ServiceReport> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/services', query, options });
  }

  /** Per provider: booked and available hours, utilisation, revenue, no-show rate. */
  async providers(query: ReportDays, options?: RequestOptions): Promise<ProviderReport> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/providers', query, options });
  }

  /** The clients with appointments in the period (`q` searches name and email); `for await` walks all pages. */
  clients(query: ClientReportQuery, options?: RequestOptions): PagePromise<ClientReportRow> {
    return this.client.requestPage('/v1/tenant-admin/reports/clients', query, options);
  }

  /** One page of the clients report, with the period's client count and repeat rate. */
  async clientsPage(query: ClientReportQuery, options?: RequestOptions): Promise<ClientReport> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/clients', query, options });
  }

  /** One client's every appointment with its payments and refunds (NotFoundError when the tenant has none). */
  async clientHistory(email: string, options?: RequestOptions): Promise<ClientHistory> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/reports/clients/${email}`,
      options,
    });
  }

  /** The dashboard: today's next appointments, this week's revenue against last week's, no-shows, balances due. */
  async summary(options?: RequestOptions): Promise<DashboardSummary> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/reports/summary', options });
  }
}
