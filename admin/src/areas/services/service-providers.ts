import type { Provider, Service } from '@mais/sdk';
import { ConflictError } from '@mais/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../ui/format.ts';
import { offerOf, servicesWithOffer } from './provider-offers.ts';

interface RowDraft {
  offers: boolean;
  /** '' = the service's base price. */
  price: string;
  error: string;
  saving: boolean;
}

/**
 * Which providers offer this service, and at which price (empty: the base price). Each row saves
 * on its own: the provider's current list is read again and only this service's entry changes, as
 * the API replaces a provider's whole list.
 */
@customElement('mais-service-providers')
export class ServiceProviders extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      td input:not([type='checkbox']) {
        max-width: 9rem;
      }
      td .error {
        margin: 0.25rem 0 0;
        max-width: 14rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) service!: Service;
  @property({ attribute: false }) providers: Provider[] = [];
  @state() private rows = new Map<string, RowDraft>();

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('providers')) {
      this.rows = new Map(this.providers.map((provider) => [provider.id, this.rowOf(provider)]));
    }
  }

  private rowOf(provider: Provider): RowDraft {
    const offer = offerOf(provider, this.service.id);
    return {
      offers: offer.offers,
      price:
        offer.priceOverrideCents === null
          ? ''
          : moneyInputValue(offer.priceOverrideCents, this.service.currency),
      error: '',
      saving: false,
    };
  }

  override render() {
    if (this.providers.length === 0) {
      return html`<p class="muted">
        No providers yet. <a href=${hrefFor('providers')}>Add them under Providers</a>.
      </p>`;
    }
    const base = formatMoney(this.service.priceBaseCents, this.service.currency);
    return html`
      <p class="hint">Leave the price empty for the base price (${base}).</p>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">
            Providers offering ${this.service.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Offers it</th>
              <th scope="col">Price (${this.service.currency})</th>
              <th scope="col"><span class="sr-only">Save</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.providers.map((provider) => this.row(provider))}
          </tbody>
        </table>
      </div>
    `;
  }

  private row(provider: Provider) {
    const row = this.rows.get(provider.id)!;
    const id = provider.id;
    return html`<tr>
      <th scope="row">
        <a href=${hrefFor('providers', [id])}>${provider.name}</a
        >${provider.active ? '' : html` <span class="badge">Inactive</span>`}
      </th>
      <td>
        <label class="check">
          <input
            type="checkbox"
            .checked=${row.offers}
            @change=${(event: Event) => this.edit(id, { offers: (event.target as HTMLInputElement).checked })}
          />
          <span class="sr-only">${provider.name} offers ${this.service.name}</span>
        </label>
      </td>
      <td>
        <label class="sr-only" for="price-${id}">Price with ${provider.name}</label>
        <input
          id="price-${id}"
          inputmode="decimal"
          placeholder=${moneyInputValue(this.service.priceBaseCents, this.service.currency)}
          .value=${row.price}
          ?disabled=${!row.offers}
          aria-invalid=${row.error ? 'true' : 'false'}
          aria-describedby=${row.error ? `price-error-${id}` : ''}
          @input=${(event: Event) => this.edit(id, { price: (event.target as HTMLInputElement).value })}
        />
        <div role="alert">
          ${row.error ? html`<p class="error" id="price-error-${id}">${row.error}</p>` : ''}
        </div>
      </td>
      <td>
        <button class="btn btn--quiet" ?disabled=${row.saving} @click=${() => this.save(provider)}>
          Save ${provider.name}
        </button>
      </td>
    </tr>`;
  }

  private edit(providerId: string, change: Partial<RowDraft>) {
    const rows = new Map(this.rows);
    rows.set(providerId, { ...rows.get(providerId)!, ...change, error: '' });
    this.rows = rows;
  }

  private async save(provider: Provider) {
    const row = this.rows.get(provider.id)!;
    const price = row.price.trim() === '' ? null : parseMoney(row.price, this.service.currency);
    if (row.offers && row.price.trim() !== '' && price === null) {
      this.setRow(provider.id, { error: 'Enter an amount such as 45.00, or leave it empty.' });
      return;
    }
    this.setRow(provider.id, { saving: true, error: '' });
    try {
      // Read the provider's list now, not when the page opened: another service's change stays.
      const current = await this.ctx.admin.providers.retrieve(provider.id);
      const updated = await this.ctx.admin.providers.setServices(
        provider.id,
        servicesWithOffer(current.services, this.service.id, {
          offers: row.offers,
          priceOverrideCents: price,
        }),
      );
      this.replaceProvider(updated);
      this.ctx.announce(
        row.offers
          ? `${provider.name} offers ${this.service.name}.`
          : `${provider.name} no longer offers ${this.service.name}.`,
      );
    } catch (error) {
      this.setRow(provider.id, { saving: false, error: errorText(error) });
      if (error instanceof ConflictError) {
        const fresh = await this.ctx.admin.providers.retrieve(provider.id).catch(() => null);
        if (fresh) this.replaceProvider(fresh, errorText(error));
      }
    }
  }

  private replaceProvider(provider: Provider, error = '') {
    this.providers = this.providers.map((other) => (other.id === provider.id ? provider : other));
    const rows = new Map(this.rows);
    rows.set(provider.id, { ...this.rowOf(provider), error });
    this.rows = rows;
  }

  private setRow(providerId: string, change: Partial<RowDraft>) {
    const rows = new Map(this.rows);
    rows.set(providerId, { ...rows.get(providerId)!, ...change });
    this.rows = rows;
  }
}
