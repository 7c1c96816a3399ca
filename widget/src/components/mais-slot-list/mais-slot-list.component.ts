import type { AvailableSlot } from '@mais/sdk';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-slot-list.styles.ts';

/**
 * @summary The free times of one day as buttons, in the client's time zone and the locale's clock.
 *
 * @event slot-select - A time was picked; `detail.slot` is the API's slot. Internal to the widget.
 *
 * @csspart slot - Each time button; the picked one also has `slot-selected`.
 */
export class MaisSlotList extends MaisElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) accessor slots: readonly AvailableSlot[] = [];
  /** The zone the times are shown in. */
  @property() accessor timezone = 'UTC';
  /** startTimeUtc of the picked slot. */
  @property() accessor selected: string | null = null;
  @property() accessor locale: string | undefined;
  /** Accessible name of the list. */
  @property() accessor label = '';

  private readonly l10n = new LocalizeController(this);

  protected override render() {
    return html`<ul class="slots" aria-label=${this.label}>
      ${this.slots.map((slot) => {
        const picked = slot.startTimeUtc === this.selected;
        return html`<li>
          <button
            class="slot"
            part=${picked ? 'slot slot-selected' : 'slot'}
            aria-pressed=${picked ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new CustomEvent('slot-select', { detail: { slot } }))}
          >
            ${this.l10n.time(slot.startTimeUtc, this.timezone)}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
