import type { AdminCreateAppointmentBody, Provider, Service } from '@mais/sdk';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';
import { bookingBody, providersFor, type BookingDraft, type DraftProblems } from './booking-form.ts';
import { dialogStyles } from './dialog.styles.ts';
import { timeOfMinutes } from './drag-math.ts';

const EMPTY: BookingDraft = {
  serviceId: '',
  providerId: '',
  date: '',
  time: '',
  name: '',
  email: '',
  phone: '',
  overrideRules: false,
};

/**
 * <mais-calendar-booking-dialog>: book for a client at a time (an empty spot, or "New booking").
 * "Ignore availability rules" sends overrideRules: outside hours, the slot grid and notice, but never
 * over another booking. `save` answers null when booked, or the API's message to show.
 */
@customElement('mais-calendar-booking-dialog')
export class BookingDialog extends LitElement {
  static override styles = [consoleStyles, dialogStyles];

  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) providers: Provider[] = [];
  @property({ attribute: false }) zone = 'UTC';
  @property({ attribute: false }) save: (body: AdminCreateAppointmentBody) => Promise<string | null> =
    async () => null;
  @state() private draft: BookingDraft = EMPTY;
  @state() private problems: DraftProblems = {};
  @state() private error = '';
  @state() private saving = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens at a date and time, with a provider picked when the calendar shows one. */
  async open(date: string, minutes: number, providerId = '') {
    this.draft = { ...EMPTY, date, time: timeOfMinutes(minutes), providerId };
    this.problems = {};
    this.error = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  close() {
    this.dialog.close();
  }

  override render() {
    const d = this.draft;
    const providers = providersFor(this.providers, d.serviceId);
    return html`<dialog aria-labelledby="book-title">
      <form @submit=${this.submit} novalidate>
        <h2 id="book-title">New booking</h2>
        <div class="field">
          <label for="book-service">Service</label>
          <select id="book-service" @change=${this.onService} aria-describedby="book-service-problem">
            <option value="">Choose a service</option>
            ${this.services.map(
              (s) =>
                html`<option value=${s.id} ?selected=${s.id === d.serviceId}>
                  ${s.name} (${s.durationMinutes} min)
                </option>`,
            )}
          </select>
          ${this.problem('serviceId', 'book-service-problem')}
        </div>
        <div class="field">
          <label for="book-provider">Provider</label>
          <select
            id="book-provider"
            @change=${this.field('providerId')}
            aria-describedby="book-provider-problem"
          >
            <option value="">Choose a provider</option>
            ${providers.map(
              (p) => html`<option value=${p.id} ?selected=${p.id === d.providerId}>${p.name}</option>`,
            )}
          </select>
          ${this.problem('providerId', 'book-provider-problem')}
        </div>
        <div class="field-row">
          <div class="field">
            <label for="book-date">Date</label>
            <input
              id="book-date"
              type="date"
              .value=${d.date}
              @input=${this.field('date')}
              aria-describedby="book-date-problem"
            />
            ${this.problem('date', 'book-date-problem')}
          </div>
          <div class="field">
            <label for="book-time">Start time</label>
            <input
              id="book-time"
              type="time"
              step="900"
              .value=${d.time}
              @input=${this.field('time')}
              aria-describedby="book-time-problem"
            />
            ${this.problem('time', 'book-time-problem')}
          </div>
        </div>
        <div class="field">
          <label for="book-name">Client name</label>
          <input
            id="book-name"
            autocomplete="off"
            .value=${d.name}
            @input=${this.field('name')}
            aria-describedby="book-name-problem"
          />
          ${this.problem('name', 'book-name-problem')}
        </div>
        <div class="field-row">
          <div class="field">
            <label for="book-email">Client email</label>
            <input
              id="book-email"
              type="email"
              autocomplete="off"
              .value=${d.email}
              @input=${this.field('email')}
              aria-describedby="book-email-problem"
            />
            ${this.problem('email', 'book-email-problem')}
          </div>
          <div class="field">
            <label for="book-phone">Client phone (optional)</label>
            <input
              id="book-phone"
              type="tel"
              autocomplete="off"
              .value=${d.phone}
              @input=${this.field('phone')}
              aria-describedby="book-phone-problem"
            />
            ${this.problem('phone', 'book-phone-problem')}
          </div>
        </div>
        <label class="check">
          <input
            type="checkbox"
            .checked=${d.overrideRules}
            @change=${(e: Event) => (this.draft = { ...this.draft, overrideRules: (e.target as HTMLInputElement).checked })}
          />
          Ignore availability rules
        </label>
        <p class="hint">
          Books outside opening hours, the time grid and the notice period. It never double-books.
        </p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.saving}>
            ${this.saving ? 'Booking…' : 'Book'}
          </button>
          <button class="btn btn--quiet" type="button" @click=${() => this.close()}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }

  private problem(key: keyof BookingDraft, id: string) {
    const text = this.problems[key];
    return text ? html`<p class="error" id=${id}>${text}</p>` : nothing;
  }

  private field(key: 'providerId' | 'date' | 'time' | 'name' | 'email' | 'phone') {
    return (event: Event) => {
      this.draft = { ...this.draft, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value };
    };
  }

  private onService(event: Event) {
    const serviceId = (event.target as HTMLSelectElement).value;
    // Keep the provider only if they offer the new service.
    const keeps = providersFor(this.providers, serviceId).some((p) => p.id === this.draft.providerId);
    this.draft = { ...this.draft, serviceId, providerId: keeps ? this.draft.providerId : '' };
  }

  private async submit(event: Event) {
    event.preventDefault();
    const result = bookingBody(this.draft, this.zone);
    if ('problems' in result) {
      this.problems = result.problems;
      this.error = 'Check the fields marked above.';
      return;
    }
    this.problems = {};
    this.error = '';
    this.saving = true;
    try {
      const problem = await this.save(result.body);
      if (problem) this.error = problem;
      else this.close();
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-calendar-booking-dialog': BookingDialog;
  }
}
