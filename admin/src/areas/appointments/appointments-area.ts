import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AreaElement } from '../../ui/area-element.ts';
import './appointment-list.ts';
import './appointment-page.ts';

/** Appointments: the filtered list (`#/appointments?…`) and one appointment's page (`#/appointments/<id>`). */
@customElement('mais-appointments-area')
export class AppointmentsArea extends AreaElement {
  override render() {
    const [id] = this.route.path;
    return id
      ? html`<mais-appointment-page .ctx=${this.ctx} .appointmentId=${id}></mais-appointment-page>`
      : html`<mais-appointment-list .ctx=${this.ctx} .route=${this.route}></mais-appointment-list>`;
  }
}
