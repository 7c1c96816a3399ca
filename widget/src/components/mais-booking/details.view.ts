import type { PublicService } from '@mais/sdk';
import { html } from 'lit';
import type { Translation } from '../../i18n/translation.ts';
import { servicePaymentNote } from '../../payment/payment-notice.ts';
import type { FieldSpec, FieldValue } from '../mais-intake-form/validation.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { failurePanel, notice, stepHeading, summary } from './parts.ts';

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

export function detailsView(host: MaisBooking) {
  const { t } = host.l10n;
  const failure = host.submit.failure;
  const shown = failure && failure.kind !== 'invalid' && failure.kind !== 'taken' ? failure : null;
  return html`${stepHeading(host, t.yourDetails)}
    ${summary(host, { startTimeUtc: host.pickedSlot!.startTimeUtc, providerId: host.providerId })}
    ${notice(servicePaymentNote(host.chosen!, host.l10n, host.providerId))}
    ${failurePanel(host, shown, () => host.book(host.values))}
    <mais-intake-form
      exportparts="form, button"
      .fields=${formFields(host.chosen!, t)}
      .values=${host.values}
      .serverErrors=${host.fieldErrors}
      .submitLabel=${t.confirmBooking}
      .busy=${host.submit.pending}
      .locale=${host.l10n.lang}
      @intake-submit=${(event: CustomEvent<{ values: Record<string, FieldValue> }>) => host.book(event.detail.values)}
    ></mais-intake-form>`;
}
