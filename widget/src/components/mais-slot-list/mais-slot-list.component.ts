import type { AvailableSlot } from '@mais/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-slot-list.styles.ts';

/** English, until the widget passes its language's: "1 seat left", "3 seats left". */
const englishSeats = (n: number) => `${n} seat${n === 1 ? '' : 's'} left`;

/**
 * @summary The free times of one day as buttons, in the client's time zone and the locale's clock.
 *
 * Rest, hover, keyboard focus and picked each look different: hover tints, focus adds the widget's
 * focus ring, and the picked time is filled with the primary colour.
 *
 * @event slot-select - A time was picked; `detail.slot` is the API's slot. Internal to the widget.
 *
 * @csspart slot - Each time button; the picked one also has `slot-selected`.
 */
export class MaisSlotList extends MaisElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) slots: readonly AvailableSlot[] = [];
  /** The zone the times are shown in. */
  @property() timezone = 'UTC';
  /** startTimeUtc of the picked slot. */
  @property() selected: string | null = null;
  @property() locale: string | undefined;
  /** Accessible name of the list. */
  @property() label = '';
  /** Shows the seats left under each time (classes and other services with capacity above 1). */
  @property({ type: Boolean, attribute: 'show-seats' }) showSeats = false;
  /**
   * Words for `seatsLeft` in the widget's language, plural-aware: 3 → "3 seats left". The button's
   * name is its text, "9:00 AM, 3 seats left" (the comma is for screen readers only).
   */
  @property({ attribute: false }) seatsLabel: (n: number) => string = englishSeats;

  private readonly l10n = new LocalizeController(this);

  protected override render() {
    return html`<ul class="slots" aria-label=${this.label}>
      ${this.slots.map((slot) => {
        const picked = slot.startTimeUtc === this.selected;
        const time = this.l10n.time(slot.startTimeUtc, this.timezone);
        const seats = this.showSeats ? this.seatsLabel(slot.seatsLeft) : '';
        return html`<li>
          <button
            class="slot"
            part=${picked ? 'slot slot-selected' : 'slot'}
            aria-pressed=${picked ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new CustomEvent('slot-select', { detail: { slot } }))}
          >
            ${time}${seats ? html`<span class="sr-only">, </span><span class="seats">${seats}</span>` : nothing}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
