import type { Appointment, PublicService } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize.controller.ts';
import { unitPrices } from './shown-price.ts';

/**
 * No-show protection: a service's `noShowFeeCents` (per seat) or `noShowFeePercent` (of the price),
 * at most one set. The client's card is kept when booking and, if they do not come, charged the fee
 * fixed on the booking (the appointment's `noShowFeeCents`; `cardOnFile` once the card is kept).
 */

/**
 * Before booking: "No-show fee: €25.00", as the API will fix it (api/src/domain/appointments/
 * pricing.ts: the fixed fee times the seats, or the share of the price rounded half up), or "No-show
 * fee: 50% of the price" while the price is a range (anyone of providers who charge differently).
 * Nothing when the business takes no cards online: there is no card to keep.
 */
export function noShowFeeNote(
  service: PublicService,
  l10n: LocalizeController,
  providerIds: readonly string[] | null = null,
  seats = 1,
  cardPayments = true,
): string {
  const { noShowFeeCents: fixed, noShowFeePercent: percent } = service;
  if (!cardPayments || (fixed == null && percent == null)) return '';
  const { t } = l10n;
  const [price, ...others] = new Set(unitPrices(service, providerIds));
  const fee =
    fixed != null ? fixed * seats : others.length ? null : Math.floor((price! * seats * percent! + 50) / 100);
  return t.noShowFee(fee === null ? t.priceShare(l10n.percent(percent!)) : l10n.price(fee, service.currency));
}

/** "If you don't come, €25.00 is charged to this card." for a booking with a no-show fee, else ''. */
export function noShowCharge(appointment: Appointment, l10n: LocalizeController): string {
  // `?? 0`: a server from before no-show fees sends none.
  const fee = appointment.noShowFeeCents ?? 0;
  return fee > 0 ? l10n.t.noShowCharge(l10n.price(fee, appointment.currency)) : '';
}

/** Once booked (the confirmation, the manage view): the card kept for the booking's no-show fee. */
export function cardOnFileNote(appointment: Appointment, l10n: LocalizeController) {
  const charge = noShowCharge(appointment, l10n);
  return appointment.cardOnFile && charge ? html`<p>${l10n.t.cardOnFile} ${charge}</p>` : nothing;
}
