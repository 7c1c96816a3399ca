/**
 * The payment step's card form: Stripe.js on the tenant's connected account, the Payment Element,
 * and the payment itself. This module is its own file (dist/chunks/payment-form.<hash>.js, see
 * payment-chunk.ts), loaded only when a booking is to be paid by card; it imports nothing of the
 * widget at run time (only types), and works through the host it is given.
 */
import type { Appointment, BookedAppointment, MaisClient } from '@mais/sdk';
import type { Stripe, StripeElementLocale, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
// `pure`: importing it loads nothing; Stripe.js (from js.stripe.com) loads when loadStripe runs.
import { loadStripe } from '@stripe/stripe-js/pure';
import type { RequestController } from '../controllers/request.controller.ts';
import type { Failure } from '../errors/failure.ts';
import type { Translation } from '../i18n/translation.ts';
import { manageLink } from '../manage-link.ts';
import { appearanceOf } from './appearance.ts';
import { lightDomSlot, type LightDomSlot } from './light-dom-slot.ts';
import { PAYMENT_SLOT, savesCard, type PayState } from './payment-state.ts';

// Also in this module (the one file loaded on demand): confirming after a redirect back from Stripe.
export { confirmReturn } from './redirect-return.ts';

/** What the payment step needs of `<mais-booking>`. */
export interface PaymentHost extends HTMLElement {
  /** The booking answer, with its `payment` (client secret, keys, amount). */
  readonly booked: BookedAppointment | null;
  readonly l10n: { readonly t: Translation; readonly language: string };
  readonly sdk: MaisClient;
  /** Runs confirm-payment: pending and failed states, and the failure reported (mais:error, live region). */
  readonly submit: RequestController;
  readonly stepFocus: { announce(text: string): void };
  readonly renderRoot: HTMLElement | DocumentFragment;
  failureMessage(failure: Failure): string;
  /** What the step shows (a reactive property: setting it re-renders). */
  pay: PayState;
}

/**
 * The statuses of a PaymentIntent that mean the client has paid (or the money is on its way), and
 * of a SetupIntent that mean the card is saved (or being checked).
 */
const DONE = ['succeeded', 'processing', 'requires_capture'];

/**
 * Shows the card form for `host.booked` and takes the payment, or only saves the card (a `setup`
 * payment: nothing due now, a no-show fee agreed); `onPaid` gets the booking once the API has
 * confirmed it (POST …/confirm-payment, which reads the payment or the saved card back from Stripe).
 */
export function startPayment(host: PaymentHost, onPaid: (appointment: Appointment) => void): void {
  void new PaymentSession(host, onPaid).load();
}

class PaymentSession {
  private stripe: Stripe | null = null;
  private elements: StripeElements | null = null;
  private element: StripePaymentElement | null = null;
  private slot: LightDomSlot | null = null;
  private stopped = false;

  constructor(
    private readonly host: PaymentHost,
    private readonly onPaid: (appointment: Appointment) => void,
  ) {}

  private show(state: PayState): void {
    if (!this.stopped) this.host.pay = { ...state, stop: () => this.stop() };
  }

  private say(state: PayState & { message: string }): void {
    this.show(state);
    this.host.stepFocus.announce(state.message);
  }

  async load(): Promise<void> {
    const { host } = this;
    const payment = host.booked!.payment!;
    this.show({ loading: true });
    try {
      // Stripe's own texts (a decline's message, the form's labels) in the widget's language.
      const locale = host.l10n.language as StripeElementLocale;
      // Direct charges: the PaymentIntent is on the tenant's account, so Stripe.js is too.
      const stripe = await loadStripe(payment.publishableKey, {
        stripeAccount: payment.stripeAccount,
        locale,
      });
      if (!stripe) throw new Error('Stripe.js is not available on this page');
      if (this.stopped) return;
      const base = host.renderRoot.querySelector<HTMLElement>('[data-theme]')!;
      this.stripe = stripe;
      // A SetupIntent's client secret puts the Payment Element in setup mode (no amount shown).
      this.elements = stripe.elements({
        clientSecret: payment.clientSecret,
        appearance: appearanceOf(base),
        locale,
      });
      const element = (this.element = this.elements.create('payment'));
      // The form's own frame failed (a bad client secret, Stripe unreachable after Stripe.js loaded).
      element.on('loaderror', (event) => this.unavailable(event.error));
      this.slot = lightDomSlot(host, PAYMENT_SLOT);
      element.mount(this.slot.node);
      this.show({ pay: () => void this.pay() });
    } catch (error) {
      // Offline, js.stripe.com blocked (an ad blocker, a strict CSP), or Stripe.js refusing the options.
      this.unavailable(error);
    }
  }

  private unavailable(error: unknown): void {
    console.warn('[mais-booking] The card form could not be loaded.', error);
    this.destroy();
    this.say({ message: this.host.l10n.t.paymentUnavailable, retry: () => void this.load() });
  }

  /**
   * Stripe.js confirms the payment, or the SetupIntent that saves the card (confirmSetup: the same
   * options, a `setupIntent` in the answer); 3-D Secure, when the bank asks for it, happens inside
   * this call (Stripe's own dialog on the page), and only payment methods that must leave the page
   * redirect, to the manage link (`redirect: 'if_required'`), whose view confirms the booking.
   */
  private async pay(): Promise<void> {
    const { host } = this;
    const { appointment, manageToken, payment } = host.booked!;
    const pay = () => void this.pay();
    if (host.pay.paying) return; // a second click before the button is disabled
    this.show({ paying: true });
    const options = {
      elements: this.elements!,
      redirect: 'if_required',
      confirmParams: { return_url: manageLink(location.href, appointment.id, manageToken) },
    } as const;
    const setup = savesCard(payment);
    const confirmed = setup
      ? this.stripe!.confirmSetup(options).then((answer) => ({ ...answer, intent: answer.setupIntent }))
      : this.stripe!.confirmPayment(options).then((answer) => ({ ...answer, intent: answer.paymentIntent }));
    const { error, intent } = await confirmed.catch((error: unknown) => ({
      error: { type: 'thrown', message: String(error) },
      intent: undefined,
    }));
    if (this.stopped) return;
    if (error || !DONE.includes(intent?.status ?? '')) {
      // A decline or incomplete details: Stripe's words, and the client fixes the card and pays
      // again. Anything else (Stripe unreachable, a server error at Stripe): ours, with Try again.
      const theirs = (error?.type === 'card_error' || error?.type === 'validation_error') && error.message;
      if (!theirs) console.warn('[mais-booking] The payment failed.', error ?? intent);
      const { t } = host.l10n;
      const ours = setup ? t.cardFailed : t.paymentFailed;
      this.say(theirs ? { message: theirs, pay } : { message: ours, retry: pay, pay });
      return;
    }
    // Paid (or saved): from here on only confirm-payment is tried again, never the charge.
    await this.confirm();
  }

  private async confirm(): Promise<void> {
    const { host } = this;
    const { appointment, manageToken } = host.booked!;
    const retry = () => void this.confirm();
    this.show({ paying: true });
    const confirmed = await host.submit.run(() =>
      host.sdk.appointments.confirmPayment(appointment.id, manageToken),
    );
    if (this.stopped) return;
    const { t } = host.l10n;
    if (!confirmed) {
      // Reported by the request controller already (live region, mais:error).
      const failure = host.submit.failure;
      const canRetry = failure?.kind === 'network' || failure?.kind === 'unknown';
      if (failure) this.show({ message: host.failureMessage(failure), ...(canRetry ? { retry } : {}) });
      return;
    }
    if (confirmed.status === 'CONFIRMED') {
      this.destroy();
      this.onPaid(confirmed);
    } else if (confirmed.status === 'PENDING') {
      // Paid by a method that settles later, or Stripe not yet answering succeeded: ask again.
      this.say({ message: savesCard(host.booked!.payment) ? t.cardPending : t.paymentPending, retry });
    } else this.say({ message: t.errorCannotChange });
  }

  private destroy(): void {
    this.element?.destroy();
    this.element = null;
    this.slot?.remove();
    this.slot = null;
  }

  stop(): void {
    this.stopped = true;
    this.destroy();
  }
}
