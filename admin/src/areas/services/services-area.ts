import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';
import './service-list.ts';
import './service-page.ts';

/**
 * Services: the list (`#/services`), a new service (`#/services/new`) and a service's page
 * (`#/services/<id>`: details, cancellation policy, intake form, providers and their prices).
 */
@customElement('mais-services-area')
export class ServicesArea extends AreaElement {
  override render() {
    const [serviceId] = this.route.path;
    if (serviceId === undefined) {
      return html`<mais-service-list
        .ctx=${this.ctx}
        .showInactive=${this.route.query.get('inactive') === 'shown'}
      ></mais-service-list>`;
    }
    return html`<mais-service-page .ctx=${this.ctx} .serviceId=${serviceId}></mais-service-page>`;
  }
}
