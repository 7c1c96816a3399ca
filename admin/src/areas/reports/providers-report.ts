import type { ProviderReport } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatMoney } from '../../ui/format.ts';
import { reportCsvHref } from './report-downloads.ts';
import { ReportElement } from './report-element.ts';

const hours = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** Per provider: booked and open hours, utilisation, bookings, no-show rate, revenue. */
@customElement('mais-providers-report')
export class ProvidersReportElement extends ReportElement {
  private readonly report = new Task(this, {
    task: ([query], { signal }) =>
      this.ctx.admin.reports.providers({ startDate: query.startDate, endDate: query.endDate }, { signal }),
    args: () => [this.query] as const,
  });

  override render() {
    return html`
      <h2>Providers</h2>
      <p>
        <a href=${reportCsvHref('providers', this.query)} download>Download the providers report (CSV)</a>
      </p>
      ${this.report.render({
        pending: () => html`<p class="muted" role="status">Loading providers…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (report) => this.table(report),
      })}
    `;
  }

  private table(report: ProviderReport) {
    if (report.providers.length === 0) return html`<p class="muted">No providers in this period.</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Providers table">
      <table>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col" class="num">Booked hours</th>
            <th scope="col" class="num">Open hours</th>
            <th scope="col" class="num">Utilisation</th>
            <th scope="col" class="num">Bookings</th>
            <th scope="col" class="num">No-shows</th>
            <th scope="col" class="num">Revenue</th>
          </tr>
        </thead>
        <tbody>
          ${report.providers.map(
            (row) =>
              html`<tr>
                <th scope="row"><a href=${hrefFor('providers', [row.providerId])}>${row.providerName}</a></th>
                <td class="num">${hours.format(row.bookedHours)}</td>
                <td class="num">${hours.format(row.availableHours)}</td>
                <td class="num">${row.utilisationPercent === null ? '—' : `${row.utilisationPercent} %`}</td>
                <td class="num">${row.bookings}</td>
                <td class="num">
                  ${row.noShows}${row.noShowPercent === null ? '' : ` (${row.noShowPercent} %)`}
                </td>
                <td class="num">
                  ${
                    row.revenue.length === 0
                      ? formatMoney(0, this.ctx.currency)
                      : row.revenue.map((r) => formatMoney(r.revenueCents, r.currency)).join(', ')
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
