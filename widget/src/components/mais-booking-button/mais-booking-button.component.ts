import type { MaisClient } from '@mais/sdk';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import '../mais-booking/mais-booking.ts';
import { styles } from './mais-booking-button.styles.ts';

/**
 * @summary A button that opens the booking widget in a modal dialog. Takes the same attributes as
 * `<mais-booking>`, which it creates on the first click (nothing is fetched before that).
 *
 * The dialog is the native `<dialog>` opened with showModal(): focus stays inside, Escape closes it
 * and focus returns to the button.
 *
 * @slot - The button's text. Default "Book now" in the widget's language.
 *
 * @event mais:ready - And every other `mais:*` event of `<mais-booking>`, which bubble out of the dialog.
 *
 * @csspart button - The button that opens the dialog (and the booking's own buttons).
 * @csspart dialog - The dialog.
 * @csspart close - The dialog's close button.
 * @csspart base - The booking inside; with service, day, slot, form and confirmation, as `<mais-booking>`.
 *
 * @cssproperty --mais-primary - As `<mais-booking>`; also the button's colour.
 * @cssproperty --mais-font - As `<mais-booking>`.
 * @cssproperty --mais-radius - As `<mais-booking>`.
 * @cssproperty --mais-surface - As `<mais-booking>`; also the dialog's background.
 * @cssproperty --mais-text - As `<mais-booking>`.
 */
export class MaisBookingButton extends MaisElement {
  static override styles = [shared, styles];

  @property() accessor service: string | undefined;
  @property() accessor provider: string | undefined;
  @property() accessor locale: string | undefined;
  @property() accessor timezone: string | undefined;
  @property() accessor theme: 'light' | 'dark' | 'auto' | undefined;
  @property({ attribute: 'prefill-name' }) accessor prefillName: string | undefined;
  @property({ attribute: 'prefill-email' }) accessor prefillEmail: string | undefined;
  @property({ attribute: 'tenant-key' }) accessor tenantKey: string | undefined;
  @property({ attribute: 'api-base' }) accessor apiBase: string | undefined;
  @property({ attribute: false }) accessor client: MaisClient | undefined;
  @property({ attribute: false }) accessor fetch: typeof fetch | undefined;

  /** Whether the booking was created (on the first opening; it is kept, with its progress, after closing). */
  @state() accessor opened = false;

  @query('dialog') private accessor dialog!: HTMLDialogElement;

  private readonly l10n = new LocalizeController(this);

  /** Opens the dialog. */
  async show(): Promise<void> {
    this.opened = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog.close();
  }

  protected override render() {
    const { t } = this.l10n;
    return html`<button class="btn trigger" part="button" aria-haspopup="dialog" @click=${this.show}>
        <slot>${t.bookNow}</slot>
      </button>
      <dialog part="dialog" aria-label=${t.dialogLabel} @click=${this.onDialogClick}>
        <div class="bar">
          <button class="close" part="close" aria-label=${t.close} @click=${this.close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        ${
          this.opened
            ? html`<mais-booking
                exportparts="base, service, day, day-available, day-selected, nav, zone, slot, slot-selected, button, form, confirmation, payment, error"
                service=${ifDefined(this.service)}
                provider=${ifDefined(this.provider)}
                locale=${ifDefined(this.locale)}
                timezone=${ifDefined(this.timezone)}
                theme=${ifDefined(this.theme)}
                prefill-name=${ifDefined(this.prefillName)}
                prefill-email=${ifDefined(this.prefillEmail)}
                tenant-key=${ifDefined(this.tenantKey)}
                api-base=${ifDefined(this.apiBase)}
                .client=${this.client}
                .fetch=${this.fetch}
              ></mais-booking>`
            : nothing
        }
      </dialog>`;
  }

  /** A click on the backdrop (the dialog element itself, outside its content) closes it. */
  private onDialogClick(event: MouseEvent): void {
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.close();
  }
}
