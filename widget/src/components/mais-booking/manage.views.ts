import { html, nothing } from 'lit';
import { cardOnFileNote } from '../../payment/no-show-fee.ts';
import { paymentNotice } from '../../payment/payment-notice.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import {
  cancel,
  loadCancellation,
  reschedule,
  startCancel,
  startOver,
  startReschedule,
} from './manage.actions.ts';
import { failurePanel, notice, skeleton, stepHeading, summary } from './parts.ts';

export function manageView(host: MaisBooking) {
  const { t } = host.l10n;
  const appointment = host.appointment!;
  const open =
    (appointment.status === 'CONFIRMED' || appointment.status === 'PENDING') &&
    Date.parse(appointment.startTimeUtc) > Date.now();
  const reschedule = host.chosen
    ? html`<button class="btn" part="button" @click=${() => startReschedule(host)}>${t.reschedule}</button>`
    : nothing;
  const actions = open
    ? html`<div class="actions">
        ${reschedule}
        <button class="btn btn--quiet" part="button" @click=${() => startCancel(host)}>
          ${t.cancelBooking}
        </button>
      </div>`
    : html`<button class="btn" part="button" @click=${() => startOver(host)}>${t.bookAnother}</button>`;
  return html`${stepHeading(host, t.yourBooking)} ${notice(host.notice)}
    <p class="status status--${appointment.status.toLowerCase()}">${t.status(appointment.status)}</p>
    ${summary(host, appointment)} ${paymentNotice(appointment, host.l10n, host.zone)}
    ${open ? cardOnFileNote(appointment, host.l10n) : nothing} ${actions}`;
}

/** What the cancellation policy charges now, and what is refunded or still owed. */
function cancellationTerms(host: MaisBooking) {
  const { l10n } = host;
  const { t } = l10n;
  const request = host.cancellationRequest;
  if (request.failure) return failurePanel(host, request.failure, () => loadCancellation(host));
  const terms = host.cancellation;
  if (!terms) return skeleton(host, 1);
  const price = (cents: number) => l10n.price(cents, terms.currency);
  const lines = [
    terms.feeCents > 0 && terms.tier
      ? t.cancelFee(price(terms.feeCents), l10n.hours(terms.tier.hoursBeforeStart))
      : t.cancelFree,
  ];
  if (terms.paidCents > 0)
    lines.push(terms.refundCents > 0 ? t.cancelRefund(price(terms.refundCents)) : t.cancelNoRefund);
  if (terms.amountDueCents > 0) lines.push(t.cancelOwed(price(terms.amountDueCents)));
  return html`<div class="terms">${lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

export function cancelView(host: MaisBooking) {
  const { t } = host.l10n;
  const loading = !host.cancellation && !host.cancellationRequest.failure;
  // A booking the policy says can no longer be cancelled: only the way back.
  const closed = host.cancellationRequest.failure?.kind === 'state';
  return html`${stepHeading(host, t.cancelQuestion)} ${summary(host, host.appointment!)}
    ${cancellationTerms(host)}
    <p>${t.cancelExplain}</p>
    <label class="reason">
      <span>${t.cancelReason}</span>
      <textarea
        rows="2"
        maxlength="500"
        .value=${host.cancelReason}
        @input=${(event: Event) => (host.cancelReason = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>
    ${failurePanel(host, host.submit.failure, () => cancel(host))}
    <div class="actions">
      ${
        closed
          ? nothing
          : html`<button
              class="btn btn--danger"
              part="button"
              ?disabled=${host.submit.pending || loading}
              @click=${() => cancel(host)}
            >
              ${host.submit.pending ? t.working : t.cancelYes}
            </button>`
      }
      <button class="btn btn--quiet" part="button" @click=${() => host.go('manage')}>${t.cancelNo}</button>
    </div>`;
}

export function moveView(host: MaisBooking) {
  const { t } = host.l10n;
  const dateTime = (instant: string) => host.l10n.dateTime(instant, host.zone);
  const failure = host.submit.failure?.kind === 'taken' ? null : host.submit.failure;
  return html`${stepHeading(host, t.confirmNewTime)}
    <dl class="summary">
      <div>
        <dt>${t.moveFrom}</dt>
        <dd><s>${dateTime(host.appointment!.startTimeUtc)}</s></dd>
      </div>
      <div>
        <dt>${t.moveTo}</dt>
        <dd><strong>${dateTime(host.pickedSlot!.startTimeUtc)}</strong></dd>
      </div>
    </dl>
    ${failurePanel(host, failure, () => reschedule(host))}
    <div class="actions">
      <button class="btn" part="button" ?disabled=${host.submit.pending} @click=${() => reschedule(host)}>
        ${host.submit.pending ? t.working : t.moveBooking}
      </button>
    </div>`;
}
