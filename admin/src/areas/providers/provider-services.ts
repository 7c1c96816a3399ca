import type { Provider, Service, SetProviderServicesBody } from '@mais/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney } from '../../ui/format.ts';
import { servicesBody } from './services-offered.ts';

/**
 * Which services the provider performs (checkboxes). Saving replaces the whole list, keeping the
 * provider's own prices that the Services area set. A provider account sees the count only:
 * the service list and this change are managers'.
 *
 * @fires provider-changed - detail: the saved Provider.
 */
@customElement('mais-provider-services')
export class ProviderServices extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) provider!: Provider;
  /** Every service; null for a provider account. */
  @property({ attribute: false }) services: Service[] | null = null;
  @state() private chosen = new Set<string>();
  @state() private error = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('provider')) this.chosen = new Set(this.provider.services.map((s) => s.serviceId));
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const body: SetProviderServicesBody = servicesBody(this.provider.services, this.chosen);
    this.busy = true;
    this.error = '';
    try {
      const saved = await this.ctx.admin.providers.setServices(this.provider.id, body);
      this.dispatchEvent(
        new CustomEvent('provider-changed', { detail: saved, bubbles: true, composed: true }),
      );
      this.ctx.announce(`Services saved: ${saved.services.length} offered.`);
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.services === null) {
      const count = this.provider.services.length;
      return html`<p>
        You offer ${count} ${count === 1 ? 'service' : 'services'}. A manager changes which ones.
      </p>`;
    }
    // Inactive services stay listed while offered, so unticking them is possible.
    const shown = this.services.filter((s) => s.active || this.chosen.has(s.id));
    if (shown.length === 0) return html`<p class="muted">No services yet: add them in Services first.</p>`;
    const prices = new Map(this.provider.services.map((s) => [s.serviceId, s.priceOverrideCents]));
    return html`<form @submit=${this.save}>
      <fieldset class="field">
        <legend class="label">Services this provider performs</legend>
        ${shown.map((service) => {
          const own = prices.get(service.id);
          return html`<label class="check">
            <input
              type="checkbox"
              name="service"
              value=${service.id}
              .checked=${this.chosen.has(service.id)}
              @change=${(e: Event) => this.toggle(service.id, (e.target as HTMLInputElement).checked)}
            />
            ${service.name}
            <span class="muted">
              (${
                own != null
                  ? `own price ${formatMoney(own, service.currency)}`
                  : formatMoney(service.priceBaseCents, service.currency)
              }${service.active ? '' : ', inactive'})
            </span>
          </label>`;
        })}
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>Save services</button>
      </div>
    </form>`;
  }
}
