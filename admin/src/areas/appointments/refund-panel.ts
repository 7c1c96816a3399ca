import type { AdminAppointment } from '@mais/sdk';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney, moneyInputValue } from '../../ui/format.ts';
import type { RunAction } from './action-runner.ts';
import { checkRefundAmount } from './refund-amount.ts';

/** A refund of any booking (a goodwill gesture): an amount up to what is left by card, and why. */
@customElement('mais-refund-panel')
export class RefundPanel extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) appointment!: AdminAppointment;
  @property({ attribute: false }) run!: RunAction;
  @property({ type: Number }) refundableCents = 0;
  @property({ type: Boolean }) busy = false;

  @state() private amount = '';
  @state() private reason = '';
  @state() private problem = '';

  override connectedCallback() {
    super.connectedCallback();
    this.amount = moneyInputValue(this.refundableCents, this.appointment.currency);
  }

  private async confirm(event: SubmitEvent) {
    event.preventDefault();
    const { currency, id } = this.appointment;
    const checked = checkRefundAmount(this.amount, currency, this.refundableCents, { allowZero: false });
    const reason = this.reason.trim();
    if (!checked.ok) this.problem = checked.message;
    else if (!reason) this.problem = 'Say why, in a few words.';
    else this.problem = '';
    if (!checked.ok || !reason) return;
    await this.run(
      () => this.ctx.admin.appointments.refund(id, { amountCents: checked.cents, reason }),
      `${formatMoney(checked.cents, currency)} refunded.`,
    );
  }

  override render() {
    const { currency } = this.appointment;
    return html`
      <form @submit=${this.confirm} aria-labelledby="refund-heading">
        <h3 id="refund-heading">Refund by card</h3>
        <div class="field-row">
          <div class="field">
            <label for="refund-amount">Amount (${currency})</label>
            <input
              id="refund-amount"
              inputmode="decimal"
              aria-describedby="refund-hint"
              .value=${this.amount}
              @input=${(e: InputEvent) => (this.amount = (e.target as HTMLInputElement).value)}
            />
            <p class="hint" id="refund-hint">At most ${formatMoney(this.refundableCents, currency)}.</p>
          </div>
          <div class="field">
            <label for="refund-reason">Reason</label>
            <input
              id="refund-reason"
              maxlength="200"
              .value=${this.reason}
              @input=${(e: InputEvent) => (this.reason = (e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.busy}>Confirm refund</button>
          <button class="btn btn--quiet" type="button" @click=${() => this.dispatchEvent(new Event('close'))}>
            Back
          </button>
        </div>
      </form>
    `;
  }
}
