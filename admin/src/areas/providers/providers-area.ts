import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';
import './provider-list.ts';
import './provider-page.ts';

/**
 * Providers: the list (`#/providers`) and one provider's page (`#/providers/<id>`): profile,
 * weekly hours, date overrides, services offered and calendars. A provider account has only its
 * own page, whatever the address says (the API would answer 404 for anyone else's).
 */
@customElement('mais-providers-area')
export class ProvidersArea extends AreaElement {
  override render() {
    const { account } = this.ctx;
    const own = account.role === 'provider' ? account.providerId : null;
    const id = own ?? this.route.path[0];
    return id
      ? html`<mais-provider-page .ctx=${this.ctx} providerId=${id} ?own=${own !== null}></mais-provider-page>`
      : html`<mais-provider-list .ctx=${this.ctx}></mais-provider-list>`;
  }
}
