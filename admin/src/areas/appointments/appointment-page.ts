import type { AdminAppointment, OutboxMessage } from '@mais/sdk';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import './appointment-actions.ts';
import {
  factsSection,
  historySection,
  intakeSection,
  ledgerSection,
  messagesSection,
} from './appointment-sections.ts';

interface PageData {
  appointment: AdminAppointment;
  /** null for a provider account: the outbox is for managers. */
  messages: OutboxMessage[] | null;
}

/**
 * One appointment (`#/appointments/<id>`): its facts, intake answers, history, money and messages,
 * and the actions its state allows. After an action (or a refusal: the state changed meanwhile)
 * the data is loaded again in place, so the actions' messages stay where the user is.
 */
@customElement('mais-appointment-page')
export class AppointmentPage extends AreaElement {
  static override styles = [
    ...consoleStyles,
    css`
      .history {
        padding-inline-start: 1.25rem;
        margin: 0;
      }
      .history li {
        margin-bottom: 0.35rem;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 0 2rem;
      }
    `,
  ];

  @property() appointmentId = '';
  @state() private data: PageData | null = null;
  @state() private loadError = '';
  @state() private refreshing = false;
  private loading: AbortController | null = null;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('appointmentId') || changed.has('ctx')) {
      this.data = null;
      void this.reload();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.loading?.abort();
  }

  /** Loads the appointment and its messages together; keeps what is shown until the new data is in. */
  async reload(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    const { signal } = controller;
    const { admin, account } = this.ctx;
    this.refreshing = true;
    try {
      const [appointment, messages] = await Promise.all([
        admin.appointments.retrieve(this.appointmentId, { signal }),
        account.role === 'provider'
          ? null
          : admin.outbox.list({ appointmentId: this.appointmentId, limit: 100 }, { signal }),
      ]);
      if (signal.aborted) return;
      this.data = { appointment, messages: messages?.data ?? null };
      this.loadError = '';
    } catch (error) {
      if (!signal.aborted) this.loadError = errorText(error);
    } finally {
      if (this.loading === controller) this.refreshing = false;
    }
  }

  override render() {
    const back = html`<p><a href=${hrefFor('appointments')}>All appointments</a></p>`;
    if (!this.data) {
      return html`${back}
        <h1>Appointment</h1>
        ${
          this.loadError
            ? html`<p class="error" role="alert">${this.loadError}</p>`
            : html`<p class="muted" role="status">Loading…</p>`
        }`;
    }
    const { appointment: a, messages } = this.data;
    const { zone } = this.ctx;
    return html`
      ${back}
      <h1>Appointment with ${a.client.name}</h1>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      <mais-appointment-actions
        .ctx=${this.ctx}
        .appointment=${a}
        @appointment-changed=${() => this.reload()}
      ></mais-appointment-actions>
      <div class="columns">
        <div>${factsSection(a, zone)} ${intakeSection(a)}</div>
        <div>${historySection(a, zone)}</div>
      </div>
      ${ledgerSection(a, zone)}
      ${
        messages === null
          ? nothing
          : html`${messagesSection(messages, zone)}
              <div class="actions">
                <button
                  class="btn btn--quiet"
                  type="button"
                  ?disabled=${this.refreshing}
                  @click=${() => this.reload()}
                >
                  Refresh messages
                </button>
              </div>`
      }
    `;
  }
}
