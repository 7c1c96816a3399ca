import type { PublicService } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { Translation } from '../../i18n/translation.ts';
import { noShowFeeNote } from '../../payment/no-show-fee.ts';
import { servicePaymentNote } from '../../payment/payment-notice.ts';
import { providersOf, shownPrice } from '../../payment/shown-price.ts';
import type { FieldSpec, FieldValue } from '../mais-intake-form/validation.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { failurePanel, stepHeading, summary } from './parts.ts';

/** The client's own fields, then the service's intake fields in their order. */
export function formFields(service: PublicService, t: Translation): FieldSpec[] {
  const own = (
    key: string,
    label: string,
    kind: FieldSpec['kind'],
    required: boolean,
    autocomplete: string,
  ) => ({
    key,
    label,
    kind,
    required,
    options: [],
    placeholder: null,
    autocomplete,
  });
  return [
    own('client.name', t.name, 'TEXT', true, 'name'),
    own('client.email', t.email, 'EMAIL', true, 'email'),
    own('client.phone', t.phone, 'PHONE', false, 'tel'),
    ...[...service.intakeFields]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((field) => ({
        key: `intake.${field.id}`,
        label: field.label,
        kind: field.fieldType,
        required: field.required,
        options: field.options,
        placeholder: field.placeholder,
      })),
  ];
}

/** A class: how many seats, up to what the time has left. */
function seatsPicker(host: MaisBooking) {
  const { t } = host.l10n;
  const left = host.pickedSlot!.seatsLeft;
  if (host.chosen!.capacity < 2 || left < 2) return nothing;
  const change = (event: Event) => (host.seats = Number((event.target as HTMLSelectElement).value));
  return html`<label class="seats">
    <span>${t.seats}</span>
    <select @change=${change}>
      ${Array.from(
        { length: left },
        (_, i) => html`<option value=${i + 1} ?selected=${host.seats === i + 1}>${i + 1}</option>`,
      )}
    </select>
    <span class="muted">${t.seatsLeft(left)}</span>
  </label>`;
}

export function detailsView(host: MaisBooking) {
  const { t } = host.l10n;
  const service = host.chosen!;
  const slot = host.pickedSlot!;
  const failure = host.submit.failure;
  const shown = failure && failure.kind !== 'invalid' && failure.kind !== 'taken' ? failure : null;
  const providers = providersOf(host.providerId, slot.providerIds);
  const price = shownPrice(service, host.l10n, providers, host.seats);
  // What booking asks of the card, before the client gives it: paid now, and kept for a no-show.
  const terms = [
    servicePaymentNote(service, host.l10n, host.providerId, host.cardPayments),
    noShowFeeNote(service, host.l10n, providers, host.seats, host.cardPayments),
  ].filter(Boolean);
  return html`${stepHeading(host, t.yourDetails)}
    ${summary(host, { startTimeUtc: slot.startTimeUtc, providerId: host.providerId }, price)}
    ${seatsPicker(host)}
    ${terms.length ? html`<div class="notice">${terms.map((line) => html`<p>${line}</p>`)}</div>` : nothing}
    ${failurePanel(host, shown, () => host.book(host.values))}
    <mais-intake-form
      exportparts="form, button"
      .fields=${formFields(service, t)}
      .values=${host.values}
      .serverErrors=${host.fieldErrors}
      .submitLabel=${t.confirmBooking}
      .busy=${host.submit.pending}
      .locale=${host.l10n.lang}
      @intake-submit=${(event: CustomEvent<{ values: Record<string, FieldValue> }>) => host.book(event.detail.values)}
    ></mais-intake-form>`;
}
