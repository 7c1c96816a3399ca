import type { Appointment, PublicService } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize.controller.ts';

/**
 * Before booking: what a paid service asks for when booking ("Deposit of €20.00 when booking"),
 * as the API computes it: the chosen provider's amount (their price may differ), else the amounts
 * of the providers who may take it (a range when they differ).
 */
export function servicePaymentNote(
  service: PublicService,
  l10n: LocalizeController,
  providerId: string | null = null,
  cardPayments = true,
): string {
  if (service.paymentMode === 'NONE') return '';
  // The business takes no cards online: everything is paid at the appointment.
  if (!cardPayments) return l10n.t.payAtVenue;
  if (service.paymentMode === 'FULL') return l10n.t.paidAtBooking;
  if (service.paymentMode !== 'DEPOSIT') return '';
  const chosen = service.providers.filter((provider) => !providerId || provider.id === providerId);
  const dues = chosen.length > 0 ? chosen.map((p) => p.dueAtBookingCents) : [service.dueAtBookingCents];
  const [low, high] = [Math.min(...dues), Math.max(...dues)];
  const format = (cents: number) => l10n.price(cents, service.currency);
  return l10n.t.depositAtBooking(low === high ? format(low) : l10n.t.priceRange(format(low), format(high)));
}

/** "A deposit of €20.00 (of €80.00) is needed to confirm this booking.", or the whole price's. */
export function amountDue(appointment: Appointment, l10n: LocalizeController): string {
  const { t } = l10n;
  const total = l10n.price(appointment.totalAmountCents, appointment.currency);
  const deposit = appointment.depositAmountCents;
  return deposit > 0 && deposit < appointment.totalAmountCents
    ? t.depositDue(l10n.price(deposit, appointment.currency), total)
    : t.paymentDue(total);
}

/**
 * What a held booking of a paid service (DEPOSIT or FULL) still needs when it is not paid by card
 * in the widget (the booking answer has no `payment`: the business takes no cards online): the
 * amount and how long the time is held. A booking to be paid by card goes to the payment step
 * instead (payment.view.ts), whose code is loaded only then (payment-chunk.ts).
 */
export function paymentNotice(appointment: Appointment, l10n: LocalizeController, zone: string) {
  if (appointment.status !== 'PENDING' || appointment.paymentStatus !== 'AWAITING_PAYMENT') return nothing;
  const { t } = l10n;
  return html`<div class="payment" part="payment">
    <p><strong>${amountDue(appointment, l10n)}</strong></p>
    ${appointment.holdExpiresAt ? html`<p>${t.heldUntil(l10n.time(appointment.holdExpiresAt, zone))}</p>` : nothing}
    <p>${t.paymentLater}</p>
  </div>`;
}
