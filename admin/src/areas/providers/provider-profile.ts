import type { Provider, UpdateProviderBody } from '@mais/sdk';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';

const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The provider's name, email, phone, zone and whether they take bookings. Managers edit it; a
 * provider account reads it (the API keeps profile changes to managers).
 *
 * @fires provider-changed - detail: the saved Provider.
 */
@customElement('mais-provider-profile')
export class ProviderProfile extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) provider!: Provider;
  @property({ type: Boolean }) readonly = false;
  @state() private error = '';
  @state() private busy = false;

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body: UpdateProviderBody = {
      name: text('name'),
      email: text('email'),
      phone: text('phone') || null,
      timezone: text('timezone') || null,
      active: data.get('active') === 'on',
    };
    this.busy = true;
    this.error = '';
    try {
      const saved = await this.ctx.admin.providers.update(this.provider.id, body);
      this.dispatchEvent(
        new CustomEvent('provider-changed', { detail: saved, bubbles: true, composed: true }),
      );
      this.ctx.announce('Profile saved.');
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const p = this.provider;
    if (this.readonly) {
      return html`<dl class="facts">
          <dt>Email</dt>
          <dd>${p.email}</dd>
          <dt>Phone</dt>
          <dd>${p.phone ?? '—'}</dd>
          <dt>Time zone</dt>
          <dd>${p.timezone ?? `The business's (${this.ctx.zone})`}</dd>
        </dl>
        <p class="hint">A manager changes these details.</p>`;
    }
    const zones = p.timezone && !ZONES.includes(p.timezone) ? [p.timezone, ...ZONES] : ZONES;
    return html`<form @submit=${this.save}>
      <div class="field-row">
        <div class="field">
          <label for="profile-name">Name</label>
          <input id="profile-name" name="name" required maxlength="200" .value=${p.name} />
        </div>
        <div class="field">
          <label for="profile-email">Email</label>
          <input id="profile-email" name="email" type="email" required maxlength="254" .value=${p.email} />
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="profile-phone">Phone</label>
          <input
            id="profile-phone"
            name="phone"
            type="tel"
            maxlength="25"
            autocomplete="off"
            .value=${p.phone ?? ''}
            aria-describedby="profile-phone-hint"
          />
          <p class="hint" id="profile-phone-hint">Optional, e.g. +49 30 1234567.</p>
        </div>
        <div class="field">
          <label for="profile-zone">Time zone</label>
          <select id="profile-zone" name="timezone" aria-describedby="profile-zone-hint">
            <option value="" ?selected=${!p.timezone}>The business's (${this.ctx.zone})</option>
            ${zones.map((zone) => html`<option value=${zone} ?selected=${zone === p.timezone}>${zone}</option>`)}
          </select>
          <p class="hint" id="profile-zone-hint">Their weekly hours are read in this zone.</p>
        </div>
      </div>
      <label class="check"
        ><input type="checkbox" name="active" .checked=${p.active} /> Takes bookings (active)</label
      >
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>Save profile</button>
      </div>
    </form>`;
  }
}
