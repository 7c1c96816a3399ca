import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';
import './client-list.ts';
import './client-page.ts';

/**
 * Clients: the list (`#/clients?q=…&from=…&to=…`) and one client's page (`#/clients/<email>`),
 * for managers and owners. A client is an email, as in the clients report.
 */
@customElement('mais-clients-area')
export class ClientsArea extends AreaElement {
  override render() {
    const email = this.route.path[0];
    return email
      ? html`<mais-client-page .ctx=${this.ctx} .email=${email}></mais-client-page>`
      : html`<mais-client-list .ctx=${this.ctx} .query=${this.route.query}></mais-client-list>`;
  }
}
