import type { AdminAppointment } from '@mais/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorCode, errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney } from '../../ui/format.ts';
import { availableActions, refundableByCard, type AppointmentAction } from './action-rules.ts';
import './cancel-panel.ts';
import './refund-panel.ts';

const LABELS: Record<AppointmentAction, string> = {
  complete: 'Mark completed',
  noShow: 'Mark no-show',
  collectBalance: 'Collect balance',
  refund: 'Refund',
  resend: 'Resend confirmation',
  cancel: 'Cancel appointment',
};

/**
 * The appointment's actions, each offered only when its state allows it (action-rules.ts). Where
 * money moves (cancel, no-show, collect, refund) a panel shows the amount and asks to confirm.
 * Every call's refusal is shown in an alert here; a 409 (the appointment changed meanwhile) also
 * reloads the page so what is shown is what the API has. Fires `appointment-changed` to reload.
 */
@customElement('mais-appointment-actions')
export class AppointmentActions extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) appointment!: AdminAppointment;

  @state() private open: AppointmentAction | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private collectBy: 'card' | 'venue' = 'venue';
  /** One Idempotency-Key per resend intent: a second click before the answer sends nothing more. */
  private resendKey = crypto.randomUUID();

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('appointment')) this.collectBy = this.appointment.cardOnFile ? 'card' : 'venue';
  }

  private readonly run = async (work: () => Promise<unknown>, success: string): Promise<void> => {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await work();
      this.open = null;
      this.ctx.announce(success);
      this.changed();
    } catch (error) {
      this.error =
        errorCode(error) === 'invalid_state' || errorCode(error) === 'slot_unavailable'
          ? `${errorText(error)} The page now shows the appointment as it is.`
          : errorText(error);
      if (errorCode(error) === 'invalid_state') {
        this.open = null;
        this.changed();
      }
    } finally {
      this.busy = false;
    }
  };

  private changed() {
    this.dispatchEvent(new Event('appointment-changed', { bubbles: true, composed: true }));
  }

  private choose(action: AppointmentAction) {
    this.error = '';
    const { id } = this.appointment;
    const appointments = this.ctx.admin.appointments;
    switch (action) {
      case 'complete':
        void this.run(() => appointments.complete(id), 'Appointment marked completed.');
        return;
      case 'resend': {
        const key = this.resendKey;
        void this.run(async () => {
          await appointments.resendConfirmation(id, { idempotencyKey: key });
          this.resendKey = crypto.randomUUID();
        }, 'Confirmation queued: it shows under Messages sent once built.');
        return;
      }
      default:
        this.open = this.open === action ? null : action;
    }
  }

  override render() {
    const a = this.appointment;
    const refundable = refundableByCard(a.ledger);
    const actions = availableActions(
      a,
      { refundableByCardCents: refundable },
      this.ctx.account.role,
      new Date(),
    );
    return html`
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        ${
          actions.length === 0
            ? html`<p class="muted">Nothing can be changed now.</p>`
            : html`<div class="actions">
                ${actions.map(
                  (action) =>
                    html`<button
                      class=${action === 'cancel' ? 'btn btn--danger' : 'btn btn--quiet'}
                      type="button"
                      aria-expanded=${
                        ['cancel', 'noShow', 'collectBalance', 'refund'].includes(action)
                          ? String(this.open === action)
                          : nothing
                      }
                      ?disabled=${this.busy}
                      @click=${() => this.choose(action)}
                    >
                      ${LABELS[action]}
                    </button>`,
                )}
              </div>`
        }
        ${this.error ? html`<p class="error" role="alert" data-testid="action-error">${this.error}</p>` : nothing}
        ${this.busy ? html`<p class="muted" role="status">Working…</p>` : nothing}
        ${this.open && actions.includes(this.open) ? this.panel(this.open, refundable) : nothing}
      </section>
    `;
  }

  private panel(action: AppointmentAction, refundable: number) {
    const a = this.appointment;
    const money = (cents: number) => formatMoney(cents, a.currency);
    const close = () => (this.open = null);
    const back = html`<button class="btn btn--quiet" type="button" @click=${close}>Back</button>`;
    switch (action) {
      case 'cancel':
        return html`<div class="card">
          <mais-cancel-panel
            .ctx=${this.ctx}
            .appointment=${a}
            .run=${this.run}
            ?busy=${this.busy}
            @close=${close}
          ></mais-cancel-panel>
        </div>`;
      case 'refund':
        return html`<div class="card">
          <mais-refund-panel
            .ctx=${this.ctx}
            .appointment=${a}
            .run=${this.run}
            .refundableCents=${refundable}
            ?busy=${this.busy}
            @close=${close}
          ></mais-refund-panel>
        </div>`;
      case 'noShow': {
        const fee = Math.max(0, a.noShowFeeCents - (a.totalAmountCents - a.amountDueCents));
        return html`<div class="card">
          <h3>Mark ${a.client.name} as not having come</h3>
          <p data-testid="no-show-fee">
            ${
              a.noShowFeeCents === 0
                ? 'No no-show fee was agreed: nothing is charged.'
                : a.cardOnFile
                  ? `The no-show fee of ${money(a.noShowFeeCents)} is charged to the kept card (${money(fee)} after what was paid).`
                  : `The no-show fee of ${money(a.noShowFeeCents)} becomes due (${money(fee)} after what was paid); no card is kept.`
            }
          </p>
          <div class="actions">
            <button
              class="btn"
              type="button"
              ?disabled=${this.busy}
              @click=${() => this.run(() => this.ctx.admin.appointments.noShow(a.id), 'Marked as a no-show.')}
            >
              Confirm no-show
            </button>
            ${back}
          </div>
        </div>`;
      }
      case 'collectBalance':
        return html`<div class="card">
          <h3>Collect ${money(a.amountDueCents)}</h3>
          <fieldset>
            <legend>How</legend>
            ${
              a.cardOnFile
                ? html`<label class="check"
                    ><input
                      type="radio"
                      name="collect-by"
                      .checked=${this.collectBy === 'card'}
                      @change=${() => (this.collectBy = 'card')}
                    />
                    Charge the kept card</label
                  >`
                : nothing
            }
            <label class="check"
              ><input
                type="radio"
                name="collect-by"
                .checked=${this.collectBy === 'venue'}
                @change=${() => (this.collectBy = 'venue')}
              />
              Taken at the venue (cash, card terminal)</label
            >
          </fieldset>
          <div class="actions">
            <button
              class="btn"
              type="button"
              ?disabled=${this.busy}
              @click=${() =>
                this.run(
                  () => this.ctx.admin.appointments.collectBalance(a.id, { method: this.collectBy }),
                  `${money(a.amountDueCents)} collected.`,
                )}
            >
              Confirm: collect ${money(a.amountDueCents)}
            </button>
            ${back}
          </div>
        </div>`;
      default:
        return nothing;
    }
  }
}
