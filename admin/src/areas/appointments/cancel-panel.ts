import type { AdminAppointment, AdminCancellationPreview } from '@mais/sdk';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney, moneyInputValue } from '../../ui/format.ts';
import type { RunAction } from './action-runner.ts';
import { checkRefundAmount } from './refund-amount.ts';

/**
 * Cancelling: the policy's refund first (the admin preview), then the amount to give back by card
 * (the policy's, or any other up to what was paid by card), a reason, and the confirmation.
 */
@customElement('mais-cancel-panel')
export class CancelPanel extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) appointment!: AdminAppointment;
  @property({ attribute: false }) run!: RunAction;
  @property({ type: Boolean }) busy = false;

  @state() private preview: AdminCancellationPreview | null = null;
  @state() private previewError = '';
  @state() private amount = '';
  @state() private amountError = '';
  @state() private reason = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.loadPreview();
  }

  private async loadPreview() {
    try {
      const preview = await this.ctx.admin.appointments.cancellationPreview(this.appointment.id);
      this.preview = preview;
      const byPolicy = Math.min(preview.refundCents, preview.refundableByCardCents);
      this.amount = moneyInputValue(byPolicy, preview.currency);
    } catch (error) {
      this.previewError = errorText(error);
    }
  }

  private async confirm(event: SubmitEvent) {
    event.preventDefault();
    const preview = this.preview!;
    const checked =
      preview.refundableByCardCents === 0
        ? ({ ok: true, cents: 0 } as const)
        : checkRefundAmount(this.amount, preview.currency, preview.refundableByCardCents, {
            allowZero: true,
          });
    if (!checked.ok) {
      this.amountError = checked.message;
      return;
    }
    this.amountError = '';
    const reason = this.reason.trim();
    await this.run(
      () =>
        this.ctx.admin.appointments.cancel(this.appointment.id, {
          refundCents: checked.cents,
          ...(reason ? { reason } : {}),
        }),
      checked.cents > 0
        ? `Appointment cancelled; ${formatMoney(checked.cents, preview.currency)} refunded.`
        : 'Appointment cancelled.',
    );
  }

  override render() {
    if (this.previewError) return html`<p class="error" role="alert">${this.previewError}</p>`;
    const preview = this.preview;
    if (!preview) return html`<p class="muted" role="status">Loading the cancellation terms…</p>`;
    const money = (cents: number) => formatMoney(cents, preview.currency);
    const byPolicy = Math.min(preview.refundCents, preview.refundableByCardCents);
    return html`
      <form @submit=${this.confirm} aria-labelledby="cancel-heading">
        <h3 id="cancel-heading">Cancel this appointment</h3>
        <p data-testid="policy-refund">Refund ${money(byPolicy)} by the policy.</p>
        <p class="hint">
          Paid by card and not refunded: ${money(preview.refundableByCardCents)}.
          ${preview.feeCents > 0 ? html`The policy keeps a fee of ${money(preview.feeCents)}.` : nothing}
        </p>
        ${
          preview.refundableByCardCents > 0
            ? html`<div class="field">
                <label for="cancel-refund">Refund by card (${preview.currency})</label>
                <input
                  id="cancel-refund"
                  inputmode="decimal"
                  aria-describedby=${this.amountError ? 'cancel-refund-hint cancel-refund-error' : 'cancel-refund-hint'}
                  aria-invalid=${this.amountError ? 'true' : 'false'}
                  .value=${this.amount}
                  @input=${(e: InputEvent) => (this.amount = (e.target as HTMLInputElement).value)}
                />
                <p class="hint" id="cancel-refund-hint">
                  At most ${money(preview.refundableByCardCents)}; 0 to refund nothing.
                </p>
                ${
                  this.amountError
                    ? html`<p class="error" id="cancel-refund-error" role="alert">${this.amountError}</p>`
                    : nothing
                }
              </div>`
            : html`<p class="hint">Nothing was paid by card: there is nothing to refund.</p>`
        }
        <div class="field">
          <label for="cancel-reason">Reason (optional)</label>
          <input
            id="cancel-reason"
            maxlength="500"
            .value=${this.reason}
            @input=${(e: InputEvent) => (this.reason = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="actions">
          <button class="btn btn--danger" type="submit" ?disabled=${this.busy}>Confirm cancellation</button>
          <button class="btn btn--quiet" type="button" @click=${() => this.dispatchEvent(new Event('close'))}>
            Keep the appointment
          </button>
        </div>
      </form>
    `;
  }
}
