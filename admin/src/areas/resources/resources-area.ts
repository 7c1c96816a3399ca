import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';
import './location-list.ts';
import './resource-list.ts';

/**
 * Resources: the rooms and equipment services need (one section), and the locations where
 * services are performed (the other). Managers and owners only, as the API's routes are.
 */
@customElement('mais-resources-area')
export class ResourcesArea extends AreaElement {
  override render() {
    return html`
      <h1>Resources</h1>
      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading">Rooms and equipment</h2>
        <mais-resource-list .ctx=${this.ctx}></mais-resource-list>
      </section>
      <section aria-labelledby="locations-heading">
        <h2 id="locations-heading">Locations</h2>
        <mais-location-list .ctx=${this.ctx}></mais-location-list>
      </section>
    `;
  }
}
