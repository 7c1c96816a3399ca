import type { AdminAppointmentListItem, Provider, Service } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDateTime, formatMoney, humanize } from '../../ui/format.ts';
import {
  anyFilter,
  APPOINTMENT_STATUSES,
  cleanSearch,
  filtersFromQuery,
  filtersProblem,
  filtersToQuery,
  PAYMENT_STATUSES,
  SEARCH_MAX,
  type ListFilters,
} from './list-filters.ts';

const PAGE_SIZE = 50;

interface ListData {
  rows: AdminAppointmentListItem[];
  nextCursor: string | null;
  /** For the filters; empty for a provider account (its list is its own, by one provider). */
  services: Service[];
  providers: Provider[];
}

/** The appointment list: filters kept in the address, a page at a time ("Load more"). */
@customElement('mais-appointment-list')
export class AppointmentList extends AreaElement {
  static override styles = [
    ...consoleStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 0.9rem;
        align-items: end;
      }
      .filters .search {
        grid-column: 1 / -1;
      }
    `,
  ];

  @state() private more: AdminAppointmentListItem[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private formError = '';

  private readonly data = new Task(this, {
    task: async ([query], { signal }) => this.load(query, signal),
    args: () => [this.route.query.toString()] as const,
  });

  private get isProvider(): boolean {
    return this.ctx.account.role === 'provider';
  }

  private async load(query: string, signal: AbortSignal): Promise<ListData> {
    const filters = filtersFromQuery(new URLSearchParams(query));
    const { admin } = this.ctx;
    // Everything the page needs at once: the first page and, for managers, the filters' choices.
    const [page, services, providers] = await Promise.all([
      admin.appointments.list({ ...filters, limit: PAGE_SIZE }, { signal }),
      this.isProvider ? null : admin.services.list({ limit: 100 }, { signal }),
      this.isProvider ? null : admin.providers.list({ limit: 100 }, { signal }),
    ]);
    this.more = [];
    this.cursor = page.nextCursor;
    this.moreError = '';
    return {
      rows: page.data,
      nextCursor: page.nextCursor,
      services: services?.data ?? [],
      providers: providers?.data ?? [],
    };
  }

  private async loadMore() {
    if (!this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const filters = filtersFromQuery(this.route.query);
      const page = await this.ctx.admin.appointments.list({
        ...filters,
        limit: PAGE_SIZE,
        cursor: this.cursor,
      });
      this.more = [...this.more, ...page.data];
      this.cursor = page.nextCursor;
      this.ctx.announce(`${page.data.length} more appointments shown.`);
    } catch (error) {
      this.moreError = errorText(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private applyFilters(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const filters = {
      startDate: text('startDate'),
      endDate: text('endDate'),
      status: text('status'),
      providerId: text('providerId'),
      serviceId: text('serviceId'),
      paymentStatus: text('paymentStatus'),
      q: cleanSearch(text('q')),
    } as ListFilters;
    const problem = filtersProblem(filters);
    this.formError = problem ?? '';
    if (problem) return;
    // The address holds the filters; the shell hands the new route back, which reloads the list.
    window.location.hash = hrefFor('appointments', [], filtersToQuery(filters));
  }

  override render() {
    const filters = filtersFromQuery(this.route.query);
    return html`
      <h1>Appointments</h1>
      ${this.filterForm(filters, this.data.value)}
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (data) => this.table(data, filters),
      })}
    `;
  }

  private filterForm(filters: ListFilters, data: ListData | undefined) {
    const option = (value: string, label: string, selected: string | undefined) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    return html`
      <form class="filters" role="search" aria-label="Filter appointments" @submit=${this.applyFilters}>
        <div class="field search">
          <label for="q">Client name or email</label>
          <input id="q" name="q" type="search" maxlength=${SEARCH_MAX} .value=${filters.q ?? ''} />
        </div>
        <div class="field">
          <label for="startDate">From</label>
          <input id="startDate" name="startDate" type="date" .value=${filters.startDate ?? ''} />
        </div>
        <div class="field">
          <label for="endDate">To</label>
          <input id="endDate" name="endDate" type="date" .value=${filters.endDate ?? ''} />
        </div>
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            ${option('', 'Any status', filters.status ?? '')}
            ${APPOINTMENT_STATUSES.map((s) => option(s, humanize(s), filters.status))}
          </select>
        </div>
        <div class="field">
          <label for="paymentStatus">Payment</label>
          <select id="paymentStatus" name="paymentStatus">
            ${option('', 'Any payment state', filters.paymentStatus ?? '')}
            ${PAYMENT_STATUSES.map((s) => option(s, humanize(s), filters.paymentStatus))}
          </select>
        </div>
        ${
          this.isProvider
            ? ''
            : html`<div class="field">
                  <label for="serviceId">Service</label>
                  <select id="serviceId" name="serviceId">
                    ${option('', 'Any service', filters.serviceId ?? '')}
                    ${(data?.services ?? []).map((s) => option(s.id, s.name, filters.serviceId))}
                  </select>
                </div>
                <div class="field">
                  <label for="providerId">Provider</label>
                  <select id="providerId" name="providerId">
                    ${option('', 'Any provider', filters.providerId ?? '')}
                    ${(data?.providers ?? []).map((p) => option(p.id, p.name, filters.providerId))}
                  </select>
                </div>`
        }
        <div class="actions field">
          <button class="btn" type="submit">Apply filters</button>
          ${anyFilter(filters) ? html`<a class="btn btn--quiet" href=${hrefFor('appointments')}>Clear</a>` : ''}
        </div>
      </form>
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : ''}
    `;
  }

  private table(data: ListData, filters: ListFilters) {
    const rows = [...data.rows, ...this.more];
    if (rows.length === 0) {
      return html`<p class="muted" role="status">
        ${anyFilter(filters) ? 'No appointments match these filters.' : 'No appointments yet.'}
      </p>`;
    }
    const { zone } = this.ctx;
    return html`
      <p class="muted" role="status">${rows.length} appointment${rows.length === 1 ? '' : 's'} shown</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Appointments, table">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Client</th>
              <th scope="col">Service</th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
              <th scope="col">Payment</th>
              <th scope="col" class="num">Due</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (a) =>
                html`<tr>
                  <td>${formatDateTime(a.startTimeUtc, zone)}</td>
                  <td><a href=${hrefFor('appointments', [a.id])}>${a.client.name}</a></td>
                  <td>${a.serviceName}</td>
                  <td>${a.providerName ?? '—'}</td>
                  <td><span class="badge">${humanize(a.status)}</span></td>
                  <td>${humanize(a.paymentStatus)}</td>
                  <td class="num">${formatMoney(a.amountDueCents, a.currency)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.cursor
          ? html`<div class="actions">
              <button
                class="btn btn--quiet"
                type="button"
                ?disabled=${this.loadingMore}
                @click=${this.loadMore}
              >
                ${this.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>`
          : ''
      }
      ${this.moreError ? html`<p class="error" role="alert">${this.moreError}</p>` : ''}
    `;
  }
}
