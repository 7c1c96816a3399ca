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
}

/** A booking widget in en-US showing times in UTC, on a fake API. */
export async function renderBooking(options: RenderOptions = {}): Promise<{ el: MaisBooking; api: FakeApi }> {
  const api = options.api ?? new FakeApi();
  const el = await fixture<MaisBooking>(
    html`<mais-booking
      timezone="UTC"
      .locale=${options.locale ?? 'en-US'}
      .service=${options.service}
      .provider=${options.provider}
      .theme=${options.theme}
      .prefillName=${options.prefillName}
      .prefillEmail=${options.prefillEmail}
      .client=${api.client()}
    ></mais-booking>`,
  );
  return { el, api };
}

/** This month in UTC, "YYYY-MM" (the fake has times on the 10th, 11th and 20th of every month). */
export const thisMonth = () => dateInZone(new Date(), 'UTC').slice(0, 7);

export async function toProviders(el: MaisBooking): Promise<void> {
  await waitForHeading(el, 'Choose a service');
  buttonWithText(el, 'Haircut').click();
  await waitForHeading(el, 'Choose who you would like to see');
}

/** To the calendar; `days`: also wait until it marks days with times. */
export async function toCalendar(el: MaisBooking, days = true): Promise<void> {
  await toProviders(el);
  buttonWithText(el, 'Any available').click();
  await waitForHeading(el, 'Pick a day');
  await el.updateComplete;
  if (days) await waitForDays(el);
}

export async function waitForDays(el: MaisBooking): Promise<void> {
  const calendar = deep(el, 'mais-calendar');
  for (let i = 0; i < 100 && deepAll(calendar, 'td[part~="day-available"]').length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function toTimes(el: MaisBooking, day = `${thisMonth()}-20`): Promise<void> {
  await toCalendar(el);
  deep(el, 'mais-calendar', `[data-date="${day}"]`).click();
  await waitForHeading(el, 'Pick a time');
  await waitForSlots(el);
}

export async function waitForSlots(el: MaisBooking): Promise<void> {
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('mais-slot-list'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await deep<MaisBooking>(el, 'mais-slot-list').updateComplete;
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
