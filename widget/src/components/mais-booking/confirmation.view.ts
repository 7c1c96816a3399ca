import type { BookedAppointment } from '@mais/sdk';
import { html, nothing } from 'lit';
import type { CalendarEvent } from '../../calendar-export/calendar-event.ts';
import { googleCalendarLink } from '../../calendar-export/google-calendar.ts';
import { icsDataUrl } from '../../calendar-export/ics.ts';
import { manageLink } from '../../manage-link.ts';
import { cardOnFileNote } from '../../payment/no-show-fee.ts';
import { paymentNotice } from '../../payment/payment-notice.ts';
import { savesCard } from '../../payment/payment-state.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { stepHeading, summary } from './parts.ts';

/** "9:41": minutes and seconds left. */
function minutesAndSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function calendarLinks(host: MaisBooking, booked: BookedAppointment, url: string) {
  const { t } = host.l10n;
  const { appointment } = booked;
  const event: CalendarEvent = {
    uid: `${appointment.id}@mais`,
    title: [host.chosen?.name, host.tenant?.name].filter(Boolean).join(' · '),
    description: `${t.manageLink}: ${url}`,
    start: appointment.startTimeUtc,
    end: appointment.endTimeUtc,
    url,
  };
  return html`<h3>${t.addToCalendar}</h3>
    <div class="actions">
      <a
        class="btn btn--quiet"
        part="button"
        download="appointment.ics"
        href=${icsDataUrl(event, new Date())}
      >
        ${t.downloadIcs}
      </a>
      <a
        class="btn btn--quiet"
        part="button"
        href=${googleCalendarLink(event)}
        target="_blank"
        rel="noopener"
      >
        ${t.googleCalendar}
      </a>
    </div>`;
}

function manageSection(host: MaisBooking, url: string) {
  const { t } = host.l10n;
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => host.stepFocus.announce(t.linkCopied),
      () => undefined,
    );
  return html`<h3>${t.manageLink}</h3>
    <p class="muted">${t.manageHint}</p>
    <p class="manage">
      <a href=${url} class="manage__link">${t.manageLinkText}</a>
      <button class="link" @click=${copy}>${t.copyLink}</button>
    </p>`;
}

/** The hold's remaining time, ticking (the host re-renders each second through its ClockController). */
export function countdown(host: MaisBooking, left: number) {
  return html`<p class="countdown" role="timer">${host.l10n.t.holdRemaining(minutesAndSeconds(left))}</p>`;
}

/**
 * A hold whose time ran out before it was paid (or its card saved): said plainly, with the way to
 * book again.
 */
export function lapsedView(host: MaisBooking) {
  const { t } = host.l10n;
  return html`<div class="confirmation confirmation--lapsed" part="confirmation">
    ${stepHeading(host, t.holdLapsed)}
    <p class="failure">${savesCard(host.booked!.payment) ? t.cardLapsedText : t.holdLapsedText}</p>
    ${summary(host, host.booked!.appointment)}
    <button class="btn" part="button" @click=${() => host.bookAgain()}>${t.bookAgain}</button>
  </div>`;
}

export function confirmationView(host: MaisBooking) {
  const { l10n } = host;
  const { t } = l10n;
  const booked = host.booked!;
  const { appointment, manageToken } = booked;
  const url = manageLink(location.href, appointment.id, manageToken);
  const held = appointment.status === 'PENDING';
  const left = held && appointment.holdExpiresAt ? host.clock.remaining(appointment.holdExpiresAt) : null;
  if (left === 0) return lapsedView(host);
  const total = appointment.totalAmountCents;
  const price = total === 0 ? t.free : l10n.price(total, appointment.currency);
  return html`<div class="confirmation" part="confirmation">
    ${stepHeading(host, held ? t.held : t.booked)}
    <p class=${held ? 'notice' : 'success'}>
      ${held ? nothing : html`<span aria-hidden="true">✓</span>`}
      ${t.bookedFor(appointment.client.name, appointment.client.email)}
    </p>
    ${summary(host, appointment, price)}
    ${
      held
        ? html`${paymentNotice(appointment, l10n, host.zone)} ${left ? countdown(host, left) : nothing}`
        : html`${total > 0 && /^(NOT_REQ|AWAITING)/.test(appointment.paymentStatus) ? html`<p>${t.payAtVenue}</p>` : nothing}
          ${cardOnFileNote(appointment, l10n)} ${calendarLinks(host, booked, url)}`
    }
    ${manageSection(host, url)}
    <button class="btn" part="button" @click=${() => host.bookAgain()}>${t.bookAnother}</button>
  </div>`;
}
