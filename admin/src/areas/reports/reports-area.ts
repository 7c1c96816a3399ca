import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';

// IN PROGRESS: replaced by the area's real page before this lands.
@customElement('mais-reports-area')
export class ReportsArea extends AreaElement {
  override render() {
    return html`<h1>Reports</h1>`;
  }
}
