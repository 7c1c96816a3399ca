import type { ClientReport, ClientReportRow } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { today } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { listQueryParams, rangeProblem, readListQuery, type ClientListQuery } from './client-list-query.ts';
import { formatAmounts } from './client-money.ts';

/** Typing pauses this long before the search is sent (and written into the address). */
const SEARCH_DELAY_MS = 300;
const PAGE_SIZE = 50;

/**
 * <mais-client-list>: the clients with an appointment in a period, searchable by name or email,
 * a page at a time ("Load more"). The search and the period live in the address, so a reload or a
 * shared link shows the same list; they are written with replaceState, which keeps the shell from
 * treating each keystroke as a navigation (and moving focus away from the search box).
 */
@customElement('mais-client-list')
export class ClientList extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .toolbar .field {
        margin: 0;
        flex: 1 1 12rem;
      }
      .toolbar .field.search {
        flex: 2 1 16rem;
      }
      td.email {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  /** The address's query (`#/clients?q=…&from=…&to=…`). */
  @property({ attribute: false }) query = new URLSearchParams();

  /** What the list shows (the search as sent, after the pause). */
  @state() private applied!: ClientListQuery;
  /** The search box's text, ahead of `applied.q` while the user types. */
  @state() private searchText = '';
  @state() private more: ClientReportRow[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly report = new Task(this, {
    task: async ([applied], { signal }) => {
      const query = applied as ClientListQuery;
      const page = await this.ctx.admin.reports.clientsPage(
        { startDate: query.from, endDate: query.to, q: query.q.trim() || undefined, limit: PAGE_SIZE },
        { signal },
      );
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.moreError = '';
      return page;
    },
    // A period the API would refuse is not sent: the form says what is wrong instead.
    args: () => [this.applied] as const,
    autoRun: false,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('query')) {
      this.applied = readListQuery(this.query, this.todayDate());
      this.searchText = this.applied.q;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    if (changed.has('applied') && !rangeProblem(this.applied.from, this.applied.to)) void this.report.run();
  }

  override disconnectedCallback() {
    clearTimeout(this.searchTimer);
    super.disconnectedCallback();
  }

  private todayDate(): string {
    return today(this.ctx.zone);
  }

  /** Shows `next` and records it in the address, without a navigation. */
  private apply(next: ClientListQuery) {
    this.applied = next;
    const hash = hrefFor('clients', [], listQueryParams(next, this.todayDate()));
    history.replaceState(history.state, '', hash);
  }

  private onSearchInput(event: Event) {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      if (this.searchText.trim() !== this.applied.q.trim())
        this.apply({ ...this.applied, q: this.searchText });
    }, SEARCH_DELAY_MS);
  }

  private onSearchSubmit(event: Event) {
    // Enter searches at once.
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.apply({ ...this.applied, q: this.searchText });
  }

  private onDateChange(which: 'from' | 'to', event: Event) {
    const value = (event.target as HTMLInputElement).value;
    this.apply({ ...this.applied, q: this.searchText, [which]: value });
  }

  private async loadMore() {
    if (!this.nextCursor) return;
    const { q, from, to } = this.applied;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await this.ctx.admin.reports.clientsPage({
        startDate: from,
        endDate: to,
        q: q.trim() || undefined,
        limit: PAGE_SIZE,
        cursor: this.nextCursor,
      });
      this.more = [...this.more, ...page.data];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.moreError = errorText(error);
    } finally {
      this.loadingMore = false;
    }
  }

  override render() {
    const problem = rangeProblem(this.applied.from, this.applied.to);
    return html`
      <h1>Clients</h1>
      <form class="toolbar" role="search" aria-label="Clients" @submit=${this.onSearchSubmit}>
        <div class="field search">
          <label for="client-search">Search by name or email</label>
          <input
            id="client-search"
            type="search"
            autocomplete="off"
            .value=${this.searchText}
            @input=${this.onSearchInput}
          />
        </div>
        <div class="field">
          <label for="client-from">Appointments from</label>
          <input
            id="client-from"
            type="date"
            .value=${this.applied.from}
            @change=${(event: Event) => this.onDateChange('from', event)}
          />
        </div>
        <div class="field">
          <label for="client-to">to</label>
          <input
            id="client-to"
            type="date"
            .value=${this.applied.to}
            @change=${(event: Event) => this.onDateChange('to', event)}
          />
        </div>
      </form>
      ${
        problem
          ? html`<p class="error" role="alert">${problem}</p>`
          : this.report.render({
              initial: () => html`<p class="muted" role="status">Loading…</p>`,
              pending: () => html`<p class="muted" role="status">Loading…</p>`,
              error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
              complete: (report) => this.table(report),
            })
      }
    `;
  }

  private table(report: ClientReport) {
    const rows = [...report.data, ...this.more];
    if (rows.length === 0) {
      return html`<p class="muted" role="status">
        ${this.applied.q.trim() ? 'No client matches that search in this period.' : 'No clients in this period.'}
      </p>`;
    }
    const { zone, currency } = this.ctx;
    return html`
      <p class="muted" role="status">
        ${report.clients === 1 ? '1 client' : `${report.clients} clients`} with appointments in this period;
        showing ${rows.length}.
      </p>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">
            Clients: visits and no-shows in the period; spent and last visit over all time
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col" class="num">Visits</th>
              <th scope="col" class="num">Spent</th>
              <th scope="col" class="num">No-shows</th>
              <th scope="col">Last visit</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <td><a href=${hrefFor('clients', [row.email])}>${row.name}</a></td>
                  <td class="email">${row.email}</td>
                  <td class="num">${row.visits}</td>
                  <td class="num">
                    ${formatAmounts(
                      row.lifetimeValue.map((value) => ({ currency: value.currency, cents: value.netCents })),
                      formatMoney(0, currency),
                    )}
                  </td>
                  <td class="num">${row.noShows}</td>
                  <td>${row.lastVisit ? formatDate(row.lastVisit, zone) : '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button class="btn" ?disabled=${this.loadingMore} @click=${this.loadMore}>
                ${this.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>`
          : nothing
      }
      ${this.moreError ? html`<p class="error" role="alert">${this.moreError}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-client-list': ClientList;
  }
}
