import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';
import type { LocationDraft } from './location-draft.ts';

const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The form of one location (new or edited).
 *
 * @fires save - detail: the LocationDraft as filled in.
 * @fires cancel
 */
@customElement('mais-location-form')
export class LocationForm extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) draft!: LocationDraft;
  @property() heading = '';
  @property({ attribute: 'submit-label' }) submitLabel = 'Save';
  /** The business's zone, named in the "no zone" choice. */
  @property() zone = '';
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const detail: LocationDraft = {
      name: text('name'),
      address: text('address'),
      postalCode: text('postalCode'),
      city: text('city'),
      country: text('country'),
      phone: text('phone'),
      timezone: text('timezone'),
      active: data.get('active') === 'on',
    };
    this.dispatchEvent(new CustomEvent('save', { detail }));
  }

  override render() {
    const d = this.draft;
    const zones = d.timezone && !ZONES.includes(d.timezone) ? [d.timezone, ...ZONES] : ZONES;
    return html`<form class="card" aria-labelledby="location-form-title" @submit=${this.submit}>
      <h3 id="location-form-title">${this.heading}</h3>
      <div class="field">
        <label for="location-name">Name</label>
        <input id="location-name" name="name" required maxlength="200" .value=${d.name} />
      </div>
      <div class="field">
        <label for="location-address">Street address</label>
        <textarea
          id="location-address"
          name="address"
          rows="3"
          aria-describedby="location-address-hint"
          .value=${d.address}
        ></textarea>
        <p class="hint" id="location-address-hint">Up to three lines.</p>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="location-postal">Postal code</label>
          <input
            id="location-postal"
            name="postalCode"
            maxlength="20"
            autocomplete="off"
            .value=${d.postalCode}
          />
        </div>
        <div class="field">
          <label for="location-city">City</label>
          <input id="location-city" name="city" maxlength="100" autocomplete="off" .value=${d.city} />
        </div>
        <div class="field">
          <label for="location-country">Country code</label>
          <input
            id="location-country"
            name="country"
            maxlength="2"
            autocomplete="off"
            aria-describedby="location-country-hint"
            .value=${d.country}
          />
          <p class="hint" id="location-country-hint">Two letters, such as DE.</p>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="location-phone">Phone</label>
          <input
            id="location-phone"
            name="phone"
            type="tel"
            maxlength="25"
            autocomplete="off"
            .value=${d.phone}
          />
        </div>
        <div class="field">
          <label for="location-zone">Time zone</label>
          <select id="location-zone" name="timezone">
            <option value="" ?selected=${!d.timezone}>Not said (the business's: ${this.zone})</option>
            ${zones.map((zone) => html`<option value=${zone} ?selected=${zone === d.timezone}>${zone}</option>`)}
          </select>
        </div>
      </div>
      <label class="check"
        ><input type="checkbox" name="active" .checked=${d.active} /> Active (shown to clients)</label
      >
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
        <button
          class="btn btn--quiet"
          type="button"
          @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}
        >
          Cancel
        </button>
      </div>
    </form>`;
  }
}
