import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';
import { minutesOfTime, timeOfMinutes } from './drag-math.ts';
import { dialogStyles } from './dialog.styles.ts';

export interface MoveRequest {
  date: string;
  minutes: number;
}

/**
 * <mais-calendar-move-dialog>: the keyboard's way to move an appointment, a date and a time.
 * `save` answers null when the move was saved, or the message to show (the dialog stays open).
 */
@customElement('mais-calendar-move-dialog')
export class MoveDialog extends LitElement {
  static override styles = [consoleStyles, dialogStyles];

  @property({ attribute: false }) save: (request: MoveRequest) => Promise<string | null> = async () => null;
  @state() private heading = '';
  @state() private date = '';
  @state() private time = '';
  @state() private error = '';
  @state() private saving = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens for one appointment, at its current date and start. */
  async open(heading: string, date: string, minutes: number) {
    this.heading = heading;
    this.date = date;
    this.time = timeOfMinutes(minutes);
    this.error = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  close() {
    this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="move-title">
      <form @submit=${this.submit} novalidate>
        <h2 id="move-title">Move ${this.heading}</h2>
        <div class="field-row">
          <div class="field">
            <label for="move-date">New date</label>
            <input
              id="move-date"
              type="date"
              required
              .value=${this.date}
              @input=${(e: Event) => (this.date = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="move-time">New start time</label>
            <input
              id="move-time"
              type="time"
              step="900"
              required
              .value=${this.time}
              @input=${(e: Event) => (this.time = (e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.saving}>
            ${this.saving ? 'Moving…' : 'Move'}
          </button>
          <button class="btn btn--quiet" type="button" @click=${() => this.close()}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const minutes = minutesOfTime(this.time);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.date) || minutes === null) {
      this.error = 'Enter a date and a start time.';
      return;
    }
    this.saving = true;
    this.error = '';
    try {
      const problem = await this.save({ date: this.date, minutes });
      if (problem) this.error = problem;
      else this.close();
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-calendar-move-dialog': MoveDialog;
  }
}
