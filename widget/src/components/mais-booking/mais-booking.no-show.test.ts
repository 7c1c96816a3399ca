import type { PublicService } from '@mais/sdk';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { chooseWith, renderBooking, toPayment, waitForSlots } from '../../testing/booking-steps.ts';
import { buttonWithText, deep, deepAll, textOf, waitForHeading } from '../../testing/dom.ts';
import { consultation, FakeApi, haircut, IDS, SETUP, slotsOf, TOKEN } from '../../testing/fake-api.ts';
import { DECLINED, installFakeStripe } from '../../testing/fake-stripe-js.ts';
import type { MaisBooking } from './mais-booking.component.ts';

/**
 * No-show protection: a service with a no-show fee says it before the client books; booked, the
 * client's card is kept for it (payment step in setup mode: Stripe's confirmSetup, nothing charged,
 * when nothing is due now; with the payment, when something is), and the confirmation says so.
 */

const SAVE_TITLE = 'Save your card to confirm';
const COLOUR = '66666666-6666-4666-8666-666666666666';

/** The haircut without intake fields, with `terms` (nothing to pay when booking). */
const protectedHaircut = (terms: Partial<PublicService>): PublicService => ({
  ...haircut,
  intakeFields: [],
  ...terms,
});

/** The service list's choices, as read. */
const choices = (el: MaisBooking) => deepAll(el, '[part~="service"]').map(textOf);

/** The failure box of the step ('' when there is none). */
const problem = (el: MaisBooking) => textOf(el.shadowRoot!.querySelector('[part~="error"]'));

const confirmPaymentCalls = (api: FakeApi) =>
  api.callsTo('POST', `/v1/public/appointments/${IDS.appointment}/confirm-payment`);

/** A booking of the haircut with a €25.00 no-show fee, on its payment step (setup mode). */
async function setupStep(api = new FakeApi()) {
  api.cardPayments = true;
  api.services = [protectedHaircut({ noShowFeeCents: 2500 })];
  const { el } = await renderBooking({ api, service: IDS.haircut });
  await toPayment(el, SAVE_TITLE);
  return { el, api };
}

/** Until the card form is mounted and the button offered. */
async function cardForm(el: MaisBooking, label = 'Save card'): Promise<HTMLButtonElement> {
  await waitUntil(() => el.pay.pay, 'the card form', { timeout: 4000 });
  await el.updateComplete;
  return buttonWithText(el, label);
}

describe('<mais-booking> no-show protection', () => {
  describe('before booking', () => {
    const services = (): PublicService[] => [
      // Ana charges €25.00, Ben €30.00: a fixed fee is the same whoever takes the booking.
      { ...haircut, noShowFeeCents: 2500 },
      { ...consultation, noShowFeePercent: 50 },
      { ...haircut, id: COLOUR, name: 'Colour', description: '', noShowFeePercent: 50 },
    ];

    it('lists each service’s fee: fixed, a share of a known price, or the share while the price is a range', async () => {
      const api = new FakeApi();
      api.services = services();
      const { el } = await renderBooking({ api });
      await waitForHeading(el, 'Choose a service');
      expect(choices(el)).to.deep.equal([
        'Haircut 30 min · €25.00–€30.00 Wash, cut and style. No-show fee: €25.00',
        'Consultation 60 min · €80.00 Deposit of €20.00 when booking No-show fee: €40.00',
        'Colour 30 min · €25.00–€30.00 No-show fee: 50% of the price',
      ]);
      await expect(el).to.be.accessible();
    });

    it('in Spanish', async () => {
      const api = new FakeApi();
      api.services = services();
      const { el } = await renderBooking({ api, locale: 'es' });
      await waitForHeading(el, 'Elige un servicio');
      expect(choices(el).map((text) => text.replace(/\u00a0/g, ' '))).to.deep.equal([
        'Haircut 30 min · 25,00 €–30,00 € Wash, cut and style. Cargo si no acudes: 25,00 €',
        'Consultation 60 min · 80,00 € Señal de 20,00 € al reservar Cargo si no acudes: 40,00 €',
        'Colour 30 min · 25,00 €–30,00 € Cargo si no acudes: el 50 % del precio',
      ]);
    });

    it('says the fee on the details, computed once the time (and so the price) is known', async () => {
      const api = new FakeApi();
      api.services = [protectedHaircut({ noShowFeePercent: 50 })];
      // Anyone: the 9:00 goes to Ana (€25.00) or Ben (€30.00), the 9:30 only to Ben.
      api.slotsOf = (day) =>
        slotsOf(day).map((slot, i) => ({ ...slot, providerIds: i === 0 ? [IDS.ana, IDS.ben] : [IDS.ben] }));
      const { el } = await renderBooking({ api });
      await waitForHeading(el, 'Choose a day and time');
      await waitForSlots(el);
      buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
      await waitForHeading(el, 'Your details');
      expect(textOf(deep(el, '.notice'))).to.equal('No-show fee: 50% of the price');
      buttonWithText(el, 'Back').click();
      await waitForHeading(el, 'Choose a day and time');
      buttonWithText(el, '9:30 AM', 'mais-slot-list').click();
      await waitForHeading(el, 'Your details');
      expect(textOf(deep(el, '.notice'))).to.equal('No-show fee: €15.00');
      await expect(el).to.be.accessible();

      buttonWithText(el, 'Back').click();
      await waitForHeading(el, 'Choose a day and time');
      await chooseWith(el, 'Ana');
      await waitForSlots(el);
      buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
      await waitForHeading(el, 'Your details');
      expect(textOf(deep(el, '.notice'))).to.equal('No-show fee: €12.50');
    });

    it('with the payment asked when booking, and times the seats of a class', async () => {
      const api = new FakeApi();
      api.services = [
        { ...consultation, capacity: 4, noShowFeeCents: 1000 },
        { ...consultation, id: COLOUR, name: 'Colour', paymentMode: 'NONE', noShowFeeCents: 1000 },
      ];
      api.slotsOf = (day) => slotsOf(day).map((slot) => ({ ...slot, seatsLeft: 3 }));
      const { el } = await renderBooking({ api, service: IDS.consult });
      await waitForHeading(el, 'Choose a day and time');
      await waitForSlots(el);
      buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
      await waitForHeading(el, 'Your details');
      const notes = () => deepAll(el, '.notice p').map(textOf);
      expect(notes()).to.deep.equal(['Deposit of €20.00 when booking', 'No-show fee: €10.00']);
      const seats = deep<HTMLSelectElement>(el, '.seats select');
      seats.value = '2';
      seats.dispatchEvent(new Event('change'));
      await el.updateComplete;
      // As the API fixes it: a fixed fee per seat.
      expect(notes()).to.deep.equal(['Deposit of €20.00 when booking', 'No-show fee: €20.00']);
    });

    it('says nothing of a fee when the business takes no cards online (no card to keep)', async () => {
      const api = new FakeApi();
      api.takesCards = false;
      api.services = [{ ...haircut, noShowFeeCents: 2500 }];
      const { el } = await renderBooking({ api, service: IDS.haircut });
      await waitForHeading(el, 'Choose a day and time');
      await waitForSlots(el);
      expect(textOf(el.shadowRoot!.querySelector('.step'))).to.not.contain('No-show');
      buttonWithText(el, '9:00 AM', 'mais-slot-list').click();
      await waitForHeading(el, 'Your details');
      expect(el.shadowRoot!.querySelector('.notice')).to.equal(null);
    });
  });

  describe('nothing to pay now: the card saved (setup mode)', () => {
    it('says the card is saved, not charged, and what a no-show costs; Save card confirms the SetupIntent, then the booking', async () => {
      const fake = installFakeStripe();
      const { el, api } = await setupStep();
      const save = await cardForm(el);

      expect(textOf(deep(el, '[part~="payment"]'))).to.equal(
        "Your card is saved, not charged now. If you don't come, €25.00 is charged to this card.",
      );
      expect(textOf(deep(el, '.summary'))).to.contain('Price €25.00');
      expect(textOf(deep(el, '[role="timer"]'))).to.match(/^Held for you for (10:00|9:5\d) more\.$/);
      expect(textOf(save)).to.equal('Save card');
      expect(textOf(deep(el, '[part~="confirmation"]'))).to.not.match(/Pay|€0\.00/);
      // The Payment Element in setup mode: made with the SetupIntent's client secret.
      expect(fake.elementsOptions.map((options) => options.clientSecret)).to.deep.equal([SETUP.clientSecret]);
      await expect(el).to.be.accessible();

      const paid = oneEvent(el, 'mais:paid');
      save.click();
      await waitForHeading(el, 'You are booked');
      expect(fake.confirms.map((confirm) => confirm.method)).to.deep.equal(['confirmSetup']);
      expect(fake.confirms[0]!.redirect).to.equal('if_required');
      expect(fake.confirms[0]!.confirmParams!.return_url).to.contain(`mais-appointment=${IDS.appointment}`);
      const calls = confirmPaymentCalls(api);
      expect(calls).to.have.length(1);
      expect(calls[0]!.headers.get('x-manage-token')).to.equal(TOKEN);
      // Nothing was charged: mais:paid says 0, the booking is confirmed.
      expect((await paid).detail).to.deep.equal({
        appointmentId: IDS.appointment,
        amountCents: 0,
        currency: 'EUR',
      });
      const confirmation = textOf(deep(el, '[part~="confirmation"]'));
      expect(confirmation).to.contain('You pay at the venue.');
      expect(confirmation).to.contain(
        "Your card is kept on file. If you don't come, €25.00 is charged to this card.",
      );
      expect(el.querySelector('[slot]')).to.equal(null);
    });

    it('shows a decline in Stripe’s words; the client saves a card again', async () => {
      const fake = installFakeStripe();
      fake.confirmOutcomes = ['decline'];
      const { el, api } = await setupStep();
      (await cardForm(el)).click();
      await waitUntil(() => problem(el) === DECLINED, 'the decline');
      expect(textOf(deep(el, '[role="status"]'))).to.contain(DECLINED);
      // No Try again: the client changes the card and presses Save card again.
      expect(el.shadowRoot!.querySelector('[part~="error"] button')).to.equal(null);
      expect(confirmPaymentCalls(api)).to.have.length(0);
      await expect(el).to.be.accessible();

      buttonWithText(el, 'Save card').click();
      await waitForHeading(el, 'You are booked');
      expect(fake.confirms.map((confirm) => confirm.method)).to.deep.equal(['confirmSetup', 'confirmSetup']);
      expect(confirmPaymentCalls(api)).to.have.length(1);
    });

    it('waits through 3-D Secure (“Saving…”), then confirms', async () => {
      const fake = installFakeStripe();
      fake.confirmOutcomes = ['authenticate'];
      const { el, api } = await setupStep();
      (await cardForm(el)).click();
      await waitUntil(() => fake.challenge, 'the 3-D Secure challenge');
      await el.updateComplete;
      expect(buttonWithText(el, 'Saving…').disabled).to.equal(true);
      expect(confirmPaymentCalls(api)).to.have.length(0);
      fake.passChallenge();
      await waitForHeading(el, 'You are booked');
      expect(confirmPaymentCalls(api)).to.have.length(1);
    });

    it('says when Stripe cannot be reached, with Try again', async () => {
      const fake = installFakeStripe();
      fake.confirmOutcomes = ['network'];
      const { el } = await setupStep();
      (await cardForm(el)).click();
      await waitUntil(() => problem(el) !== '', 'the failure');
      expect(problem(el)).to.equal('The card could not be saved. Please try again. Try again');
      buttonWithText(el, 'Try again').click();
      await waitForHeading(el, 'You are booked');
      expect(fake.confirms.map((confirm) => confirm.method)).to.deep.equal(['confirmSetup', 'confirmSetup']);
    });

    it('saved but the card still being checked: says so, and Try again asks the API again', async () => {
      installFakeStripe();
      const api = new FakeApi();
      let pending = 1;
      api.on(`POST /v1/public/appointments/${IDS.appointment}/confirm-payment`, (call) =>
        pending-- > 0 ? { status: 200, body: api.held } : api.answer(call),
      );
      const { el } = await setupStep(api);
      (await cardForm(el)).click();
      await waitUntil(() => problem(el) !== '', 'the pending card');
      expect(problem(el)).to.equal('Your card is still being checked. Try again in a moment. Try again');
      buttonWithText(el, 'Try again').click();
      await waitForHeading(el, 'You are booked');
      expect(confirmPaymentCalls(api)).to.have.length(2);
    });

    it('once the hold lapses without a card saved, says so and books again', async () => {
      installFakeStripe();
      const api = new FakeApi();
      api.holdMs = 2500;
      const { el } = await setupStep(api);
      await cardForm(el);
      await waitForHeading(el, 'This hold has lapsed');
      expect(textOf(deep(el, '.failure'))).to.equal(
        'No card was saved within the hold, so the time has been released. You can book again.',
      );
      expect(el.shadowRoot!.querySelector('button.pay')).to.equal(null);
      buttonWithText(el, 'Book again').click();
      await waitForHeading(el, 'Choose a day and time');
      expect(el.querySelector('[slot]')).to.equal(null);
    });
  });

  it('a paid service with a no-show fee: paid with confirmPayment, the card said to be kept for the fee', async () => {
    const fake = installFakeStripe();
    const api = new FakeApi();
    api.cardPayments = true;
    api.services = [{ ...consultation, noShowFeeCents: 3000 }];
    const { el } = await renderBooking({ api, service: IDS.consult });
    await toPayment(el);
    const pay = await cardForm(el, 'Pay €20.00');
    expect(textOf(deep(el, '[part~="payment"]'))).to.equal(
      'A deposit of €20.00 (of €80.00) is needed to confirm this booking. Your card is kept on file. ' +
        "If you don't come, €30.00 is charged to this card.",
    );
    pay.click();
    await waitForHeading(el, 'You are booked');
    expect(fake.confirms.map((confirm) => confirm.method)).to.deep.equal(['confirmPayment']);
    expect(textOf(deep(el, '[part~="confirmation"]'))).to.contain(
      "Your card is kept on file. If you don't come, €30.00 is charged to this card.",
    );
  });
});
