import { html } from 'lit';
import { servicesView } from './choose.views.ts';
import { confirmationView } from './confirmation.view.ts';
import { detailsView } from './details.view.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { cancelView, manageView, moveView } from './manage.views.ts';
import { failurePanel, skeleton } from './parts.ts';
import { paymentView } from './payment.view.ts';
import { scheduleView } from './schedule.views.ts';

const VIEWS = {
  services: servicesView,
  schedule: scheduleView,
  details: detailsView,
  payment: paymentView,
  confirmation: confirmationView,
  manage: manageView,
  cancel: cancelView,
  move: moveView,
};

/** The current step, or the whole widget's loading and failure states. */
export function renderStep(host: MaisBooking) {
  if (!host.l10n.loaded) return skeleton(host, 4); // no English before the widget's language arrives
  const fatal = host.fatal ?? (host.tenant ? null : host.catalog.failure);
  if (fatal) {
    return html`<div class="fatal">${failurePanel(host, fatal, () => host.loadStart())}</div>`;
  }
  if (!host.tenant) return skeleton(host, 4);
  return html`<section class="step step--${host.step}">${VIEWS[host.step](host)}</section>`;
}
