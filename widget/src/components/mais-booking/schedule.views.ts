import { html, nothing } from 'lit';
import type { MaisBooking } from './mais-booking.component.ts';
import { failurePanel, notice, skeleton, stepHeading } from './parts.ts';

function zonePicker(host: MaisBooking) {
  return html`<mais-timezone-picker
    exportparts="zone"
    .timezone=${host.zone}
    .locale=${host.l10n.lang}
    @zone-change=${(event: CustomEvent<{ zone: string }>) => host.changeZone(event.detail.zone)}
  ></mais-timezone-picker>`;
}

/** Below an empty month: the search for the next day with times, and the jump to it. */
function emptyMonth(host: MaisBooking) {
  const { t } = host.l10n;
  if (host.datesRequest.pending || host.datesRequest.failure || host.dates.length > 0) return nothing;
  const next = host.nextDay;
  let ahead;
  if (host.aheadRequest.failure)
    ahead = failurePanel(host, host.aheadRequest.failure, () => host.lookAhead(host.month));
  else if (next === undefined) ahead = html`<span>${t.searchingAhead}</span>`;
  else if (next === null) ahead = html`<span>${t.noTimesAhead}</span>`;
  else {
    ahead = html`<span>${t.nextAvailable(host.l10n.date(next))}</span>
      <button class="btn btn--quiet" part="button" @click=${() => host.jumpTo(next)}>
        ${t.goTo(host.l10n.month(next.slice(0, 7)))}
      </button>`;
  }
  return html`<div class="empty"><strong>${t.noTimesThisMonth}</strong> ${ahead}</div>`;
}

export function dateView(host: MaisBooking) {
  const { t } = host.l10n;
  return html`${stepHeading(host, t.chooseDay)} ${zonePicker(host)}
    ${failurePanel(host, host.datesRequest.failure, () => host.loadMonth(host.month))}
    <mais-calendar
      exportparts="day, day-available, day-selected, nav"
      .month=${host.month}
      .available=${host.dates}
      .selected=${host.day}
      .today=${host.today}
      .loading=${host.datesRequest.pending}
      .locale=${host.l10n.lang}
      @month-change=${(event: CustomEvent<{ month: string }>) => host.loadMonth(event.detail.month)}
      @day-select=${(event: CustomEvent<{ date: string }>) => host.selectDay(event.detail.date)}
    ></mais-calendar>
    ${emptyMonth(host)}`;
}

export function timeView(host: MaisBooking) {
  const { t } = host.l10n;
  const day = host.l10n.date(host.day!);
  let body;
  if (host.slotsRequest.pending) body = skeleton(host, 6, 'skeleton--grid');
  else if (host.slotsRequest.failure)
    body = failurePanel(host, host.slotsRequest.failure, () => host.loadSlots());
  else if (host.slots.length === 0) body = html`<p>${t.noTimesThisDay}</p>`;
  else {
    body = html`<mais-slot-list
      exportparts="slot, slot-selected"
      .slots=${host.slots}
      .timezone=${host.zone}
      .selected=${host.pickedSlot?.startTimeUtc ?? null}
      .label=${day}
      .locale=${host.l10n.lang}
      @slot-select=${(event: CustomEvent<{ slot: (typeof host.slots)[number] }>) => host.selectSlot(event.detail.slot)}
    ></mais-slot-list>`;
  }
  return html`${stepHeading(host, t.chooseTime)}
    <p class="lead">${day}</p>
    ${notice(host.notice)} ${zonePicker(host)} ${body}`;
}
