import { html, nothing } from 'lit';
import { servicePaymentNote } from '../../payment/payment-notice.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { stepHeading } from './parts.ts';

function price(host: MaisBooking, cents: number, currency: string): string {
  return cents === 0 ? host.l10n.t.free : host.l10n.price(cents, currency);
}

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
                <button class="choice" part="service" @click=${() => host.chooseService(service)}>
                  <span class="choice__name">${service.name}</span>
                  <span class="choice__meta">
                    ${host.l10n.duration(service.durationMinutes)} ·
                    ${price(host, service.priceBaseCents, service.currency)}
                  </span>
                  ${service.description ? html`<span class="choice__text">${service.description}</span>` : nothing}
                  ${note(servicePaymentNote(service, host.l10n))}
                </button>
              </li>`,
          )}
        </ul>`
  }`;
}

export function providersView(host: MaisBooking) {
  const { t } = host.l10n;
  const service = host.chosen!;
  return html`${stepHeading(host, t.chooseProvider)}
    <ul class="choices">
      <li>
        <button class="choice" part="service" @click=${() => host.chooseProvider(null)}>
          <span class="choice__name">${t.anyProvider}</span>
          <span class="choice__meta">${t.anyProviderHint}</span>
        </button>
      </li>
      ${service.providers.map(
        (provider) =>
          html`<li>
            <button class="choice" part="service" @click=${() => host.chooseProvider(provider.id)}>
              <span class="choice__name">${provider.name}</span>
              ${
                provider.priceCents !== service.priceBaseCents
                  ? html`<span class="choice__meta"
                      >${price(host, provider.priceCents, service.currency)}</span
                    >`
                  : nothing
              }
            </button>
          </li>`,
      )}
    </ul>`;
}
