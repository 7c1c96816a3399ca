/** Drives <mais-booking> through its steps in tests, asserting each step's heading on arrival. */
import { fixture, html } from '@open-wc/testing';
import type { MaisBooking } from '../components/mais-booking/mais-booking.component.ts';
import '../components/mais-booking/mais-booking.ts';
import { dateInZone } from '../dates/zones.ts';
import { buttonWithText, deep, deepAll, waitForHeading } from './dom.ts';
import { FakeApi } from './fake-api.ts';

export interface RenderOptions {
  api?: FakeApi;
  locale?: string;
  service?: string;
  provider?: string;
  theme?: 'light' | 'dark' | 'auto';
  prefillName?: string;
  prefillEmail?: string;
  /** The width of the box the widget sits in, in px (default: the page's). */
  width?: number;
}

/** A booking widget in en-US showing times in UTC, on a fake API. */
export async function renderBooking(options: RenderOptions = {}): Promise<{ el: MaisBooking; api: FakeApi }> {
  const api = options.api ?? new FakeApi();
  const box = await fixture<HTMLDivElement>(
    html`<div style=${options.width ? `width: ${options.width}px` : ''}>
      <mais-booking
        timezone="UTC"
        .locale=${options.locale ?? 'en-US'}
        .service=${options.service}
        .provider=${options.provider}
        .theme=${options.theme}
        .prefillName=${options.prefillName}
        .prefillEmail=${options.prefillEmail}
        .client=${api.client()}
      ></mais-booking>
    </div>`,
  );
  return { el: box.querySelector('mais-booking')!, api };
}

/** This month in UTC, "YYYY-MM" (the fake has times on the 10th, 11th and 20th of every month). */
export const thisMonth = () => dateInZone(new Date(), 'UTC').slice(0, 7);

/** From the service list to the day-and-time step; `days`: also wait until the calendar marks days with times. */
export async function toCalendar(el: MaisBooking, days = true): Promise<void> {
  await waitForHeading(el, 'Choose a service');
  buttonWithText(el, 'Haircut').click();
  await waitForHeading(el, 'Choose a day and time');
  await el.updateComplete;
  if (days) await waitForDays(el);
}

export async function waitForDays(el: MaisBooking): Promise<void> {
  const calendar = deep(el, 'mais-calendar');
  for (let i = 0; i < 100 && deepAll(calendar, 'td[part~="day-available"]').length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The calendar's "With" choice: a provider's name, or "Anyone". */
export async function chooseWith(el: MaisBooking, name: string): Promise<void> {
  const select = deep<HTMLSelectElement>(el, '[part~="provider"] select');
  const option = [...select.options].find((candidate) => candidate.textContent!.trim() === name);
  if (!option) throw new Error(`No provider "${name}"`);
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** To `day`'s times (the 20th of this month by default) on the day-and-time step. */
export async function toTimes(el: MaisBooking, day = `${thisMonth()}-20`): Promise<void> {
  await toCalendar(el);
  deep(el, 'mais-calendar', `[data-date="${day}"]`).click();
  await waitForSlots(el, day);
}

/** Until the times pane shows `day`'s times (any day's when not given). */
export async function waitForSlots(el: MaisBooking, day?: string): Promise<void> {
  const shown = () => {
    const list = el.shadowRoot!.querySelector<MaisBooking>('mais-slot-list');
    return list && (!day || el.day === day) && !el.slotsRequest.pending ? list : null;
  };
  for (let i = 0; i < 100 && !shown(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await shown()?.updateComplete;
}

export async function toDetails(el: MaisBooking, time = '9:30 AM'): Promise<void> {
  await toTimes(el);
  buttonWithText(el, time, 'mais-slot-list').click();
  await waitForHeading(el, 'Your details');
  await deep<MaisBooking>(el, 'mais-intake-form').updateComplete;
}

/** Types into a details form input (by its label text) as a person would, firing input and blur. */
export async function fill(el: MaisBooking, label: string, value: string | boolean): Promise<void> {
  const form = deep(el, 'mais-intake-form');
  const labelEl = deepAll<HTMLLabelElement>(form, 'label').find((l) => l.textContent!.includes(label));
  if (!labelEl) throw new Error(`No field "${label}"`);
  const input = form.shadowRoot!.getElementById(labelEl.htmlFor) as HTMLInputElement;
  if (typeof value === 'boolean') {
    input.checked = value;
    input.dispatchEvent(new Event('change'));
  } else {
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    input.dispatchEvent(new Event('blur'));
  }
  await (form as MaisBooking).updateComplete;
}

/** Fills the required fields of the haircut form. */
export async function fillHaircutForm(el: MaisBooking): Promise<void> {
  await fill(el, 'Name', 'Lucía Pérez');
  await fill(el, 'Email', 'lucia@example.com');
  await fill(el, 'Hair type', 'Curly');
  await fill(el, 'Length', 'Short');
  await fill(el, 'I accept the terms', true);
}

export function submitForm(el: MaisBooking): void {
  deep(el, 'mais-intake-form', 'button.submit').click();
}

/**
 * On a booking showing a paid service's times (the consultation, `service` set) whose FakeApi has
 * `cardPayments`: books the first time as Lucía and waits for the payment step (`heading`: "Save
 * your card to confirm" when it only saves the card for a no-show fee).
 */
export async function toPayment(el: MaisBooking, heading = 'Pay to confirm'): Promise<void> {
  await waitForHeading(el, 'Choose a day and time');
  await waitForSlots(el);
  buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
  await waitForHeading(el, 'Your details');
  await fill(el, 'Name', 'Lucía');
  await fill(el, 'Email', 'lucia@example.com');
  submitForm(el);
  await waitForHeading(el, heading);
}
