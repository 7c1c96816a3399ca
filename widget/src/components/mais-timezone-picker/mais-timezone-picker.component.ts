import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { supportedTimeZones } from '../../dates/zones.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-timezone-picker.styles.ts';

/**
 * @summary Says which time zone the times are in, with a searchable list of every zone to switch.
 *
 * The list is the browser's own (Intl.supportedValuesOf('timeZone')), offered through a native
 * datalist, which filters as the client types and works with the keyboard and screen readers.
 *
 * @event zone-change - Another zone was chosen; `detail.zone` is its IANA name. Internal to the widget.
 *
 * @csspart zone - The line naming the zone.
 */
export class MaisTimezonePicker extends MaisElement {
  static override styles = [shared, styles];

  @property() accessor timezone = 'UTC';
  @property() accessor locale: string | undefined;

  @state() accessor open = false;
  @state() accessor invalid = false;

  private readonly l10n = new LocalizeController(this);

  private toggle(): void {
    this.open = !this.open;
    this.invalid = false;
    if (this.open) void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const typed = this.renderRoot.querySelector('input')!.value.trim().replaceAll(' ', '_').toLowerCase();
    const zone = supportedTimeZones().find((candidate) => candidate.toLowerCase() === typed);
    this.invalid = !zone;
    if (!zone) return;
    this.open = false;
    this.dispatchEvent(new CustomEvent('zone-change', { detail: { zone } }));
    void this.updateComplete.then(() => this.renderRoot.querySelector('button')?.focus());
  }

  protected override render() {
    const { t } = this.l10n;
    return html`
      <p class="zone" part="zone">
        ${t.timesIn} <strong>${this.l10n.zone(this.timezone)}</strong>
        <button class="link" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.toggle}>
          ${t.changeZone}
        </button>
      </p>
      ${
        this.open
          ? html`<form @submit=${this.submit}>
              <label for="zone">${t.searchZones}</label>
              <div class="row">
                <input
                  id="zone"
                  type="search"
                  list="zones"
                  autocomplete="off"
                  aria-invalid=${this.invalid ? 'true' : 'false'}
                  aria-describedby=${this.invalid ? 'zone-error' : nothing}
                />
                <button class="btn">${t.useZone}</button>
              </div>
              <datalist id="zones">
                ${supportedTimeZones().map((zone) => html`<option value=${zone}></option>`)}
              </datalist>
              ${this.invalid ? html`<p id="zone-error" class="error">${t.unknownZone}</p>` : nothing}
            </form>`
          : nothing
      }
    `;
  }
}
