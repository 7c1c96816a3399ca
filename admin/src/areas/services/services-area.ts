import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';

// IN PROGRESS: replaced by the area's real page before this lands.
@customElement('mais-services-area')
export class ServicesArea extends AreaElement {
  override render() {
    return html`<h1>Services</h1>`;
  }
}
