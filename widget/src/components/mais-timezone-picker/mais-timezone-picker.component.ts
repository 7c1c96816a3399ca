import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { loadZoneSearch, type ZoneSearchModule } from '../../dates/zone-search-chunk.ts';
import { supportedTimeZones } from '../../dates/zones.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-timezone-picker.styles.ts';

/** More would push the times far down on a phone; the search narrows quickly. */
const MAX_RESULTS = 8;

/**
 * @summary Says which time zone the times are in, with a search to switch to another one.
 *
 * The search is an ARIA 1.2 combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): it
 * starts with the current zone, finds zones by city, country or abbreviation (zone-search.ts, loaded
 * when the search first opens: zone-search-chunk.ts) and lists the best few with their offsets.
 * Arrows move through the list, Enter or a click picks, Escape closes the list, then the search.
 * Enter without a highlighted zone takes the typed IANA name, else the best match.
 *
 * @event zone-change - Another zone was chosen; `detail.zone` is its IANA name. Internal to the widget.
 *
 * @csspart zone - The line naming the zone.
 */
export class MaisTimezonePicker extends MaisElement {
  static override styles = [shared, styles];

  /** The IANA zone the times are in (the widget passes the browser's). */
  @property() timezone = 'UTC';
  @property() locale: string | undefined;

  @state() open = false;
  @state() invalid = false;
  /** The zones listed under the search (none: the list is closed). */
  @state() results: string[] = [];
  /** The highlighted result (aria-activedescendant), -1 for none. */
  @state() active = -1;

  private readonly l10n = new LocalizeController(this);
  /** The search and its tables, once loaded. */
  private finder: ZoneSearchModule | null = null;

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!;
  }

  private toggle(): void {
    this.open = !this.open;
    this.invalid = false;
    this.results = [];
    this.active = -1;
    if (!this.open) return;
    void this.find();
    void this.updateComplete.then(() => {
      this.input.focus();
      this.input.select();
    });
  }

  /** The search, loaded as the search opens (its own file: few clients change zone). */
  private async find(): Promise<ZoneSearchModule | null> {
    try {
      return (this.finder ??= await loadZoneSearch());
    } catch (error) {
      console.warn('[mais-booking] The time zone search could not be loaded.', error);
      return null;
    }
  }

  private search(): void {
    const { finder } = this;
    // Typed before the search arrived (tens of milliseconds): searched once it is here.
    if (!finder) return void this.find().then((found) => found && this.open && this.search());
    this.results = finder.searchZones(this.input.value, this.l10n.lang).slice(0, MAX_RESULTS);
    this.active = -1;
    this.invalid = false;
  }

  private onKeydown(event: KeyboardEvent): void {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      if (this.results.length === 0) this.search();
      const count = this.results.length;
      // From nothing highlighted down goes to the first result, up to the last.
      if (count > 0)
        this.active = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    } else if (event.key === 'Escape') {
      // Handled here, so a modal dialog around the widget stays open.
      event.preventDefault();
      event.stopPropagation();
      if (this.results.length > 0) {
        this.results = [];
        this.active = -1;
      } else this.close();
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const finder = await this.find();
    if (!this.open) return; // closed meanwhile
    const zone = this.results[this.active] ?? (finder ? this.typedZone(finder) : undefined);
    this.invalid = !zone;
    if (zone) this.choose(zone);
  }

  /** The typed IANA name (or the zone in use, which the browser's list may lack), else the best match. */
  private typedZone({ normalize, searchZones }: ZoneSearchModule): string | undefined {
    const typed = normalize(this.input.value);
    return (
      [this.timezone, ...supportedTimeZones()].find((candidate) => normalize(candidate) === typed) ??
      searchZones(typed, this.l10n.lang)[0]
    );
  }

  private choose(zone: string): void {
    this.close();
    if (zone !== this.timezone) this.dispatchEvent(new CustomEvent('zone-change', { detail: { zone } }));
  }

  private close(): void {
    this.toggle();
    void this.updateComplete.then(() => this.renderRoot.querySelector('button')?.focus());
  }

  protected override render() {
    const { t } = this.l10n;
    const listed = this.results.length > 0;
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
                  role="combobox"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${this.timezone.replaceAll('_', ' ')}
                  aria-autocomplete="list"
                  aria-controls="zones"
                  aria-expanded=${listed ? 'true' : 'false'}
                  aria-activedescendant=${listed && this.active >= 0 ? `zone-${this.active}` : nothing}
                  aria-invalid=${this.invalid ? 'true' : 'false'}
                  aria-describedby=${this.invalid ? 'zone-error' : nothing}
                  @input=${this.search}
                  @keydown=${this.onKeydown}
                />
                <button class="btn">${t.useZone}</button>
              </div>
              <ul id="zones" role="listbox" aria-label=${t.searchZones} ?hidden=${!listed}>
                ${this.results.map(
                  (zone, i) =>
                    html`<li
                      id="zone-${i}"
                      role="option"
                      aria-selected=${i === this.active ? 'true' : 'false'}
                      @click=${() => this.choose(zone)}
                    >
                      ${this.l10n.zone(zone)}
                    </li>`,
                )}
              </ul>
              ${this.invalid ? html`<p id="zone-error" class="error">${t.unknownZone}</p>` : nothing}
            </form>`
          : nothing
      }
    `;
  }
}
