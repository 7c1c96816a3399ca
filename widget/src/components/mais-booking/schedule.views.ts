import type { AvailableSlot } from '@mais/sdk';
import { html, nothing } from 'lit';
import { servicePaymentNote } from '../../payment/payment-notice.ts';
import { shownPrice } from '../../payment/shown-price.ts';
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

/** "With: Anyone ▾": only when the service has several providers and the page did not fix one. */
function providerPicker(host: MaisBooking) {
  const { t } = host.l10n;
  const service = host.chosen!;
  if (service.providers.length < 2 || host.mode === 'manage') return nothing;
  const change = (event: Event) => host.chooseProvider((event.target as HTMLSelectElement).value || null);
  return html`<label class="with" part="provider">
    <span>${t.with}</span>
    <select @change=${change}>
      <option value="" ?selected=${host.providerId === null}>${t.anyProvider}</option>
      ${service.providers.map(
        (provider) =>
          html`<option value=${provider.id} ?selected=${host.providerId === provider.id}>
            ${provider.name}
          </option>`,
      )}
    </select>
  </label>`;
}

/** What the chosen service costs with the chosen provider (a range with anyone), and what is due when booking. */
function priceLine(host: MaisBooking) {
  const { l10n } = host;
  const service = host.chosen!;
  const providers = host.providerId ? [host.providerId] : null;
  const due = servicePaymentNote(service, l10n, host.providerId, host.cardPayments);
  return html`<p class="price">
    <strong>${service.name}</strong> · ${l10n.duration(service.durationMinutes)} ·
    ${shownPrice(service, l10n, providers)}${due ? html` · <span class="muted">${due}</span>` : nothing}
  </p>`;
}

/** Below an empty month: the next day with times, and the jump to it. */
function emptyMonth(host: MaisBooking) {
  const { t } = host.l10n;
  if (host.datesRequest.pending || host.datesRequest.failure || host.dates.length > 0) return nothing;
  const next = host.nextDay;
  const ahead =
    next === null
      ? html`<span>${t.noTimesAhead}</span>`
      : html`<span>${t.nextAvailable(host.l10n.date(next))}</span>
          <button class="btn btn--quiet" part="button" @click=${() => host.jumpTo(next)}>
            ${t.goTo(host.l10n.month(next.slice(0, 7)))}
          </button>`;
  return html`<div class="empty"><strong>${t.noTimesThisMonth}</strong> ${ahead}</div>`;
}

function times(host: MaisBooking) {
  const { t } = host.l10n;
  if (!host.day) {
    return host.datesRequest.pending
      ? skeleton(host, 6, 'skeleton--grid')
      : html`<p class="muted">${t.pickDay}</p>`;
  }
  const day = host.l10n.date(host.day);
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
      .showSeats=${host.chosen!.capacity > 1}
      .seatsLabel=${t.seatsLeft}
      @slot-select=${(event: CustomEvent<{ slot: AvailableSlot }>) => host.selectSlot(event.detail.slot)}
    ></mais-slot-list>`;
  }
  return html`<h3 class="day">${day}</h3>
    ${body}`;
}

/** One step for the day and the time: the calendar and the picked day's times side by side when wide. */
export function scheduleView(host: MaisBooking) {
  const { t } = host.l10n;
  return html`${stepHeading(host, t.chooseDayAndTime)} ${host.mode === 'manage' ? nothing : priceLine(host)}
    <div class="bar">${providerPicker(host)} ${zonePicker(host)}</div>
    ${notice(host.notice)}
    <div class="panes">
      <div class="pane">
        ${failurePanel(host, host.datesRequest.failure, () => host.loadSchedule(host.month))}
        ${host.month ? calendar(host) : skeleton(host, 5)} ${emptyMonth(host)}
      </div>
      <div class="pane pane--times">${times(host)}</div>
    </div>`;
}

function calendar(host: MaisBooking) {
  return html`<mais-calendar
    exportparts="day, day-available, day-selected, nav"
    .month=${host.month}
    .available=${host.dates}
    .selected=${host.day}
    .today=${host.today}
    .max=${host.lastBookableDate ?? ''}
    .loading=${host.datesRequest.pending}
    .locale=${host.l10n.lang}
    @month-change=${(event: CustomEvent<{ month: string }>) => host.loadSchedule(event.detail.month)}
    @day-select=${(event: CustomEvent<{ date: string }>) => host.selectDay(event.detail.date)}
  ></mais-calendar>`;
}
