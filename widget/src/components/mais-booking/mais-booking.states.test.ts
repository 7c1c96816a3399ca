import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { addMonths } from '../../dates/calendar-dates.ts';
import { loadZoneSearch } from '../../dates/zone-search-chunk.ts';
import type { MaisErrorDetail, MaisErrorEvent } from '../../events/events.ts';
import {
  fillHaircutForm,
  renderBooking,
  submitForm,
  thisMonth,
  toCalendar,
  toDetails,
  toTimes,
  waitForSlots,
} from '../../testing/booking-steps.ts';
import {
  buttonWithText,
  deep,
  deepActiveElement,
  deepAll,
  textOf,
  waitForHeading,
} from '../../testing/dom.ts';
import { apiError, FakeApi, slotsOf, tenant } from '../../testing/fake-api.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import './mais-booking.ts';

const SETUP_MESSAGE =
  'Online booking is not set up correctly on this page. Please contact the business to book.';

/** Collects mais:error details and console.error lines while `run` runs. */
async function capturingErrors(run: (errors: MaisErrorDetail[], logged: string[]) => Promise<void>) {
  const errors: MaisErrorDetail[] = [];
  const logged: string[] = [];
  const onError = (event: MaisErrorEvent) => errors.push(event.detail);
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.join(' '));
  document.addEventListener('mais:error', onError);
  try {
    await run(errors, logged);
  } finally {
    console.error = original;
    document.removeEventListener('mais:error', onError);
  }
}

describe('<mais-booking> states', () => {
  it('409 at booking: says the time was just taken, refreshes the times and keeps the answers', async () => {
    const api = new FakeApi();
    const { el } = await renderBooking({ api });
    await toDetails(el);
    await fillHaircutForm(el);
    api.on('POST /v1/public/appointments', () => {
      api.slotsOf = (day) => slotsOf(day).filter((slot) => !slot.startTimeUtc.includes('T09:30'));
      return apiError(409, 'slot_unavailable', 'That time is no longer available.');
    });
    const error = oneEvent(el, 'mais:error');
    submitForm(el);
    expect(((await error) as MaisErrorEvent).detail).to.deep.equal({
      code: 'slot_unavailable',
      message: 'That time is no longer available.',
    });
    await waitForHeading(el, 'Choose a day and time');
    await waitUntil(() => el.slots.length === 2, 'the refreshed times');
    await waitForSlots(el);
    expect(textOf(deep(el, '.notice'))).to.equal('That time was just taken. Please pick another time.');
    expect(api.callsTo('GET', '/availability')).to.have.length(2);
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal(['9:00 AM', '2:00 PM']);
    await el.updateComplete;
    expect(textOf(deep(el, '[role="status"]'))).to.equal(
      'Choose a day and time. That time was just taken. Please pick another time.',
    );
    expect(deepActiveElement()).to.equal(deep(el, 'h2'));
    await expect(el).to.be.accessible();

    api.overrides.delete('POST /v1/public/appointments');
    buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
    await waitForHeading(el, 'Your details');
    await deep<MaisBooking>(el, 'mais-intake-form').updateComplete;
    expect(deep<HTMLInputElement>(el, 'mais-intake-form', '#f0').value).to.equal('Lucía Pérez');
    submitForm(el);
    await waitForHeading(el, 'You are booked');
  });

  for (const [status, code] of [
    [401, 'invalid_api_key'],
    [403, 'wrong_key_kind'],
    [403, 'origin_not_allowed'],
  ] as const) {
    it(`${code}: a clear message in the widget, console.error and mais:error`, async () => {
      await capturingErrors(async (errors, logged) => {
        const api = new FakeApi();
        const refusal = () => apiError(status, code, `Refused: ${code}.`);
        api.on('GET /v1/public/booking-page', refusal);
        const { el } = await renderBooking({ api });
        await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
        expect(textOf(deep(el, '.failure'))).to.equal(SETUP_MESSAGE);
        expect(el.shadowRoot!.querySelector('.failure button')).to.equal(null);
        expect(errors[0]).to.deep.equal({ code, message: `Refused: ${code}.` });
        expect(logged[0]).to.equal(`[mais-booking] ${code}: Refused: ${code}.`);
        await expect(el).to.be.accessible();
      });
    });
  }

  it('without any publishable key: the same message, and no request', async () => {
    await capturingErrors(async (errors, logged) => {
      const el = await fixture<MaisBooking>(html`<mais-booking></mais-booking>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
      expect(textOf(deep(el, '.failure'))).to.equal(SETUP_MESSAGE);
      expect(errors[0]!.code).to.equal('invalid_api_key');
      expect(logged[0]).to.contain('No publishable key: add data-tenant-key');
    });
  });

  it('refuses a secret key in the page without sending it (wrong_key_kind)', async () => {
    await capturingErrors(async (errors) => {
      const api = new FakeApi();
      const el = await fixture<MaisBooking>(
        html`<mais-booking
          tenant-key="sk_live_secret"
          api-base="https://api.test"
          .fetch=${api.fetch}
        ></mais-booking>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
      expect(errors[0]!.code).to.equal('wrong_key_kind');
      expect(api.calls).to.have.length(0);
    });
  });

  it('takes the key and the API from the tenant-key and api-base attributes', async () => {
    const api = new FakeApi();
    const el = await fixture<MaisBooking>(
      html`<mais-booking
        tenant-key="pk_test_attr"
        api-base="https://api.test"
        .fetch=${api.fetch}
      ></mais-booking>`,
    );
    await waitForHeading(el, 'Choose a service');
    expect(api.calls.map((call) => call.headers.get('x-tenant-key'))).to.deep.equal(['pk_test_attr']);
  });

  it('network failure: says so, and Retry loads again', async () => {
    let calls = 0;
    const api = new FakeApi();
    api.on('GET /v1/public/booking-page', (call) => (++calls === 1 ? 'network-error' : api.answer(call)));
    await capturingErrors(async (errors) => {
      const { el } = await renderBooking({ api });
      await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
      expect(textOf(deep(el, '.failure p'))).to.equal(
        'We could not reach the booking service. Check your connection and try again.',
      );
      expect(errors[0]!.code).to.equal('network_error');
      await expect(el).to.be.accessible();
      buttonWithText(el, 'Try again').click();
      await waitForHeading(el, 'Choose a service');
    });
  });

  it('a failed month: Retry loads the month again', async () => {
    let failed = 0;
    const api = new FakeApi();
    api.on('GET /v1/public/booking-page', (call) =>
      call.query.get('only') === 'schedule' && ++failed === 1
        ? apiError(503, 'internal_error')
        : api.answer(call),
    );
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Choose a service');
    buttonWithText(el, 'Haircut').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
    buttonWithText(el, 'Try again').click();
    await waitUntil(() => el.dates.length === 3, 'the month after Retry');
    await el.updateComplete;
    expect(deepAll(el, 'mais-calendar', '[part~="day-available"]')).to.have.length(3);
  });

  it('opens at the first open month; an empty month says so and jumps to the next available day', async () => {
    const api = new FakeApi();
    const target = addMonths(thisMonth(), 2);
    api.datesOf = (month) => (month === target ? [`${target}-15`] : []);
    const { el } = await renderBooking({ api });
    await toCalendar(el);
    // Nothing for two months: the calendar opens where the first times are, that day picked.
    expect(el.month).to.equal(target);
    await waitForSlots(el, `${target}-15`);
    deep(el, 'mais-calendar', '[aria-label="Previous month"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.empty button'), 'jump button');
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${target}-15T12:00:00Z`),
    );
    const month = new Intl.DateTimeFormat('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${target}-15T12:00:00Z`));
    expect(textOf(deep(el, '.empty'))).to.equal(
      `No times this month. The next available day is ${date}. Go to ${month}`,
    );
    expect(textOf(deep(el, '.pane--times'))).to.equal('Pick a day to see its times.');
    await expect(el).to.be.accessible();
    buttonWithText(el, 'Go to').click();
    await waitUntil(
      () => deepActiveElement()?.getAttribute('data-date') === `${target}-15`,
      'focus on the day',
    );
    expect(deep(el, 'mais-calendar', 'h3').textContent?.trim()).to.equal(month);
  });

  it('no times in the booking window: says so, from the one answer', async () => {
    const api = new FakeApi();
    api.datesOf = () => [];
    const { el } = await renderBooking({ api });
    await toCalendar(el, false);
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('.empty')).includes('next 6 months'));
    expect(api.calls.filter((call) => call.query.get('only') === 'schedule')).to.have.length(1);
  });

  it('switches the time zone from the searchable list and shows the times there', async () => {
    const { el, api } = await renderBooking();
    await toTimes(el);
    const picker = deep(el, 'mais-timezone-picker');
    buttonWithText(picker, 'Change time zone').click();
    await (picker as MaisBooking).updateComplete;
    await (picker as MaisBooking).updateComplete;
    await loadZoneSearch(); // the search, loaded as it opens
    // The search starts filled with the zone in use.
    expect(deepActiveElement()).to.equal(deep(picker, 'input'));
    expect(deep<HTMLInputElement>(picker, 'input').value).to.equal('UTC');

    await sendKeys({ type: 'New York' });
    await (picker as MaisBooking).updateComplete;
    const options = deepAll(picker, '[role="option"]').map(textOf);
    expect(options[0]).to.match(/^America\/New.York \(GMT-[45]\)$/);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => api.callsTo('GET', '/availability').at(-1)!.query.get('timezone') === 'America/New_York',
    );
    await waitForSlots(el);
    const day = `${thisMonth()}-20`;
    const expected = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'America/New_York',
    }).format(new Date(`${day}T09:00:00Z`));
    expect(textOf(deepAll(el, 'mais-slot-list', '[part~="slot"]')[0])).to.equal(expected);
    expect(textOf(deep(picker, '.zone'))).to.contain('Times in America/New York');
  });

  it('themes: dark, the --mais-* properties, the tenant branding as fallback, and ::part()', async () => {
    const style = document.createElement('style');
    style.textContent =
      'mais-booking::part(day-available) { outline: 5px solid rgb(1, 2, 3); } h2 { color: rgb(255, 0, 0); }';
    document.head.append(style);
    try {
      const api = new FakeApi();
      api.tenant = { ...tenant, branding: { primaryColor: '#aa0000' } };
      const { el } = await renderBooking({ api, theme: 'dark' });
      await toCalendar(el);
      const base = deep(el, '[part="base"]');
      expect(base.dataset.theme).to.equal('dark');
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(21, 24, 30)');
      expect(getComputedStyle(base).getPropertyValue('--_primary').trim()).to.equal('#aa0000');
      el.style.setProperty('--mais-primary', 'rgb(200, 0, 0)');
      expect(getComputedStyle(base).getPropertyValue('--_primary').trim()).to.equal('rgb(200, 0, 0)');
      const day = deep(el, 'mais-calendar', '[part~="day-available"]');
      expect(getComputedStyle(day).outlineColor).to.equal('rgb(1, 2, 3)');
      // The page's h2 rule does not reach inside.
      expect(getComputedStyle(deep(el, 'h2')).color).to.not.equal('rgb(255, 0, 0)');
      await expect(el).to.be.accessible();
    } finally {
      style.remove();
    }
  });

  it('fits a 320 px wide screen at every step', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el } = await renderBooking();
      const fits = () => expect(el.scrollWidth).to.be.at.most(320);
      await waitForHeading(el, 'Choose a service');
      fits();
      await toDetails(el);
      fits();
      await fillHaircutForm(el);
      submitForm(el);
      await waitForHeading(el, 'You are booked');
      fits();
      expect(deep(el, '[part="base"]').scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
