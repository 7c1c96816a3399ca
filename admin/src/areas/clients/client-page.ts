import type { ClientHistory, ClientNote, Page } from '@mais/sdk';
import { NotFoundError } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format.ts';
import { clientFacts, type ClientFacts } from './client-facts.ts';
import { formatAmounts } from './client-money.ts';
import './client-notes.ts';
import { visitsTable } from './client-visits.ts';

interface ClientPageData {
  history: ClientHistory;
  notes: Page<ClientNote>;
}

/**
 * <mais-client-page>: one client (`#/clients/<email>`): their figures, every appointment and the
 * staff's notes. The history and the first page of notes are fetched together.
 */
@customElement('mais-client-page')
export class ClientPage extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() email = '';

  private readonly data = new Task(this, {
    task: async ([email], { signal }): Promise<ClientPageData> => {
      const { admin } = this.ctx;
      const [history, notes] = await Promise.all([
        admin.reports.clientHistory(email as string, { signal }),
        admin.clientNotes.list(email as string, { limit: 20 }, { signal }),
      ]);
      return { history, notes };
    },
    args: () => [this.email] as const,
  });

  override render() {
    return this.data.render({
      pending: () =>
        html`<h1>Client</h1>
          <p class="muted" role="status">Loading…</p>`,
      error: (error) =>
        error instanceof NotFoundError
          ? html`<h1>Client not found</h1>
              <p>
                There are no appointments for ${this.email}. <a href=${hrefFor('clients')}>All clients</a>
              </p>`
          : html`<h1>Client</h1>
              <p class="error" role="alert">${errorText(error)}</p>`,
      complete: (data) => this.view(data),
    });
  }

  private view({ history, notes }: ClientPageData) {
    const facts = clientFacts(history, new Date());
    return html`
      <p><a href=${hrefFor('clients')}>All clients</a></p>
      <h1>${history.name}</h1>
      <p class="muted">${history.email}</p>
      ${this.factsList(facts)}
      <h2>Appointments</h2>
      ${visitsTable(history, this.ctx.zone)}
      <mais-client-notes .ctx=${this.ctx} .email=${history.email} .initial=${notes}></mais-client-notes>
    `;
  }

  private factsList(facts: ClientFacts) {
    const { zone, currency } = this.ctx;
    const none = formatMoney(0, currency);
    return html`
      <dl class="facts card">
        <dt>Appointments</dt>
        <dd>${facts.bookings}</dd>
        <dt>Visits</dt>
        <dd>${facts.visits}</dd>
        <dt>No-shows</dt>
        <dd>${facts.noShows}</dd>
        <dt>Cancellations</dt>
        <dd>${facts.cancellations}</dd>
        <dt>First visit</dt>
        <dd>${facts.firstVisit ? formatDate(facts.firstVisit, zone) : '—'}</dd>
        <dt>Last visit</dt>
        <dd>${facts.lastVisit ? formatDate(facts.lastVisit, zone) : '—'}</dd>
        <dt>Next appointment</dt>
        <dd>
          ${
            facts.next
              ? html`<a href=${hrefFor('appointments', [facts.next.id])}
                  >${formatDateTime(facts.next.startTimeUtc, zone)}</a
                >`
              : '—'
          }
        </dd>
        <dt>Spent</dt>
        <dd>${formatAmounts(facts.spent, none)}</dd>
        <dt>Balance due</dt>
        <dd>${formatAmounts(facts.balanceDue, none)}</dd>
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-client-page': ClientPage;
  }
}
