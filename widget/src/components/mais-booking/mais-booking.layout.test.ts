import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { addMonths } from '../../dates/calendar-dates.ts';
import {
  fill,
  renderBooking,
  submitForm,
  thisMonth,
  toCalendar,
  toDetails,
  waitForSlots,
} from '../../testing/booking-steps.ts';
import { buttonWithText, deep, deepAll, textOf, waitForHeading } from '../../testing/dom.ts';
import {
  appointmentAt,
  consultation,
  FakeApi,
  haircut,
  IDS,
  json,
  slotsOf,
  TOKEN,
} from '../../testing/fake-api.ts';
import type { MaisBooking } from './mais-booking.component.ts';

/** A booking widget inside a box `width` px wide (the widget reads its own width, not the window's). */
async function inBox(width: number, api = new FakeApi()): Promise<MaisBooking> {
  return (await renderBooking({ api, width })).el;
}

const rect = (el: MaisBooking, selector: string) => deep(el, selector).getBoundingClientRect();

describe('<mais-booking> layout, classes and holds', () => {
  it('puts the calendar and the times side by side in a wide box, one above the other in a narrow one', async () => {
    const wide = await inBox(800);
    await toCalendar(wide);
    await waitForSlots(wide);
    const [calendar, times] = deepAll(wide, '.pane').map((pane) => pane.getBoundingClientRect());
    expect(times!.left).to.be.greaterThan(calendar!.right - 1);
    expect(Math.abs(times!.top - calendar!.top)).to.be.below(2);

    const narrow = await inBox(420);
    await toCalendar(narrow);
    await waitForSlots(narrow);
    const [top, below] = deepAll(narrow, '.pane').map((pane) => pane.getBoundingClientRect());
    expect(below!.top).to.be.at.least(top!.bottom - 1);
    expect(Math.abs(below!.left - top!.left)).to.be.below(2);
    await expect(narrow).to.be.accessible();
  });

  it('keeps its height while the client moves between days with many, few or no times', async () => {
    const api = new FakeApi();
    api.slotsOf = (day) => (day.endsWith('-11') ? [] : slotsOf(day));
    const el = await inBox(800, api);
    await toCalendar(el);
    await waitForSlots(el);
    const height = rect(el, '.base').height;
    deep(el, 'mais-calendar', `[data-date="${thisMonth()}-11"]`).click();
    await waitUntil(() => textOf(deep(el, '.pane--times')).includes('No times are left'));
    expect(rect(el, '.base').height).to.equal(height);
    deep(el, 'mais-calendar', `[data-date="${thisMonth()}-20"]`).click();
    await waitForSlots(el, `${thisMonth()}-20`);
    expect(rect(el, '.base').height).to.equal(height);
  });

  it('stops the month navigation at the end of the booking window', async () => {
    const api = new FakeApi();
    api.lastBookableDate = `${addMonths(thisMonth(), 1)}-15`;
    const { el } = await renderBooking({ api });
    await toCalendar(el);
    const next = () => deep<HTMLButtonElement>(el, 'mais-calendar', '[aria-label="Next month"]');
    expect(next().getAttribute('aria-disabled')).to.equal(null);
    next().click();
    await waitUntil(() => el.month === addMonths(thisMonth(), 1) && el.dates.length > 0);
    // The 20th is past the window's last day: not offered.
    expect(el.dates).to.deep.equal([`${addMonths(thisMonth(), 1)}-10`, `${addMonths(thisMonth(), 1)}-11`]);
    await el.updateComplete;
    expect(next().getAttribute('aria-disabled')).to.equal('true');
    next().click();
    await el.updateComplete;
    expect(el.month).to.equal(addMonths(thisMonth(), 1));
  });

  it('a class shows the seats left and lets the client take several, priced per seat', async () => {
    const api = new FakeApi();
    const yoga = {
      ...haircut,
      name: 'Yoga',
      capacity: 8,
      intakeFields: [],
      providers: [haircut.providers[0]!],
    };
    api.services = [yoga];
    api.slotsOf = (day) => slotsOf(day).map((slot, i) => ({ ...slot, seatsLeft: [5, 3, 1][i]! }));
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Choose a day and time');
    await waitForSlots(el);
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal([
      '9:00 AM, 5 seats left',
      '9:30 AM, 3 seats left',
      '2:00 PM, 1 seat left',
    ]);
    buttonWithText(el, '9:30 AM', 'mais-slot-list').click();
    await waitForHeading(el, 'Your details');
    const seats = deep<HTMLSelectElement>(el, '.seats select');
    expect([...seats.options].map((option) => option.value)).to.deep.equal(['1', '2', '3']);
    seats.value = '2';
    seats.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(textOf(deep(el, '.summary'))).to.contain('Price €50.00');
    await expect(el).to.be.accessible();
    await fill(el, 'Name', 'Lucía');
    await fill(el, 'Email', 'lucia@example.com');
    submitForm(el);
    await waitUntil(() => api.callsTo('POST', '/v1/public/appointments').length === 1);
    expect((api.callsTo('POST', '/v1/public/appointments')[0]!.body as { seats: number }).seats).to.equal(2);
  });

  it('shows a hold as a hold, counting down, with no calendar links; then says it lapsed and books again', async () => {
    const api = new FakeApi();
    api.on('POST /v1/public/appointments', (call) => {
      const { startTimeUtc } = call.body as { startTimeUtc: string };
      const appointment = appointmentAt(startTimeUtc, {
        serviceId: IDS.consult,
        status: 'PENDING',
        paymentStatus: 'AWAITING_PAYMENT',
        totalAmountCents: 8000,
        depositAmountCents: 2000,
        holdExpiresAt: new Date(Date.now() + 2500).toISOString(),
      });
      return json({ appointment, manageToken: TOKEN }, 201);
    });
    const { el } = await renderBooking({ api, service: consultation.id });
    await waitForHeading(el, 'Choose a day and time');
    await waitForSlots(el);
    buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
    await waitForHeading(el, 'Your details');
    await fill(el, 'Name', 'Lucía');
    await fill(el, 'Email', 'lucia@example.com');
    submitForm(el);
    await waitForHeading(el, 'Your time is held');
    expect(textOf(deep(el, '.countdown'))).to.match(/^Held for you for 0:0[1-3] more\.$/);
    expect(el.shadowRoot!.querySelector('a[download]')).to.equal(null);
    expect(textOf(deep(el, '[part~="confirmation"]'))).to.not.contain('Add to calendar');
    await expect(el).to.be.accessible();

    await waitForHeading(el, 'This hold has lapsed');
    expect(textOf(deep(el, '.failure'))).to.contain('has been released');
    await expect(el).to.be.accessible();
    buttonWithText(el, 'Book again').click();
    await waitForHeading(el, 'Choose a day and time');
  });

  it('confirmed: offers the calendar links, and says the booking is under the client’s name and email', async () => {
    const { el } = await renderBooking();
    await toDetails(el);
    await fill(el, 'Name', 'Lucía');
    await fill(el, 'Email', 'lucia@example.com');
    await fill(el, 'Hair type', 'Curly');
    await fill(el, 'Length', 'Short');
    await fill(el, 'I accept the terms', true);
    const booked = oneEvent(el, 'mais:booked');
    submitForm(el);
    await booked;
    await waitForHeading(el, 'You are booked');
    expect(el.shadowRoot!.querySelector('a[download="appointment.ics"]')).to.not.equal(null);
    expect(textOf(deep(el, '.success'))).to.contain('Booked for Lucía (lucia@example.com).');
  });

  it('a business that takes no cards online: the amount is paid at the appointment, said before and after booking', async () => {
    const api = new FakeApi();
    api.takesCards = false;
    api.on('POST /v1/public/appointments', (call) => {
      const { startTimeUtc } = call.body as { startTimeUtc: string };
      const appointment = appointmentAt(startTimeUtc, {
        serviceId: IDS.consult,
        paymentStatus: 'AWAITING_PAYMENT',
        totalAmountCents: 8000,
        depositAmountCents: 2000,
      });
      return json({ appointment, manageToken: TOKEN, payment: null }, 201);
    });
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Choose a service');
    expect(textOf(deepAll(el, '[part~="service"]')[1])).to.contain('You pay at the venue.');
    buttonWithText(el, 'Consultation').click();
    await waitForHeading(el, 'Choose a day and time');
    await waitForSlots(el);
    buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
    await waitForHeading(el, 'Your details');
    await fill(el, 'Name', 'Lucía');
    await fill(el, 'Email', 'lucia@example.com');
    submitForm(el);
    await waitForHeading(el, 'You are booked');
    expect(textOf(deep(el, '[part~="confirmation"]'))).to.contain('You pay at the venue.');
    expect(el.shadowRoot!.querySelector('a[download="appointment.ics"]')).to.not.equal(null);
  });
});
