import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MaisBookedEvent, MaisReadyEvent, MaisSlotSelectedEvent } from '../../events/events.ts';
import {
  fill,
  fillHaircutForm,
  renderBooking,
  submitForm,
  thisMonth,
  chooseWith,
  toCalendar,
  toDetails,
  toTimes,
  waitForDays,
  waitForSlots,
} from '../../testing/booking-steps.ts';
import { addMonths } from '../../dates/calendar-dates.ts';
import {
  buttonWithText,
  deep,
  deepActiveElement,
  deepAll,
  headingOf,
  textOf,
  waitForHeading,
} from '../../testing/dom.ts';
import { consultation, FakeApi, haircut, IDS, slotsOf, TOKEN } from '../../testing/fake-api.ts';

const liveRegion = (el: Element) => textOf(deep(el, '[role="status"]'));

describe('<mais-booking>', () => {
  it('lists the services with duration and price (Intl, in the service currency) and is accessible', async () => {
    const { el } = await renderBooking();
    const ready = await oneEvent(el, 'mais:ready');
    expect((ready as MaisReadyEvent).detail).to.deep.equal({ mode: 'booking' });
    await waitForHeading(el, 'Choose a service');
    const services = deepAll(el, '[part~="service"]').map(textOf);
    expect(services).to.deep.equal([
      // Ana charges €25.00, Ben €30.00: who takes the booking decides.
      'Haircut 30 min · €25.00–€30.00 Wash, cut and style.',
      'Consultation 60 min · €80.00 Deposit of €20.00 when booking',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows the amount due at booking as the API states it, never recomputing it', async () => {
    const api = new FakeApi();
    // A percentage deposit whose rounding only the API knows: the widget must show what it is told.
    const ana = { ...consultation.providers[0]!, dueAtBookingCents: 2001 };
    api.services = [
      { ...consultation, depositCents: null, depositPercent: 25, dueAtBookingCents: 2001, providers: [ana] },
      haircut,
    ];
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Choose a service');
    expect(deepAll(el, '[part~="service"]').map(textOf)[0]).to.equal(
      'Consultation 60 min · €80.00 Deposit of €20.01 when booking',
    );
  });

  it('shows a skeleton while loading', async () => {
    const api = new FakeApi().on('GET /v1/public/booking-page', () => new Promise(() => {}));
    const { el } = await renderBooking({ api });
    expect(deep(el, '.skeleton').getAttribute('aria-busy')).to.equal('true');
    expect(textOf(deep(el, '.skeleton'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('opens the first screen from one request, and a chosen service shows its calendar and first open day at once', async () => {
    const { el, api } = await renderBooking();
    await waitForHeading(el, 'Choose a service');
    expect(api.calls.map((call) => call.path)).to.deep.equal(['/v1/public/booking-page']);
    expect(Object.fromEntries(api.calls[0]!.query)).to.deep.equal({ timezone: 'UTC' });
    await toCalendar(el);
    await waitForSlots(el, `${thisMonth()}-10`);
    const open = deepAll(el, 'mais-calendar', '[part~="day-available"]').map((td) => td.dataset.date);
    expect(open).to.deep.equal([`${thisMonth()}-10`, `${thisMonth()}-11`, `${thisMonth()}-20`]);
    // The first open day is picked, its times shown beside the calendar without another click.
    expect(deep(el, 'mais-calendar', '[part~="day-selected"]').dataset.date).to.equal(`${thisMonth()}-10`);
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal([
      '9:00 AM',
      '9:30 AM',
      '2:00 PM',
    ]);
    expect(textOf(deep(el, 'mais-timezone-picker', '.zone'))).to.contain('Times in UTC');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(deep(el, 'h2'));
    expect(liveRegion(el)).to.equal('Choose a day and time');
    await expect(el).to.be.accessible();
  });

  it('prefetches a hovered service and the next month, so neither waits for the network', async () => {
    const { el, api } = await renderBooking();
    await waitForHeading(el, 'Choose a service');
    const haircut = buttonWithText(el, 'Haircut');
    haircut.dispatchEvent(new PointerEvent('pointerenter'));
    const schedules = () => api.calls.filter((call) => call.query.get('only') === 'schedule');
    expect(schedules().map((call) => call.query.get('serviceId'))).to.deep.equal([IDS.haircut]);
    haircut.click();
    await waitForHeading(el, 'Choose a day and time');
    await waitForSlots(el);
    // The next month was asked for while the client reads this one; the hovered answer was reused.
    await waitUntil(() => schedules().length === 2, 'the next month prefetched');
    expect(schedules()[1]!.query.get('month')).to.equal(addMonths(thisMonth(), 1));
    const before = api.calls.length;
    deep(el, 'mais-calendar', '[aria-label="Next month"]').click();
    await waitUntil(() => el.month === addMonths(thisMonth(), 1) && el.dates.length === 3);
    await waitForSlots(el, `${addMonths(thisMonth(), 1)}-10`);
    // Only the month after that is new: the shown month came from the prefetch.
    expect(
      api.calls.slice(before).every((call) => call.query.get('month') === addMonths(thisMonth(), 2)),
    ).to.equal(true);
  });

  it('asks "With" whom above the calendar: anyone by default, the price of the one chosen', async () => {
    const { el, api } = await renderBooking();
    await toCalendar(el);
    const select = deep<HTMLSelectElement>(el, '[part~="provider"] select');
    expect([...select.options].map(textOf)).to.deep.equal(['Anyone', 'Ana', 'Ben']);
    expect(select.value).to.equal('');
    // Ana and Ben charge differently: with anyone, the range.
    expect(textOf(deep(el, '.price'))).to.equal('Haircut · 30 min · €25.00–€30.00');
    await chooseWith(el, 'Ben');
    await waitForSlots(el);
    expect(api.calls.at(-1)!.query.get('providerId')).to.equal(IDS.ben);
    expect(textOf(deep(el, '.price'))).to.equal('Haircut · 30 min · €30.00');
    await expect(el).to.be.accessible();
  });

  it("lists the day's times in the client's zone, 12-hour in en-US, and fires mais:slot-selected", async () => {
    const { el, api } = await renderBooking();
    await toTimes(el);
    const day = `${thisMonth()}-20`;
    const call = api.callsTo('GET', '/availability').at(-1)!;
    expect(call.path).to.equal(`/v1/public/services/${IDS.haircut}/availability`);
    expect(Object.fromEntries(call.query)).to.deep.equal({ startDate: day, endDate: day, timezone: 'UTC' });
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal([
      '9:00 AM',
      '9:30 AM',
      '2:00 PM',
    ]);
    await expect(el).to.be.accessible();

    const selected = oneEvent(el, 'mais:slot-selected');
    buttonWithText(el, '9:30 AM', 'mais-slot-list').click();
    const { detail } = (await selected) as MaisSlotSelectedEvent;
    expect(detail).to.deep.equal({
      serviceId: IDS.haircut,
      providerId: null,
      startTimeUtc: `${day}T09:30:00Z`,
      endTimeUtc: `${day}T10:00:00.000Z`,
    });
    await waitForHeading(el, 'Your details');
  });

  it('shows the picked time in the summary exactly as in the grid, with the price', async () => {
    const api = new FakeApi();
    api.slotsOf = (day) => slotsOf(day).map((slot) => ({ ...slot, providerIds: [IDS.ana, IDS.ben] }));
    const { el } = await renderBooking({ api });
    await toDetails(el);
    const summary = textOf(deep(el, '.summary'));
    expect(summary).to.contain('9:30 AM');
    // Any of Ana (€25) and Ben (€30) may take a time both can: the range until one is chosen.
    expect(summary).to.contain('Price €25.00–€30.00');
  });

  it('builds the details form from the intake fields, with required marks, and is accessible', async () => {
    const { el } = await renderBooking();
    await toDetails(el);
    const form = deep(el, 'mais-intake-form');
    const labels = deepAll(form, 'label').map(textOf);
    expect(labels).to.deep.equal([
      'Name *',
      'Email *',
      'Phone',
      'Hair type *',
      'Anything we should know?',
      'Length *',
      'I accept the terms *',
      'Birthday',
      'Emergency phone',
      'Invoice email',
    ]);
    const controls = deepAll<HTMLInputElement>(form, 'input, select, textarea').map(
      (control) => `${control.tagName.toLowerCase()}:${control.type}${control.required ? ':required' : ''}`,
    );
    expect(controls).to.deep.equal([
      'input:text:required',
      'input:email:required',
      'input:tel',
      'input:text:required',
      'textarea:textarea',
      'select:select-one:required',
      'input:checkbox:required',
      'input:date',
      'input:tel',
      'input:email',
    ]);
    await expect(el).to.be.accessible();
  });

  it('books: sends the answers, shows the confirmation in both zones and fires mais:booked', async () => {
    const { el, api } = await renderBooking();
    await toDetails(el);
    await fillHaircutForm(el);
    await fill(el, 'Anything we should know?', '  Sensitive scalp ');
    const booked = oneEvent(el, 'mais:booked');
    submitForm(el);
    const { detail } = (await booked) as MaisBookedEvent;
    const start = `${thisMonth()}-20T09:30:00Z`;
    expect(detail).to.deep.equal({
      appointmentId: IDS.appointment,
      serviceId: IDS.haircut,
      startTimeUtc: start,
      status: 'CONFIRMED',
    });
    const [post] = api.callsTo('POST', '/v1/public/appointments');
    expect(post!.body).to.deep.equal({
      serviceId: IDS.haircut,
      startTimeUtc: start,
      seats: 1,
      client: { name: 'Lucía Pérez', email: 'lucia@example.com' },
      clientTimezone: 'UTC',
      intake: {
        [IDS.fields.text]: 'Curly',
        [IDS.fields.textarea]: 'Sensitive scalp',
        [IDS.fields.select]: 'Short',
        [IDS.fields.checkbox]: true,
      },
      locale: 'en',
    });
    expect(post!.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);

    await waitForHeading(el, 'You are booked');
    const confirmation = deep(el, '[part~="confirmation"]');
    const fields = {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    } as const;
    const when = new Intl.DateTimeFormat('en-US', { ...fields, timeZone: 'UTC' });
    const madrid = new Intl.DateTimeFormat('en-US', { ...fields, timeZone: 'Europe/Madrid' });
    expect(textOf(confirmation)).to.contain(`When ${when.format(new Date(start))} UTC`);
    expect(textOf(confirmation)).to.contain(
      `Local time of the business ${madrid.format(new Date(start))} Europe/Madrid`,
    );
    expect(textOf(deep(el, '.success'))).to.equal('✓ Booked for Lucía Pérez (lucia@example.com).');
    expect(textOf(confirmation)).to.contain('Price €25.00');
    expect(textOf(confirmation)).to.contain('You pay at the venue.');

    const manage = deep<HTMLAnchorElement>(el, '.manage__link');
    const url = new URL(manage.href);
    expect(url.searchParams.get('mais-appointment')).to.equal(IDS.appointment);
    expect(url.searchParams.get('mais-token')).to.equal(TOKEN);
    expect(url.pathname).to.equal(location.pathname);

    const ics = deep<HTMLAnchorElement>(el, 'a[download="appointment.ics"]');
    const file = decodeURIComponent(ics.href.slice('data:text/calendar;charset=utf-8,'.length));
    const compact = start.replace(/[-:]/g, '');
    expect(file).to.contain(`DTSTART:${compact}\r\n`);
    expect(file).to.contain('SUMMARY:Haircut · Studio Sol\r\n');
    const google = new URL(deep<HTMLAnchorElement>(el, 'a[target="_blank"]').href);
    expect(google.searchParams.get('dates')).to.equal(`${compact}/${compact.replace('T0930', 'T1000')}`);
    await expect(el).to.be.accessible();
  });

  it('validates inline: required fields, email and phone formats, focus on the first error', async () => {
    const { el, api } = await renderBooking({ prefillName: 'Lucía', prefillEmail: 'not-an-email' });
    await toDetails(el);
    const form = deep(el, 'mais-intake-form');
    expect(deep<HTMLInputElement>(form, '#f0').value).to.equal('Lucía');
    expect(deep<HTMLInputElement>(form, '#f1').value).to.equal('not-an-email');
    submitForm(el);
    await waitUntil(() => textOf(deep(form, '.summary')) !== '');
    expect(textOf(deep(form, '.summary'))).to.equal('Please correct 4 fields.');
    expect(deepAll(form, '.error').map(textOf)).to.deep.equal([
      'Enter an email address such as name@example.com.',
      'Please fill this in.',
      'Please fill this in.',
      'Please tick this box.',
    ]);
    expect(deepActiveElement()).to.equal(deep(form, '#f1'));
    expect(deep(form, '#f1').getAttribute('aria-describedby')).to.equal('f1-error');
    expect(api.callsTo('POST', '/v1/public/appointments')).to.have.length(0);
    await expect(el).to.be.accessible();

    await fill(el, 'Emergency phone', 'call me');
    expect(textOf(deep(form, '#f8-error'))).to.equal('Enter a phone number such as +1 555 123 4567.');
    await fill(el, 'Email', 'lucia@example.com');
    expect(deep(form, '#f1').getAttribute('aria-invalid')).to.equal('false');
  });

  it('speaks Spanish: texts, prices, a Monday-first calendar and 24-hour times', async () => {
    const { el } = await renderBooking({ locale: 'es' });
    await waitForHeading(el, 'Elige un servicio');
    expect(deepAll(el, '[part~="service"]').map(textOf)[1]).to.equal(
      'Consultation 60 min · 80,00 € Señal de 20,00 € al reservar',
    );
    buttonWithText(el, 'Haircut').click();
    await waitForHeading(el, 'Elige día y hora');
    await waitForDays(el);
    expect(textOf(deepAll(el, 'mais-calendar', 'th .sr-only')[0])).to.equal('lunes');
    expect([...deep<HTMLSelectElement>(el, '[part~="provider"] select').options].map(textOf)).to.deep.equal([
      'Cualquiera',
      'Ana',
      'Ben',
    ]);
    await waitForSlots(el);
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal([
      '9:00',
      '9:30',
      '14:00',
    ]);
    await expect(el).to.be.accessible();
  });

  it('starts at the service and provider given by the attributes: first times from the one request', async () => {
    const { el, api } = await renderBooking({ service: IDS.haircut, provider: IDS.ben });
    await waitForHeading(el, 'Choose a day and time');
    await waitForSlots(el);
    expect(el.shadowRoot!.querySelector('.back')).to.equal(null);
    const [first] = api.calls;
    expect(first!.path).to.equal('/v1/public/booking-page');
    expect(Object.fromEntries(first!.query)).to.deep.equal({
      timezone: 'UTC',
      serviceId: IDS.haircut,
      providerId: IDS.ben,
    });
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]')).to.have.length(3);
    // Times shown, and not one request more than the first (the next month's prefetch may follow).
    expect(api.calls.filter((call) => call.query.get('only') !== 'schedule')).to.have.length(1);
    expect(deep<HTMLSelectElement>(el, '[part~="provider"] select').value).to.equal(IDS.ben);
  });

  it('goes back a step with the Back button', async () => {
    const { el } = await renderBooking();
    await toDetails(el);
    buttonWithText(el, 'Back').click();
    await waitForHeading(el, 'Choose a day and time');
    buttonWithText(el, 'Back').click();
    await waitForHeading(el, 'Choose a service');
    expect(headingOf(el)).to.equal('Choose a service');
  });

  it('books a paid service as a hold and shows the amount due', async () => {
    const { el } = await renderBooking();
    await waitForHeading(el, 'Choose a service');
    buttonWithText(el, 'Consultation').click();
    await waitForHeading(el, 'Choose a day and time');
    // One provider: no "With" choice.
    expect(el.shadowRoot!.querySelector('[part~="provider"]')).to.equal(null);
    await waitForSlots(el, `${thisMonth()}-10`);
    buttonWithText(el, '2:00 PM', 'mais-slot-list').click();
    await waitForHeading(el, 'Your details');
    await fill(el, 'Name', 'Lucía');
    await fill(el, 'Email', 'lucia@example.com');
    const booked = oneEvent(el, 'mais:booked');
    submitForm(el);
    expect(((await booked) as MaisBookedEvent).detail.status).to.equal('PENDING');
    await waitForHeading(el, 'Your time is held');
    expect(textOf(deep(el, '[part~="payment"]'))).to.contain(
      'A deposit of €20.00 (of €80.00) is needed to confirm this booking. We hold this time for you until 1:00 PM.',
    );
    await expect(el).to.be.accessible();
  });
});
