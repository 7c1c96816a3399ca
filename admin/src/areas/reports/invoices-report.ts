import type { InvoicePage } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime, formatMoney, humanize } from '../../ui/format.ts';
import { invoicePdfHref } from './report-downloads.ts';
import { ReportElement } from './report-element.ts';

const PAGE_SIZE = 50;

/** The invoices issued in the period, numbered without gaps, each with its PDF. */
@customElement('mais-invoices-report')
export class InvoicesReportElement extends ReportElement {
  @state() private earlier: Array<string | undefined> = [];
  @state() private cursor: string | undefined;

  private readonly invoices = new Task(this, {
    task: ([query, cursor], { signal }) =>
      this.ctx.admin.invoices.page(
        { startDate: query.startDate, endDate: query.endDate, cursor, limit: PAGE_SIZE },
        { signal },
      ),
    args: () => [this.query, this.cursor] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('query') && changed.get('query') !== undefined) {
      this.cursor = undefined;
      this.earlier = [];
    }
  }

  override render() {
    return html`
      <h2>Invoices</h2>
      ${this.invoices.render({
        pending: () => html`<p class="muted" role="status">Loading invoices…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (page) => this.view(page),
      })}
    `;
  }

  private view(page: InvoicePage) {
    if (page.data.length === 0 && this.earlier.length === 0) {
      return html`<p class="muted">No invoices were issued in this period.</p>`;
    }
    return html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Invoices table">
        <table>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Issued</th>
              <th scope="col">Client</th>
              <th scope="col" class="num">Total</th>
              <th scope="col">Payment</th>
              <th scope="col">PDF</th>
            </tr>
          </thead>
          <tbody>
            ${page.data.map(
              (invoice) =>
                html`<tr>
                  <th scope="row">
                    <a href=${hrefFor('appointments', [invoice.appointmentId])}>${invoice.number}</a>
                  </th>
                  <td>${formatDateTime(invoice.issuedAt, this.ctx.zone)}</td>
                  <td>${invoice.clientName}</td>
                  <td class="num">${formatMoney(invoice.totalCents, invoice.currency)}</td>
                  <td><span class="badge">${humanize(invoice.paymentStatus)}</span></td>
                  <td>
                    <a href=${invoicePdfHref(invoice.id)} download> Invoice ${invoice.number} (PDF) </a>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        ${
          this.earlier.length > 0
            ? html`<button
                class="btn btn--quiet"
                type="button"
                @click=${() => {
                  this.cursor = this.earlier.at(-1);
                  this.earlier = this.earlier.slice(0, -1);
                }}
              >
                Previous page
              </button>`
            : ''
        }
        ${
          page.nextCursor
            ? html`<button
                class="btn btn--quiet"
                type="button"
                @click=${() => {
                  this.earlier = [...this.earlier, this.cursor];
                  this.cursor = page.nextCursor!;
                }}
              >
                Next page
              </button>`
            : ''
        }
      </div>
    `;
  }
}
