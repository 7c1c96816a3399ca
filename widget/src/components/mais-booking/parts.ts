import type { Appointment } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { Failure } from '../../errors/failure.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { back, previousStep } from './step-navigation.ts';

/** The step's heading (focused when the client arrives) with the Back button before it. */
export function stepHeading(host: MaisBooking, title: string) {
  const backButton = previousStep(host)
    ? html`<button class="link back" @click=${() => back(host)}>
        <span aria-hidden="true">‹</span> ${host.l10n.t.back}
      </button>`
    : nothing;
  return html`<div class="top">
    ${backButton}
    <h2 tabindex="-1" data-step-heading>${title}</h2>
  </div>`;
}

/** An error where it happened, with Retry when retrying can help. */
export function failurePanel(host: MaisBooking, failure: Failure | null, retry?: () => void) {
  if (!failure) return nothing;
  const canRetry = retry && (failure.kind === 'network' || failure.kind === 'unknown');
  return html`<div class="failure" part="error">
    <p>${host.failureMessage(failure)}</p>
    ${canRetry ? html`<button class="btn btn--quiet" part="button" @click=${retry}>${host.l10n.t.retry}</button>` : nothing}
  </div>`;
}

export function skeleton(host: MaisBooking, rows: number, variant = '') {
  return html`<div class="skeleton ${variant}" aria-busy="true">
    <span class="sr-only">${host.l10n.t.loading}</span>
    ${Array.from({ length: rows }, () => html`<span class="skeleton__row" aria-hidden="true"></span>`)}
  </div>`;
}

export function notice(text: string) {
  return text ? html`<p class="notice">${text}</p>` : nothing;
}

/** What, when (in the client's zone and, if it differs, the business's), with whom and, when given, the price. */
export function summary(
  host: MaisBooking,
  booking: Pick<Appointment, 'startTimeUtc' | 'providerId'>,
  price?: string,
) {
  const { l10n, zone, chosen, tenant } = host;
  const { t } = l10n;
  const start = booking.startTimeUtc;
  const businessZone = tenant?.timezone;
  // Only when the business's clock reads differently (Berlin and Madrid agree: no second line).
  const differs = businessZone && l10n.dateTime(start, businessZone) !== l10n.dateTime(start, zone);
  const provider = chosen?.providers.find((candidate) => candidate.id === booking.providerId);
  return html`<dl class="summary">
    ${
      chosen
        ? html`<div>
            <dt>${t.service}</dt>
            <dd>${chosen.name} · ${l10n.duration(chosen.durationMinutes)}</dd>
          </div>`
        : nothing
    }
    <div>
      <dt>${t.when}</dt>
      <dd>${l10n.dateTime(start, zone)} <span class="muted">${l10n.zone(zone, start)}</span></dd>
    </div>
    ${
      differs
        ? html`<div>
            <dt>${t.businessTime}</dt>
            <dd>
              ${l10n.dateTime(start, businessZone)}
              <span class="muted">${l10n.zone(businessZone, start)}</span>
            </dd>
          </div>`
        : nothing
    }
    ${
      provider
        ? html`<div>
            <dt>${t.with}</dt>
            <dd>${provider.name}</dd>
          </div>`
        : nothing
    }
    ${
      price
        ? html`<div>
            <dt>${t.price}</dt>
            <dd>${price}</dd>
          </div>`
        : nothing
    }
  </dl>`;
}
