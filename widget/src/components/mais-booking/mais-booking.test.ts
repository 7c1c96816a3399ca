import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MaisBookedEvent, MaisReadyEvent, MaisSlotSelectedEvent } from '../../events/events.ts';
import {
  fill,
  fillHaircutForm,
  renderBooking,
  submitForm,
  thisMonth,
  toCalendar,
  toDetails,
  toProviders,
  toTimes,
  waitForDays,
} from '../../testing/booking-steps.ts';
import {
  buttonWithText,
  deep,
  deepActiveElement,
  deepAll,
  headingOf,
  textOf,
  waitForHeading,
} from '../../testing/dom.ts';
import { consultation, FakeApi, IDS, TOKEN } from '../../testing/fake-api.ts';

const liveRegion = (el: Element) => textOf(deep(el, '[role="status"]'));

describe('<mais-booking>', () => {
  it('lists the services with duration and price (Intl, in the service currency) and is accessible', async () => {
    const { el } = await renderBooking();
    const ready = await oneEvent(el, 'mais:ready');
    expect((ready as MaisReadyEvent).detail).to.deep.equal({ mode: 'booking' });
    await waitForHeading(el, 'Choose a service');
    const services = deepAll(el, '[part~="service"]').map(textOf);
    expect(services).to.deep.equal([
      'Haircut 30 min · €25.00 Wash, cut and style.',
      'Consultation 60 min · €80.00 Deposit of €20.00 when booking',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows the amount due at booking as the API states it, never recomputing it', async () => {
    const api = new FakeApi();
    // A percentage deposit whose rounding only the API knows: the widget must show what it is told.
    api.services = [{ ...consultation, depositCents: null, depositPercent: 25, dueAtBookingCents: 2001 }];
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Choose a service');
    expect(deepAll(el, '[part~="service"]').map(textOf)).to.deep.equal([
      'Consultation 60 min · €80.00 Deposit of €20.01 when booking',
    ]);
  });

  it('shows a skeleton while loading', async () => {
    const api = new FakeApi().on('GET /v1/public/tenant', () => new Promise(() => {}));
    const { el } = await renderBooking({ api });
    expect(deep(el, '.skeleton').getAttribute('aria-busy')).to.equal('true');
    expect(textOf(deep(el, '.skeleton'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('asks for a provider, with "any available" first and prices that differ; focus moves to the heading', async () => {
    const { el } = await renderBooking();
    await toProviders(el);
    expect(deepAll(el, '[part~="service"]').map(textOf)).to.deep.equal([
      'Any available The most free times',
      'Ana',
      'Ben €30.00',
    ]);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(deep(el, 'h2'));
    expect(liveRegion(el)).to.equal('Choose who you would like to see');
    await expect(el).to.be.accessible();
  });

  it('shows the month with the days that have times, from the dates endpoint in the client zone', async () => {
    const { el, api } = await renderBooking();
    await toCalendar(el);
    const [call] = api.callsTo('GET', '/availability/dates');
    expect(call!.path).to.equal(`/v1/public/services/${IDS.haircut}/availability/dates`);
    expect(Object.fromEntries(call!.query)).to.deep.equal({ month: thisMonth(), timezone: 'UTC' });
    const open = deepAll(el, 'mais-calendar', '[part~="day-available"]').map((td) => td.dataset.date);
    expect(open).to.deep.equal([`${thisMonth()}-10`, `${thisMonth()}-11`, `${thisMonth()}-20`]);
    expect(textOf(deep(el, 'mais-timezone-picker', '.zone'))).to.contain('Times in UTC');
    await expect(el).to.be.accessible();
  });

  it("lists the day's times in the client's zone, 12-hour in en-US, and fires mais:slot-selected", async () => {
    const { el, api } = await renderBooking();
    await toTimes(el);
    const day = `${thisMonth()}-20`;
    const call = api.callsTo('GET', '/availability').at(-1)!;
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
    });
    expect(post!.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);

    await waitForHeading(el, 'You are booked');
    const confirmation = deep(el, '[part~="confirmation"]');
    const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
    const madrid = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Europe/Madrid',
    });
    expect(textOf(confirmation)).to.contain(`When ${when.format(new Date(start))} UTC`);
    expect(textOf(confirmation)).to.contain(
      `Local time of the business ${madrid.format(new Date(start))} Europe/Madrid`,
    );

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
    await waitForHeading(el, 'Elige con quién');
    buttonWithText(el, 'Cualquiera disponible').click();
    await waitForHeading(el, 'Elige un día');
    await waitForDays(el);
    expect(textOf(deepAll(el, 'mais-calendar', 'th .sr-only')[0])).to.equal('lunes');
    deep(el, 'mais-calendar', `[data-date="${thisMonth()}-20"]`).click();
    await waitForHeading(el, 'Elige una hora');
    await waitUntil(() => el.shadowRoot!.querySelector('mais-slot-list'));
    await deep<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'mais-slot-list').updateComplete;
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal([
      '9:00',
      '9:30',
      '14:00',
    ]);
    await expect(el).to.be.accessible();
  });

  it('starts at the service given by the attribute, and skips the provider step for a fixed provider', async () => {
    const { el, api } = await renderBooking({ service: IDS.haircut, provider: IDS.ben });
    await waitForHeading(el, 'Pick a day');
    expect(el.shadowRoot!.querySelector('.back')).to.equal(null);
    await waitUntil(() => api.callsTo('GET', '/availability/dates').length > 0);
    expect(api.callsTo('GET', '/availability/dates')[0]!.query.get('providerId')).to.equal(IDS.ben);
  });

  it('goes back a step with the Back button', async () => {
    const { el } = await renderBooking();
    await toTimes(el);
    buttonWithText(el, 'Back').click();
    await waitForHeading(el, 'Pick a day');
    buttonWithText(el, 'Back').click();
    await waitForHeading(el, 'Choose who you would like to see');
    buttonWithText(el, 'Back').click();
    await waitForHeading(el, 'Choose a service');
    expect(headingOf(el)).to.equal('Choose a service');
  });

  it('books a paid service as a hold and shows the amount due', async () => {
    const { el } = await renderBooking();
    await waitForHeading(el, 'Choose a service');
    buttonWithText(el, 'Consultation').click();
    // One provider: no provider step.
    await waitForHeading(el, 'Pick a day');
    await waitForDays(el);
    deep(el, 'mais-calendar', `[data-date="${thisMonth()}-10"]`).click();
    await waitForHeading(el, 'Pick a time');
    await waitUntil(() => el.shadowRoot!.querySelector('mais-slot-list'));
    await new Promise((resolve) => setTimeout(resolve));
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
