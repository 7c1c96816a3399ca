import { html, nothing } from 'lit';
import { noShowCharge } from '../../payment/no-show-fee.ts';
import { amountDue } from '../../payment/payment-notice.ts';
import { PAYMENT_SLOT, savesCard } from '../../payment/payment-state.ts';
import { countdown, lapsedView } from './confirmation.view.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { skeleton, stepHeading, summary } from './parts.ts';

/**
 * A booking to be paid by card now: what it is, the amount, the hold's countdown, Stripe's card form
 * (in the page's light DOM, shown through the slot: payment/light-dom-slot.ts) and Pay. A booking
 * with nothing to pay now but a no-show fee only saves the card (`kind: 'setup'`): said so, with
 * what a no-show costs, and Save card. A paid booking with a no-show fee says the card is kept too.
 * Once the hold has lapsed, the lapsed view, as on the confirmation.
 */
export function paymentView(host: MaisBooking) {
  const { l10n, pay } = host;
  const { t } = l10n;
  const { appointment, payment } = host.booked!;
  const setup = savesCard(payment);
  const charge = noShowCharge(appointment, l10n);
  const total = appointment.totalAmountCents;
  const [action, busy] = setup
    ? [t.saveCard, t.saving]
    : [t.payButton(l10n.price(payment!.amountCents, payment!.currency)), t.paying];
  const left = appointment.holdExpiresAt ? host.clock.remaining(appointment.holdExpiresAt) : null;
  if (left === 0) return lapsedView(host);
  return html`<div class="confirmation" part="confirmation">
    ${stepHeading(host, setup ? t.saveCardTitle : t.payTitle)}
    ${summary(host, appointment, total ? l10n.price(total, appointment.currency) : t.free)}
    <p class="payment" part="payment">
      <strong>${setup ? t.cardNotCharged : amountDue(appointment, l10n)}</strong>
      ${charge && !setup ? t.cardOnFile : ''} ${charge}
    </p>
    ${left ? countdown(host, left) : nothing}
    ${
      pay.message
        ? html`<div class="failure" part="error">
            <p>${pay.message}</p>
            ${pay.retry ? html`<button class="btn btn--quiet" part="button" @click=${pay.retry}>${t.retry}</button>` : nothing}
          </div>`
        : nothing
    }
    ${pay.loading ? skeleton(host, 3) : nothing}
    <slot name=${PAYMENT_SLOT}></slot>
    ${
      pay.pay || pay.paying
        ? html`<div class="actions">
            <button class="btn pay" part="button" ?disabled=${pay.paying} @click=${pay.pay}>
              ${pay.paying ? busy : action}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}
