import type { ServiceReport } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatMoney } from '../../ui/format.ts';
import { reportCsvHref } from './report-downloads.ts';
import { ReportElement } from './report-element.ts';

/** Per service: bookings, completions, cancellations, no-shows, revenue and average price. */
@customElement('mais-services-report')
export class ServicesReportElement extends ReportElement {
  private readonly report = new Task(this, {
    task: ([query], { signal }) =>
      this.ctx.admin.reports.services({ startDate: query.startDate, endDate: query.endDate }, { signal }),
    args: () => [this.query] as const,
  });

  override render() {
    return html`
      <h2>Services</h2>
      <p><a href=${reportCsvHref('services', this.query)} download>Download the services report (CSV)</a></p>
      ${this.report.render({
        pending: () => html`<p class="muted" role="status">Loading services…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (report) => this.table(report),
      })}
    `;
  }

  private table(report: ServiceReport) {
    if (report.services.length === 0) return html`<p class="muted">No bookings in this period.</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Services table">
      <table>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" class="num">Bookings</th>
            <th scope="col" class="num">Completed</th>
            <th scope="col" class="num">Cancelled by client</th>
            <th scope="col" class="num">Cancelled by you</th>
            <th scope="col" class="num">No-shows</th>
            <th scope="col" class="num">Revenue</th>
            <th scope="col" class="num">Average price</th>
          </tr>
        </thead>
        <tbody>
          ${report.services.map(
            (row) =>
              html`<tr>
                <th scope="row"><a href=${hrefFor('services', [row.serviceId])}>${row.serviceName}</a></th>
                <td class="num">${row.bookings}</td>
                <td class="num">${row.completed}</td>
                <td class="num">${row.cancelledByClient}</td>
                <td class="num">${row.cancelledByAdmin}</td>
                <td class="num">${row.noShows}</td>
                <td class="num">${formatMoney(row.revenueCents, row.currency)}</td>
                <td class="num">
                  ${row.averagePriceCents === null ? '—' : formatMoney(row.averagePriceCents, row.currency)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
