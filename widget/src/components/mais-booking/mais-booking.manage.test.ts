import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MaisCancelledEvent, MaisReadyEvent, MaisRescheduledEvent } from '../../events/events.ts';
import { renderBooking, waitForDays, waitForSlots } from '../../testing/booking-steps.ts';
import { buttonWithText, deep, deepAll, textOf, waitForHeading } from '../../testing/dom.ts';
import {
  apiError,
  appointmentAt,
  cancellationOf,
  FakeApi,
  IDS,
  slotsOf,
  TOKEN,
  type Answer,
} from '../../testing/fake-api.ts';
import type { MaisBooking } from './mais-booking.component.ts';

const START = '2099-03-10T09:00:00Z';
const NEW_DAY = '2099-03-20';

/** Opens the page as the manage link does: ?mais-appointment=…&mais-token=… */
function openManageLink(id: string = IDS.appointment): void {
  history.replaceState(null, '', `${location.pathname}?mais-appointment=${id}&mais-token=${TOKEN}`);
}

/** The default policy's tier under 24 hours: half the price (€25.00 → €12.50). */
const UNDER_24H = { tier: { hoursBeforeStart: 24, feePercentage: 50, feeFixedCents: null }, feeCents: 1250 };
const CANCELLATION = `/v1/public/appointments/${IDS.appointment}/cancellation`;

/** The manage link's booking on its cancel step, with `api`'s cancellation terms. */
async function toCancelStep(api = new FakeApi(), locale?: string): Promise<MaisBooking> {
  openManageLink();
  const { el } = await renderBooking({ api, ...(locale ? { locale } : {}) });
  const [manage, cancelBooking, question] =
    locale === 'es'
      ? ['Tu reserva', 'Cancelar reserva', '¿Cancelar esta reserva?']
      : ['Your booking', 'Cancel booking', 'Cancel this booking?'];
  await waitForHeading(el, manage);
  buttonWithText(el, cancelBooking).click();
  await waitForHeading(el, question);
  return el;
}

const termsOf = (el: Element) => deepAll(el, '.terms p').map(textOf);
const yesButton = (el: Element) =>
  deepAll<HTMLButtonElement>(el, '.actions button').find((b) => textOf(b) === 'Yes, cancel it');

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
    // The token travels in a header, never in the URL (URLs end up in logs).
    expect(get!.headers.get('x-manage-token')).to.equal(TOKEN);
    expect(get!.query.get('token')).to.equal(null);
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
    // The confirmation waits for the policy's terms.
    await waitUntil(() => termsOf(el).length > 0, 'the cancellation terms');
    // An optional reason, kept with the booking.
    const reason = deep<HTMLTextAreaElement>(el, '.reason textarea');
    expect(textOf(deep(el, '.reason span'))).to.equal('Reason for cancelling (optional)');
    reason.value = ' Train strike ';
    reason.dispatchEvent(new Event('input'));
    const cancelled = oneEvent(el, 'mais:cancelled');
    buttonWithText(el, 'Yes, cancel it').click();
    expect(((await cancelled) as MaisCancelledEvent).detail).to.deep.equal({
      appointmentId: IDS.appointment,
    });
    const [post] = api.callsTo('POST', `/appointments/${IDS.appointment}/cancel`);
    expect(post!.body).to.deep.equal({ reason: 'Train strike' });
    // The token travels in a header, never in the URL.
    expect(post!.headers.get('x-manage-token')).to.equal(TOKEN);
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
    await waitForHeading(el, 'Choose a day and time');
    const schedule = () => api.calls.find((call) => call.query.get('only') === 'schedule');
    await waitUntil(schedule);
    // The same provider, and the calendar opens at the booking's month.
    expect(schedule()!.query.get('providerId')).to.equal(IDS.ana);
    expect(schedule()!.query.get('month')).to.equal('2099-03');
    // Back from the calendar goes back to the booking.
    expect(el.shadowRoot!.querySelector('.back')).to.not.equal(null);
    await waitForDays(el);
    deep(el, 'mais-calendar', `[data-date="${NEW_DAY}"]`).click();
    await waitForSlots(el, NEW_DAY);
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
      appointmentId: IDS.appointment,
      previousStartTimeUtc: '2099-03-10T09:00:00Z',
      startTimeUtc: `${NEW_DAY}T14:00:00Z`,
    });
    expect(api.callsTo('POST', '/reschedule')[0]!.body).to.deep.equal({
      token: TOKEN,
      startTimeUtc: `${NEW_DAY}T14:00:00Z`,
    });
    await waitForHeading(el, 'Your booking');
    expect(textOf(deep(el, '.notice'))).to.equal('Your booking has been moved.');
    // The same booking moved: the manage link stays as it was.
    expect(new URL(location.href).searchParams.get('mais-appointment')).to.equal(IDS.appointment);
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
    await waitForHeading(el, 'Choose a day and time');
    await waitForDays(el);
    await waitForSlots(el);
    buttonWithText(el, '2:00 PM', 'mais-slot-list').click();
    await waitForHeading(el, 'Confirm the new time');
    buttonWithText(el, 'Move my booking').click();
    await waitForHeading(el, 'Choose a day and time');
    await waitUntil(() => el.slots.length === 1, 'the refreshed times');
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
    // Listening before the widget exists: the 404 can come before renderBooking resolves (a frame later).
    const failed = oneEvent(document, 'mais:error');
    const { el } = await renderBooking();
    const error = await failed;
    expect(error.detail.code).to.equal('not_found');
    await waitUntil(() => el.shadowRoot!.querySelector('.failure'));
    expect(textOf(deep(el, '.failure'))).to.equal('This booking link is not valid.');
    await expect(el).to.be.accessible();
  });

  it('says when the card is kept for a no-show fee', async () => {
    openManageLink();
    const api = new FakeApi();
    api.appointment = appointmentAt(START, { noShowFeeCents: 2500, cardOnFile: true });
    const { el } = await renderBooking({ api });
    await waitForHeading(el, 'Your booking');
    expect(textOf(el.shadowRoot!.querySelector('.step'))).to.contain(
      "Your card is kept on file. If you don't come, €25.00 is charged to this card.",
    );
  });

  describe('back from a payment method that left the page (Stripe’s redirect to the manage link)', () => {
    const CONFIRM = `/v1/public/appointments/${IDS.appointment}/confirm-payment`;

    /** The manage link as Stripe returns to it, with what it adds for a payment or a saved card. */
    function returnFromStripe(kind: 'payment' | 'setup', status = 'succeeded'): void {
      const intent = kind === 'payment' ? 'pi_fake' : 'seti_fake';
      history.replaceState(
        null,
        '',
        `${location.pathname}?mais-appointment=${IDS.appointment}&mais-token=${TOKEN}` +
          `&${kind}_intent=${intent}&${kind}_intent_client_secret=${intent}_secret_x&redirect_status=${status}`,
      );
    }

    /** A booking held for its deposit (or, `setup`, for its card), which confirm-payment confirms. */
    function heldApi(setup = false): FakeApi {
      const api = new FakeApi();
      api.appointment = appointmentAt(START, {
        status: 'PENDING',
        holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
        ...(setup
          ? { noShowFeeCents: 2500 }
          : { paymentStatus: 'AWAITING_PAYMENT', totalAmountCents: 8000, depositAmountCents: 2000 }),
      });
      api.held = api.appointment;
      return api;
    }

    it('a paid booking still PENDING is confirmed once, and Stripe’s parameters leave the address bar', async () => {
      returnFromStripe('payment');
      const api = heldApi();
      const { el } = await renderBooking({ api });
      await waitForHeading(el, 'Your booking');
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('.notice')) === 'You are booked');
      expect(textOf(deep(el, '.status'))).to.equal('Confirmed');
      const calls = api.callsTo('POST', CONFIRM);
      expect(calls).to.have.length(1);
      expect(calls[0]!.headers.get('x-manage-token')).to.equal(TOKEN);
      // The manage link stays; the intent and its client secret go.
      const params = new URL(location.href).searchParams;
      expect([...params.keys()]).to.deep.equal(['mais-appointment', 'mais-token']);
      expect(textOf(deep(el, '[role="status"]'))).to.contain('You are booked');
      await expect(el).to.be.accessible();

      // Opened again (a reload): the booking as the API has it, and no second confirm-payment.
      const again = await renderBooking({ api });
      await waitForHeading(again.el, 'Your booking');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.callsTo('POST', CONFIRM)).to.have.length(1);
    });

    it('a card saved for a no-show fee: confirmed, with the card on file', async () => {
      returnFromStripe('setup');
      const api = heldApi(true);
      const { el } = await renderBooking({ api });
      await waitForHeading(el, 'Your booking');
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('.notice')) === 'You are booked');
      expect(api.callsTo('POST', CONFIRM)).to.have.length(1);
      expect(textOf(el.shadowRoot!.querySelector('.step'))).to.contain(
        "Your card is kept on file. If you don't come, €25.00 is charged to this card.",
      );
    });

    it('the API not reachable: says so (Stripe’s webhook confirms the booking later)', async () => {
      returnFromStripe('payment');
      const api = heldApi().on(`POST ${CONFIRM}`, () => 'network-error');
      const { el } = await renderBooking({ api });
      await waitForHeading(el, 'Your booking');
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('.notice')).startsWith('We could not reach'));
      expect(textOf(deep(el, '.status'))).to.equal('Awaiting payment');
    });

    for (const [name, status, booking] of [
      ['a payment that failed at the bank', 'failed', 'PENDING'],
      ['a booking the webhook confirmed first', 'succeeded', 'CONFIRMED'],
    ] as const) {
      it(`${name}: no confirm-payment, and the parameters go`, async () => {
        returnFromStripe('payment', status);
        const api = heldApi();
        api.appointment = { ...api.appointment, status: booking };
        const { el } = await renderBooking({ api });
        await waitForHeading(el, 'Your booking');
        await waitUntil(() => !location.search.includes('redirect_status'), 'the parameters removed');
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(api.callsTo('POST', CONFIRM)).to.have.length(0);
        expect(el.shadowRoot!.querySelector('.notice')).to.equal(null);
      });
    }
  });

  describe('the cancel step shows what the cancellation policy charges', () => {
    const cases: { name: string; terms: Parameters<typeof cancellationOf>[0]; lines: string[] }[] = [
      { name: 'free, nothing paid', terms: {}, lines: ['Cancelling now is free.'] },
      {
        name: 'free, a paid deposit refunded in full',
        terms: { paidCents: 2000, refundCents: 2000 },
        lines: ['Cancelling now is free.', 'You will be refunded €20.00.'],
      },
      {
        name: 'a percentage fee, nothing paid: the fee is owed',
        terms: { ...UNDER_24H, hoursBeforeStart: 5.5, amountDueCents: 1250 },
        lines: [
          'A cancellation fee of €12.50 applies because it is less than 24 hours before the start.',
          'You will owe €12.50.',
        ],
      },
      {
        name: 'a percentage fee, a deposit paid: the rest is refunded',
        terms: { ...UNDER_24H, hoursBeforeStart: 5.5, paidCents: 2000, refundCents: 750 },
        lines: [
          'A cancellation fee of €12.50 applies because it is less than 24 hours before the start.',
          'You will be refunded €7.50.',
        ],
      },
      {
        name: 'the whole price under 2 hours, all paid: nothing refunded',
        terms: {
          tier: { hoursBeforeStart: 2, feePercentage: 100, feeFixedCents: null },
          hoursBeforeStart: 1,
          feeCents: 2500,
          paidCents: 2500,
        },
        lines: [
          'A cancellation fee of €25.00 applies because it is less than 2 hours before the start.',
          'What you paid is not refunded.',
        ],
      },
    ];
    for (const { name, terms, lines } of cases) {
      it(`${name}, and is accessible`, async () => {
        const api = new FakeApi();
        api.cancellation = cancellationOf(terms);
        const el = await toCancelStep(api);
        await waitUntil(() => termsOf(el).length > 0, 'the cancellation terms');
        expect(termsOf(el)).to.deep.equal(lines);
        expect(api.callsTo('GET', CANCELLATION)[0]!.headers.get('x-manage-token')).to.equal(TOKEN);
        expect(yesButton(el)!.disabled).to.equal(false);
        await expect(el).to.be.accessible();
      });
    }

    it('in Spanish, with Spanish prices', async () => {
      const api = new FakeApi();
      api.cancellation = cancellationOf({ ...UNDER_24H, paidCents: 2000, refundCents: 750 });
      const el = await toCancelStep(api, 'es');
      await waitUntil(() => termsOf(el).length > 0, 'the cancellation terms');
      expect(termsOf(el)).to.deep.equal([
        'Se aplica un cargo por cancelación de 12,50 € porque faltan menos de 24 horas para el inicio.',
        'Te devolveremos 7,50 €.',
      ]);
      await expect(el).to.be.accessible();
    });

    it('loading: a skeleton, and the cancel button waits for the terms', async () => {
      let answer: (value: Answer) => void = () => {};
      const api = new FakeApi().on(`GET ${CANCELLATION}`, () => new Promise<Answer>((r) => (answer = r)));
      const el = await toCancelStep(api);
      expect(deepAll(el, '.skeleton')).to.have.length(1);
      expect(yesButton(el)!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      answer({ status: 200, body: cancellationOf() });
      await waitUntil(() => termsOf(el).length > 0, 'the cancellation terms');
      expect(deepAll(el, '.skeleton')).to.have.length(0);
      expect(yesButton(el)!.disabled).to.equal(false);
    });

    it('a network failure: says so with Try again, and the retry shows the terms', async () => {
      const api = new FakeApi().on(`GET ${CANCELLATION}`, () => 'network-error');
      const error = oneEvent(document, 'mais:error');
      const el = await toCancelStep(api);
      expect((await error).detail.code).to.equal('network_error');
      await waitUntil(() => el.shadowRoot!.querySelector('.failure'), 'the failure');
      expect(textOf(deep(el, '.failure p'))).to.equal(
        'We could not reach the booking service. Check your connection and try again.',
      );
      await expect(el).to.be.accessible();
      api.overrides.delete(`GET ${CANCELLATION}`);
      buttonWithText(el, 'Try again').click();
      await waitUntil(() => termsOf(el).length > 0, 'the cancellation terms');
      expect(termsOf(el)).to.deep.equal(['Cancelling now is free.']);
      expect(el.shadowRoot!.querySelector('.failure') === null).to.equal(true);
    });

    it('409 invalid_state: the booking can no longer be cancelled, only kept', async () => {
      const api = new FakeApi().on(`GET ${CANCELLATION}`, () => apiError(409, 'invalid_state'));
      const el = await toCancelStep(api);
      await waitUntil(() => el.shadowRoot!.querySelector('.failure'), 'the failure');
      expect(textOf(deep(el, '.failure'))).to.equal('This booking can no longer be changed.');
      expect(yesButton(el)).to.equal(undefined);
      expect(deepAll(el, '.actions button').map(textOf)).to.deep.equal(['Keep my booking']);
      await expect(el).to.be.accessible();
    });
  });
});
