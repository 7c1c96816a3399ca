import type { MaisClient, PublicTenant } from '@mais/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { ThemeController } from '../../controllers/theme.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { readManageLink } from '../../manage-link.ts';
import { shared } from '../../styles/shared.styles.ts';
import { tokens } from '../../styles/tokens.styles.ts';
import type { MaisBooking } from '../mais-booking/mais-booking.component.ts';
import '../mais-booking/mais-booking.ts';
import { styles } from './mais-booking-button.styles.ts';

/**
 * @summary A button that opens the booking widget in a modal dialog. Takes the same attributes as
 * `<mais-booking>`, which it creates on the first click (nothing is fetched before that).
 *
 * The dialog is the native `<dialog>` opened with showModal(): focus stays inside, Escape closes it
 * and focus returns to the button. Its header (the business's name, once the booking has loaded, and
 * the close button) stays at the top while the booking scrolls; up to 480px wide it fills the screen.
 * Header, dialog and booking share one theme: `theme` (else the tenant's), 'auto' resolved once
 * (controllers/theme.controller.ts) and handed to the booking inside.
 *
 * Opened from a manage link (`?mais-appointment=…&mais-token=…`) on a page without an inline
 * `<mais-booking>`, the first button of the page opens its dialog by itself, on the manage view.
 *
 * @slot - The button's text. Default "Book now" in the widget's language.
 *
 * @event mais:ready - And every other `mais:*` event of `<mais-booking>`, which bubble out of the dialog.
 *
 * @csspart button - The button that opens the dialog (and the booking's own buttons).
 * @csspart dialog - The dialog.
 * @csspart header - The dialog's header: the business's name and the close button.
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
  static override styles = [shared, tokens, styles];

  /** The manage link (page URL) a button has opened its dialog for: one button per link. */
  private static openedFor = '';

  @property() service: string | undefined;
  @property() provider: string | undefined;
  @property() locale: string | undefined;
  @property() timezone: string | undefined;
  @property() theme: 'light' | 'dark' | 'auto' | undefined;
  @property({ attribute: 'prefill-name' }) prefillName: string | undefined;
  @property({ attribute: 'prefill-email' }) prefillEmail: string | undefined;
  @property({ attribute: 'tenant-key' }) tenantKey: string | undefined;
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  @property({ attribute: false }) client: MaisClient | undefined;
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** Whether the booking was created (on the first opening; it is kept, with its progress, after closing). */
  @state() opened = false;
  /** The business, from the booking inside once it is ready (its name heads the dialog). */
  @state() tenant: PublicTenant | null = null;

  /** A getter rather than `@query`: the decorator's code would be in widget.js for this one use. */
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private readonly l10n = new LocalizeController(this);
  private readonly themes = new ThemeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.openFromManageLink();
  }

  /**
   * A client following a manage link to a page whose only widget is a button would otherwise see
   * nothing of their booking: the first button opens its dialog, whose booking shows the manage view.
   * Decided once the page is parsed, when every widget is known; buttons connect, and so decide, in
   * document order, and the first claims the link. (The bookings inside buttons are in their shadow
   * roots: querySelector finds only inline ones.)
   */
  private async openFromManageLink(): Promise<void> {
    const link = location.href;
    if (!readManageLink(link)) return;
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    if (MaisBookingButton.openedFor === link || document.querySelector('mais-booking') || !this.isConnected)
      return;
    MaisBookingButton.openedFor = link;
    await this.show();
  }

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
    const branding = this.tenant?.branding;
    // The page's theme, else the tenant's once known; until then the booking decides on its own.
    const chosen = this.theme ?? branding?.theme;
    const theme = this.themes.resolve(chosen ?? 'light');
    // The tenant's colour, as the booking inside has it (its render()), for the close button's ring.
    const brand = branding?.primaryColor ? `--_brand-primary:${branding.primaryColor}` : '';
    return html`<button class="btn trigger" part="button" aria-haspopup="dialog" @click=${this.show}>
        <slot>${t.bookNow}</slot>
      </button>
      <dialog
        part="dialog"
        aria-label=${t.dialogLabel}
        data-theme=${theme}
        style=${brand}
        @click=${this.onDialogClick}
        @mais:ready=${this.onReady}
      >
        <div class="header" part="header">
          <p class="name">${this.tenant?.name}</p>
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
                theme=${ifDefined(chosen && theme)}
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

  private onReady(event: Event): void {
    this.tenant = (event.target as MaisBooking).tenant;
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
