import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MaisCancelledEvent, MaisReadyEvent, MaisRescheduledEvent } from '../../events/events.ts';
import { renderBooking, waitForDays, waitForSlots } from '../../testing/booking-steps.ts';
import { buttonWithText, deep, deepAll, textOf, waitForHeading } from '../../testing/dom.ts';
import { apiError, appointmentAt, FakeApi, IDS, slotsOf, TOKEN } from '../../testing/fake-api.ts';

const START = '2099-03-10T09:00:00Z';
const NEW_DAY = '2099-03-20';

/** Opens the page as the manage link does: ?mais-appointment=…&mais-token=… */
function openManageLink(id: string = IDS.appointment): void {
  history.replaceState(null, '', `${location.pathname}?mais-appointment=${id}&mais-token=${TOKEN}`);
}

describe('<mais-booking> manage view', () => {
  const page = location.href;
  afterEach(() => history.replaceState(null, '', page));

  it('shows the booking from the manage link, and is accessible', async () => {
    openManageLink();
    const { el, api } = await renderBooking();
    const ready = await oneEvent(el, 'mais:ready');
    expect((ready as MaisReadyEvent).detail).to.deep.equal({ mode: 'manage' });
    await waitForHeading(el, 'Your booking');
    const [get] = api.callsTo('GET', `/appointments/${IDS.appointment}`);
    expect(get!.query.get('token')).to.equal(TOKEN);
    expect(textOf(deep(el, '.status'))).to.equal('Confirmed');
    expect(textOf(deep(el, '.summary'))).to.contain('Haircut · 30 min');
    expect(textOf(deep(el, '.summary'))).to.contain('Tuesday, March 10, 2099 at 9:00 AM UTC');
    expect(textOf(deep(el, '.summary'))).to.contain('With Ana');
    await expect(el).to.be.accessible();
  });

  it('cancels after a confirmation step, and fires mais:cancelled', async () => {
    openManageLink();
    const { el, api } = await renderBooking();
    await waitForHeading(el, 'Your booking');
    buttonWithText(el, 'Cancel booking').click();
    await waitForHeading(el, 'Cancel this booking?');
    await expect(el).to.be.accessible();
    buttonWithText(el, 'Keep my booking').click();
    await waitForHeading(el, 'Your booking');
    expect(api.callsTo('POST', '/cancel')).to.have.length(0);

    buttonWithText(el, 'Cancel booking').click();
    await waitForHeading(el, 'Cancel this booking?');
    const cancelled = oneEvent(el, 'mais:cancelled');
    buttonWithText(el, 'Yes, cancel it').click();
    expect(((await cancelled) as MaisCancelledEvent).detail).to.deep.equal({
      appointmentId: IDS.appointment,
    });
    expect(api.callsTo('POST', `/appointments/${IDS.appointment}/cancel`)[0]!.body).to.deep.equal({
      token: TOKEN,
    });
    await waitForHeading(el, 'Your booking');
    expect(textOf(deep(el, '.notice'))).to.equal('Your booking is cancelled.');
    expect(textOf(deep(el, '.status'))).to.equal('Cancelled');
    expect(el.shadowRoot!.querySelector('.actions')).to.equal(null);
  });

  it('reschedules with the same slot picker (same provider), and fires mais:rescheduled', async () => {
    openManageLink();
    const { el, api } = await renderBooking();
    await waitForHeading(el, 'Your booking');
    buttonWithText(el, 'Reschedule').click();
    await waitForHeading(el, 'Pick a day');
    await waitUntil(() => api.callsTo('GET', '/availability/dates').length > 0);
    expect(api.callsTo('GET', '/availability/dates')[0]!.query.get('providerId')).to.equal(IDS.ana);
    // Back from the calendar goes back to the booking.
    expect(el.shadowRoot!.querySelector('.back')).to.not.equal(null);
    // The calendar opens at the booking's month.
    expect(api.callsTo('GET', '/availability/dates')[0]!.query.get('month')).to.equal('2099-03');
    await waitForDays(el);
    deep(el, 'mais-calendar', `[data-date="${NEW_DAY}"]`).click();
    await waitForHeading(el, 'Pick a time');
    await waitForSlots(el);
    buttonWithText(el, '2:00 PM', 'mais-slot-list').click();
    await waitForHeading(el, 'Confirm the new time');
    expect(deepAll(el, '.summary dd').map(textOf)).to.deep.equal([
      'Tuesday, March 10, 2099 at 9:00 AM',
      'Friday, March 20, 2099 at 2:00 PM',
    ]);
    await expect(el).to.be.accessible();

    const moved = oneEvent(el, 'mais:rescheduled');
    buttonWithText(el, 'Move my booking').click();
    expect(((await moved) as MaisRescheduledEvent).detail).to.deep.equal({
      appointmentId: IDS.moved,
      previousAppointmentId: IDS.appointment,
      startTimeUtc: `${NEW_DAY}T14:00:00Z`,
    });
    expect(api.callsTo('POST', '/reschedule')[0]!.body).to.deep.equal({
      token: TOKEN,
      startTimeUtc: `${NEW_DAY}T14:00:00Z`,
    });
    await waitForHeading(el, 'Your booking');
    expect(textOf(deep(el, '.notice'))).to.equal('Your booking has been moved.');
    expect(new URL(location.href).searchParams.get('mais-appointment')).to.equal(IDS.moved);
  });

  it('a time taken while rescheduling: back to the refreshed times', async () => {
    openManageLink();
    const api = new FakeApi().on(`POST /v1/public/appointments/${IDS.appointment}/reschedule`, () => {
      api.slotsOf = (day) => slotsOf(day).slice(0, 1);
      return apiError(409, 'slot_unavailable');
    });
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Your booking');
    buttonWithText(el, 'Reschedule').click();
    await waitForHeading(el, 'Pick a day');
    await waitForDays(el);
    const day = deep(el, 'mais-calendar', '[part~="day-available"]');
    day.click();
    await waitForHeading(el, 'Pick a time');
    await waitForSlots(el);
    buttonWithText(el, '2:00 PM', 'mais-slot-list').click();
    await waitForHeading(el, 'Confirm the new time');
    buttonWithText(el, 'Move my booking').click();
    await waitForHeading(el, 'Pick a time');
    await waitForSlots(el);
    expect(textOf(deep(el, '.notice'))).to.equal('That time was just taken. Please pick another time.');
    expect(deepAll(el, 'mais-slot-list', '[part~="slot"]').map(textOf)).to.deep.equal(['9:00 AM']);
  });

  it('a past or cancelled booking cannot be changed', async () => {
    openManageLink();
    const api = new FakeApi();
    api.appointment = appointmentAt(START, { status: 'CANCELLED' });
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Your booking');
    expect(textOf(deep(el, '.status'))).to.equal('Cancelled');
    expect(el.shadowRoot!.querySelector('.actions')).to.equal(null);
    buttonWithText(el, 'Book another time').click();
    await waitForHeading(el, 'Choose a service');
    expect(location.search).to.equal('');
  });

  it('an invalid manage link says so', async () => {
    openManageLink('77777777-7777-4777-8777-777777777777');
    const { el } = await renderBooking();
    const error = await oneEvent(el, 'mais:error');
    expect(error.detail.code).to.equal('not_found');
    await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
    expect(textOf(deep(el, '.failure'))).to.equal('This booking link is not valid.');
    await expect(el).to.be.accessible();
  });
});
