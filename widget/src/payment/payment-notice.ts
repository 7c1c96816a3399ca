import type { Appointment, PublicService } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize.controller.ts';

/** A service's deposit as the API computes it (api/src/domain/appointments/pricing.ts), for one seat. */
export function depositCents(service: PublicService): number {
  if (service.depositCents !== null) return service.depositCents;
  return Math.floor((service.priceBaseCents * (service.depositPercent ?? 0) + 50) / 100);
}

/** Before booking: what a paid service asks for when booking ("Deposit of €20.00 when booking"). */
export function servicePaymentNote(service: PublicService, l10n: LocalizeController): string {
  if (service.paymentMode === 'DEPOSIT')
    return l10n.t.depositAtBooking(l10n.price(depositCents(service), service.currency));
  return service.paymentMode === 'FULL' ? l10n.t.paidAtBooking : '';
}

/**
 * What a held booking of a paid service (DEPOSIT or FULL) still needs: the amount and how long the
 * time is held. The payment step itself comes with the payments issue: it will be loaded here with
 * a dynamic `import()` (and Stripe.js from Stripe's own host) only for an appointment whose
 * paymentStatus is AWAITING_PAYMENT, so pages of free services never download any of it.
 */
export function paymentNotice(appointment: Appointment, l10n: LocalizeController, zone: string) {
  if (appointment.status !== 'PENDING' || appointment.paymentStatus !== 'AWAITING_PAYMENT') return nothing;
  const { t } = l10n;
  const total = l10n.price(appointment.totalAmountCents, appointment.currency);
  const deposit = appointment.depositAmountCents;
  return html`<div class="payment" part="payment">
    <p>
      <strong>
        ${
          deposit > 0 && deposit < appointment.totalAmountCents
            ? t.depositDue(l10n.price(deposit, appointment.currency), total)
            : t.paymentDue(total)
        }
      </strong>
    </p>
    ${appointment.holdExpiresAt ? html`<p>${t.heldUntil(l10n.time(appointment.holdExpiresAt, zone))}</p>` : nothing}
    <p>${t.paymentLater}</p>
  </div>`;
}
