import type { ClientReport } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { reportCsvHref } from './report-downloads.ts';
import { ReportElement } from './report-element.ts';

const PAGE_SIZE = 25;

/** The clients with appointments in the period: search by name or email, a page at a time. */
@customElement('mais-clients-report')
export class ClientsReportElement extends ReportElement {
  static override styles = [
    ReportElement.styles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      form .field {
        flex: 1 1 14rem;
        margin: 0;
      }
    `,
  ];

  @state() private search = '';
  /** The cursors of the pages before this one (the first page has none), for "Previous". */
  @state() private earlier: Array<string | undefined> = [];
  @state() private cursor: string | undefined;

  private readonly report = new Task(this, {
    task: ([query, q, cursor], { signal }) =>
      this.ctx.admin.reports.clientsPage(
        { startDate: query.startDate, endDate: query.endDate, q: q || undefined, cursor, limit: PAGE_SIZE },
        { signal },
      ),
    args: () => [this.query, this.search, this.cursor] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // A new period starts again from its first page.
    if (changed.has('query') && changed.get('query') !== undefined) {
      this.cursor = undefined;
      this.earlier = [];
    }
  }

  private submitSearch(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.search = String(data.get('q') ?? '').trim();
    this.cursor = undefined;
    this.earlier = [];
  }

  private next(cursor: string) {
    this.earlier = [...this.earlier, this.cursor];
    this.cursor = cursor;
  }

  private previous() {
    this.cursor = this.earlier.at(-1);
    this.earlier = this.earlier.slice(0, -1);
  }

  override render() {
    return html`
      <h2>Clients</h2>
      <form role="search" @submit=${this.submitSearch}>
        <div class="field">
          <label for="client-search">Name or email</label>
          <input id="client-search" name="q" type="search" .value=${this.search} maxlength="200" />
        </div>
        <button class="btn" type="submit">Search</button>
      </form>
      <p>
        <a href=${reportCsvHref('clients', this.query, this.search)} download
          >Download the clients report (CSV)</a
        >
      </p>
      ${this.report.render({
        pending: () => html`<p class="muted" role="status">Loading clients…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (report) => this.view(report),
      })}
    `;
  }

  private view(report: ClientReport) {
    const zone = this.ctx.zone;
    const repeat = report.repeatRate === null ? '—' : `${Math.round(report.repeatRate * 1000) / 10} %`;
    return html`
      <p role="status">
        ${report.clients} ${report.clients === 1 ? 'client' : 'clients'} in this
        period${this.search ? html` matching “${this.search}”` : ''}; ${report.repeatClients} came back
        (${repeat}).
      </p>
      ${
        report.data.length === 0
          ? ''
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Clients table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col" class="num">Bookings</th>
                    <th scope="col" class="num">Visits</th>
                    <th scope="col" class="num">No-shows</th>
                    <th scope="col" class="num">Cancelled</th>
                    <th scope="col">Last visit</th>
                    <th scope="col" class="num">Lifetime value</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.data.map(
                    (row) =>
                      html`<tr>
                        <th scope="row">
                          <a href=${hrefFor('clients', [row.email])}>${row.name}</a>
                          <div class="muted">${row.email}</div>
                        </th>
                        <td class="num">${row.bookings}</td>
                        <td class="num">${row.visits}</td>
                        <td class="num">${row.noShows}</td>
                        <td class="num">${row.cancellations}</td>
                        <td>${row.lastVisit ? formatDateTime(row.lastVisit, zone) : '—'}</td>
                        <td class="num">
                          ${
                            row.lifetimeValue.length === 0
                              ? formatMoney(0, this.ctx.currency)
                              : row.lifetimeValue.map((v) => formatMoney(v.netCents, v.currency)).join(', ')
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <div class="actions">
        ${
          this.earlier.length > 0
            ? html`<button class="btn btn--quiet" type="button" @click=${this.previous}>
                Previous page
              </button>`
            : ''
        }
        ${
          report.nextCursor
            ? html`<button class="btn btn--quiet" type="button" @click=${() => this.next(report.nextCursor!)}>
                Next page
              </button>`
            : ''
        }
      </div>
    `;
  }
}
