import { html } from 'lit';
import type { CalendarEvent } from '../../calendar-export/calendar-event.ts';
import { googleCalendarLink } from '../../calendar-export/google-calendar.ts';
import { icsDataUrl } from '../../calendar-export/ics.ts';
import { manageLink } from '../../manage-link.ts';
import { paymentNotice } from '../../payment/payment-notice.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { stepHeading, summary } from './parts.ts';

export function confirmationView(host: MaisBooking) {
  const { t } = host.l10n;
  const { appointment, manageToken } = host.booked!;
  const url = manageLink(location.href, appointment.id, manageToken);
  const event: CalendarEvent = {
    uid: `${appointment.id}@mais`,
    title: [host.chosen?.name, host.tenant?.name].filter(Boolean).join(' · '),
    description: `${t.manageLink}: ${url}`,
    start: appointment.startTimeUtc,
    end: appointment.endTimeUtc,
    url,
  };
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => host.stepFocus.announce(t.linkCopied),
      () => undefined,
    );
  return html`<div class="confirmation" part="confirmation">
    ${stepHeading(host, appointment.status === 'PENDING' ? t.held : t.booked)} ${summary(host, appointment)}
    ${paymentNotice(appointment, host.l10n, host.zone)}
    <h3>${t.addToCalendar}</h3>
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
    </div>
    <h3>${t.manageLink}</h3>
    <p class="muted">${t.manageHint}</p>
    <p class="manage">
      <a href=${url} class="manage__link">${t.manageLinkText}</a>
      <button class="link" @click=${copy}>${t.copyLink}</button>
    </p>
    <button class="btn" part="button" @click=${() => host.bookAgain()}>${t.bookAnother}</button>
  </div>`;
}
