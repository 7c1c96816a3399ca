import { html, nothing } from 'lit';
import { noShowFeeNote } from '../../payment/no-show-fee.ts';
import { servicePaymentNote } from '../../payment/payment-notice.ts';
import { shownPrice } from '../../payment/shown-price.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { stepHeading } from './parts.ts';

const note = (text: string) => (text ? html`<span class="choice__note">${text}</span>` : nothing);

export function servicesView(host: MaisBooking) {
  const { t } = host.l10n;
  return html`${stepHeading(host, t.chooseService)}
  ${
    host.services.length === 0
      ? html`<p>${t.noServices}</p>`
      : html`<ul class="choices">
          ${host.services.map(
            (service) =>
              html`<li>
                <button
                  class="choice"
                  part="service"
                  @click=${() => host.chooseService(service)}
                  @pointerenter=${() => host.prefetchService(service)}
                  @focus=${() => host.prefetchService(service)}
                >
                  <span class="choice__name">${service.name}</span>
                  <span class="choice__meta">
                    ${host.l10n.duration(service.durationMinutes)} · ${shownPrice(service, host.l10n)}
                  </span>
                  ${service.description ? html`<span class="choice__text">${service.description}</span>` : nothing}
                  ${note(servicePaymentNote(service, host.l10n, null, host.cardPayments))}
                  ${note(noShowFeeNote(service, host.l10n, null, 1, host.cardPayments))}
                </button>
              </li>`,
          )}
        </ul>`
  }`;
}
