import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MaisBookingButton } from '../mais-booking-button/mais-booking-button.component.ts';
import '../mais-booking-button/mais-booking-button.ts';
import { renderBooking, toPayment } from '../../testing/booking-steps.ts';
import { buttonWithText, deep, textOf, waitForHeading } from '../../testing/dom.ts';
import { consultation, FakeApi, IDS, PAYMENT, TOKEN } from '../../testing/fake-api.ts';
import { DECLINED, INCOMPLETE, installFakeStripe } from '../../testing/fake-stripe-js.ts';
import type { MaisBooking } from './mais-booking.component.ts';

/**
 * The payment step: a paid service's booking answered with `payment` goes to the card form (Stripe's
 * Payment Element, here the fake Stripe.js of src/testing/fake-stripe-js.ts), then to the
 * confirmation once the API has confirmed the payment. Stripe.js's loader keeps its first success
 * for the page, so the test of it failing to load comes first, before any fake is installed.
 */

const PAY = 'Pay €20.00';

async function paymentStep(options: { theme?: 'light' | 'dark'; api?: FakeApi } = {}) {
  const api = options.api ?? new FakeApi();
  api.cardPayments = true;
  const { el } = await renderBooking({ api, service: consultation.id, theme: options.theme });
  await toPayment(el);
  return { el, api };
}

/** Until the card form is mounted and the Pay button offered. */
async function cardForm(el: MaisBooking): Promise<HTMLButtonElement> {
  await waitUntil(() => el.pay.pay, 'the card form', { timeout: 4000 });
  await el.updateComplete;
  return buttonWithText(el, PAY);
}

/** The failure box of the step ('' when there is none). */
const problem = (el: MaisBooking) => textOf(el.shadowRoot!.querySelector('[part~="error"]'));

function confirmPaymentCalls(api: FakeApi) {
  return api.callsTo('POST', `/v1/public/appointments/${IDS.appointment}/confirm-payment`);
}

describe('<mais-booking> payment step', () => {
  it('says when Stripe.js cannot load (offline), and loads it on Try again', async () => {
    expect('Stripe' in window, 'no Stripe.js on the page yet').to.equal(false);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const { el } = await paymentStep();
      // loadStripe added Stripe's script tag (js.stripe.com is unreachable here), which failed.
      await waitUntil(() => problem(el) !== '', 'the failure', { timeout: 4000 });
      expect(document.querySelector('script[src^="https://js.stripe.com/"]')).to.not.equal(null);
      expect(problem(el)).to.equal(
        'The payment form could not be loaded. Check your connection and try again. Try again',
      );
      expect(el.shadowRoot!.querySelector('button.pay')).to.equal(null);
      expect(textOf(deep(el, '[role="status"]'))).to.contain('The payment form could not be loaded.');
      expect(String(warnings[0]?.[0])).to.contain('The card form could not be loaded.');
      await expect(el).to.be.accessible();

      const fake = installFakeStripe();
      buttonWithText(el, 'Try again').click();
      await cardForm(el);
      expect(problem(el)).to.equal('');
      expect(fake.mounted).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('pays: Stripe.js on the connected account, the card form in the page, confirm-payment with the manage token, then the confirmation', async () => {
    const fake = installFakeStripe();
    const booked = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('mais:booked', (event) => resolve(event), { once: true }),
    );
    const { el, api } = await paymentStep();
    expect((await booked).detail).to.include({ appointmentId: IDS.appointment, status: 'PENDING' });
    const pay = await cardForm(el);

    expect(fake.instances).to.deep.equal([
      {
        publishableKey: PAYMENT.publishableKey,
        options: { stripeAccount: PAYMENT.stripeAccount, locale: 'en' },
      },
    ]);
    expect(fake.elementsOptions).to.have.length(1);
    expect(fake.elementsOptions[0]).to.include({ clientSecret: PAYMENT.clientSecret, locale: 'en' });
    expect(fake.elementsOptions[0]!.appearance).to.deep.include({ theme: 'stripe' });
    expect(fake.elementsOptions[0]!.appearance!.variables).to.include({
      colorPrimary: 'rgb(36, 83, 199)', // #2453c7, the default primary
      colorBackground: 'rgb(255, 255, 255)',
      borderRadius: '8px',
    });
    // Stripe.js mounts only into the document's own tree: the form is the widget's light-DOM child,
    // shown in the step through its slot.
    const [node] = fake.mounted;
    expect(node!.getRootNode()).to.equal(document);
    expect(node!.parentElement).to.equal(el);
    expect(node!.assignedSlot!.getRootNode()).to.equal(el.shadowRoot);
    expect(node!.querySelector('iframe')!.getBoundingClientRect().height).to.be.greaterThan(0);

    // What is paid, and for how long the time is held.
    const step = textOf(deep(el, '[part~="confirmation"]'));
    expect(step).to.contain('A deposit of €20.00 (of €80.00) is needed to confirm this booking.');
    expect(textOf(deep(el, '[role="timer"]'))).to.match(/^Held for you for (10:00|9:5\d) more\.$/);
    expect(api.callsTo('POST', '/confirm-payment')).to.have.length(0);

    const paid = oneEvent(el, 'mais:paid');
    pay.click();
    await waitForHeading(el, 'You are booked');
    expect(fake.confirms).to.have.length(1);
    expect(fake.confirms[0]!.redirect).to.equal('if_required');
    expect(fake.confirms[0]!.confirmParams!.return_url).to.contain(`mais-appointment=${IDS.appointment}`);
    const [confirm] = confirmPaymentCalls(api);
    expect(confirm!.headers.get('x-manage-token')).to.equal(TOKEN);
    expect((await paid).detail).to.deep.equal({
      appointmentId: IDS.appointment,
      amountCents: 2000,
      currency: 'EUR',
    });
    // Confirmed now: calendar links, no countdown; the card form is gone from the page.
    expect(el.shadowRoot!.querySelector('a[download="appointment.ics"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[role="timer"]')).to.equal(null);
    expect(el.querySelector('[slot]')).to.equal(null);
    expect(fake.destroyed).to.equal(1);
  });

  it('shows a decline in Stripe’s words; the client pays again', async () => {
    const fake = installFakeStripe();
    fake.confirmOutcomes = ['decline', 'incomplete'];
    const { el, api } = await paymentStep();
    const pay = await cardForm(el);
    pay.click();
    await waitUntil(() => problem(el) === DECLINED, 'the decline');
    expect(textOf(deep(el, '[role="status"]'))).to.contain(DECLINED);
    // No Try again: the client changes the card and presses Pay again.
    expect(el.shadowRoot!.querySelector('[part~="error"] button')).to.equal(null);
    expect(confirmPaymentCalls(api)).to.have.length(0);
    await expect(el).to.be.accessible();

    buttonWithText(el, PAY).click();
    await waitUntil(() => problem(el) === INCOMPLETE, 'the incomplete card');
    buttonWithText(el, PAY).click();
    await waitForHeading(el, 'You are booked');
    expect(fake.confirms).to.have.length(3);
    expect(confirmPaymentCalls(api)).to.have.length(1);
  });

  it('waits through 3-D Secure, then confirms', async () => {
    const fake = installFakeStripe();
    fake.confirmOutcomes = ['authenticate'];
    const { el, api } = await paymentStep();
    (await cardForm(el)).click();
    await waitUntil(() => fake.challenge, 'the 3-D Secure challenge');
    await el.updateComplete;
    const paying = buttonWithText(el, 'Paying…');
    expect(paying.disabled).to.equal(true);
    expect(confirmPaymentCalls(api)).to.have.length(0);

    fake.passChallenge();
    await waitForHeading(el, 'You are booked');
    expect(confirmPaymentCalls(api)).to.have.length(1);
  });

  it('says when Stripe cannot be reached, with Try again', async () => {
    const fake = installFakeStripe();
    fake.confirmOutcomes = ['network'];
    const { el } = await paymentStep();
    (await cardForm(el)).click();
    await waitUntil(() => problem(el).startsWith('The payment did not go through.'), 'the failure');
    buttonWithText(el, 'Try again').click();
    await waitForHeading(el, 'You are booked');
    expect(fake.confirms).to.have.length(2);
  });

  it('paid but the API unreachable: Try again asks the API again, never charges twice', async () => {
    const fake = installFakeStripe();
    const api = new FakeApi();
    let failures = 1;
    api.on(`POST /v1/public/appointments/${IDS.appointment}/confirm-payment`, (call) =>
      failures-- > 0 ? 'network-error' : api.answer(call),
    );
    const { el } = await paymentStep({ api });
    (await cardForm(el)).click();
    await waitUntil(() => problem(el).startsWith('We could not reach the booking service.'), 'the failure');
    expect(el.shadowRoot!.querySelector('button.pay')).to.equal(null);
    buttonWithText(el, 'Try again').click();
    await waitForHeading(el, 'You are booked');
    expect(fake.confirms).to.have.length(1);
    expect(confirmPaymentCalls(api)).to.have.length(2);
  });

  it('once the hold lapses, says so and books again (the card form goes)', async () => {
    installFakeStripe();
    const api = new FakeApi();
    api.holdMs = 2500;
    const { el } = await paymentStep({ api });
    await cardForm(el);
    expect(textOf(deep(el, '[role="timer"]'))).to.match(/^Held for you for 0:0[1-3] more\.$/);
    await waitForHeading(el, 'This hold has lapsed');
    expect(el.shadowRoot!.querySelector('button.pay')).to.equal(null);
    buttonWithText(el, 'Book again').click();
    await waitForHeading(el, 'Choose a day and time');
    expect(el.querySelector('[slot]')).to.equal(null);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible, with the card form in the widget's colours (${theme})`, async () => {
      const fake = installFakeStripe();
      const { el } = await paymentStep({ theme });
      await cardForm(el);
      await expect(el).to.be.accessible();
      expect(fake.elementsOptions[0]!.appearance).to.deep.include({
        theme: theme === 'dark' ? 'night' : 'stripe',
      });
      const { variables } = fake.elementsOptions[0]!.appearance!;
      expect(variables!.colorBackground).to.equal(
        theme === 'dark' ? 'rgb(21, 24, 30)' : 'rgb(255, 255, 255)',
      );
      expect(variables!.colorText).to.equal(theme === 'dark' ? 'rgb(236, 239, 244)' : 'rgb(27, 31, 39)');
    });
  }

  it('takes the page’s primary colour (--mais-primary) into the card form', async () => {
    const fake = installFakeStripe();
    const api = new FakeApi();
    api.cardPayments = true;
    const { el } = await renderBooking({ api, service: consultation.id });
    el.style.setProperty('--mais-primary', '#0a7d55');
    await toPayment(el);
    await cardForm(el);
    expect(fake.elementsOptions[0]!.appearance!.variables!.colorPrimary).to.equal('rgb(10, 125, 85)');
  });

  it('inside <mais-booking-button>’s dialog: the card form is the button’s light-DOM child, forwarded down', async () => {
    const fake = installFakeStripe();
    const api = new FakeApi();
    api.cardPayments = true;
    const button = await fixture<MaisBookingButton>(
      html`<mais-booking-button
        service=${consultation.id}
        locale="en-US"
        timezone="UTC"
        .client=${api.client()}
      ></mais-booking-button>`,
    );
    await button.show();
    const el = deep<MaisBooking>(button, 'mais-booking');
    await toPayment(el);
    await cardForm(el);
    const [node] = fake.mounted;
    expect(node!.getRootNode()).to.equal(document);
    expect(node!.parentElement).to.equal(button);
    // Through the forwarding slot in the button's shadow root, into the booking's slot.
    const forward = node!.assignedSlot!;
    expect(forward.getRootNode()).to.equal(button.shadowRoot);
    expect(forward.assignedSlot!.getRootNode()).to.equal(el.shadowRoot);
    expect(node!.querySelector('iframe')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(button).to.be.accessible();

    buttonWithText(el, PAY).click();
    await waitForHeading(el, 'You are booked');
    expect(button.querySelector('[slot]')).to.equal(null);
    expect(el.querySelector('slot')).to.equal(null);
  });
});
