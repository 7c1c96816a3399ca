import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';

// IN PROGRESS: replaced by the area's real page before this lands.
@customElement('mais-providers-area')
export class ProvidersArea extends AreaElement {
  override render() {
    return html`<h1>Providers</h1>`;
  }
}
