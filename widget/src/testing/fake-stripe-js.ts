/**
 * A fake of Stripe.js (`window.Stripe`) for component tests, which never reach js.stripe.com.
 *
 * How @stripe/stripe-js/pure's loadStripe finds it (node_modules/@stripe/stripe-js/dist/pure.mjs):
 * it resolves `window.Stripe` when that is already there, with no script tag; otherwise it adds
 * `<script src="https://js.stripe.com/endive/stripe.js">` (once more after an error) and rejects
 * with "Failed to load Stripe.js" when that fails. A success is kept for the page: every later
 * loadStripe call gets the same `window.Stripe` function and calls it again with its own arguments.
 * So install the fake once per test file (`installFakeStripe()` returns the one fake and clears
 * what it recorded), and steer it through `confirmOutcomes`. A test of Stripe.js failing to load
 * must run before any payment step of its file has loaded the fake.
 *
 * Like Stripe.js, `mount()` refuses a container inside a shadow root; `confirmPayment` and
 * `confirmSetup` refuse when the Payment Element is not mounted (anymore), and each only for its own
 * kind of intent: elements made with a PaymentIntent's client secret (`pi_…`) are confirmed with
 * confirmPayment, with a SetupIntent's (`seti_…`: a card saved, nothing charged) with confirmSetup.
 */
import type { Appearance, StripeConstructorOptions } from '@stripe/stripe-js';

/** What the next confirmPayment or confirmSetup does (the default: succeed). */
export type ConfirmOutcome =
  | 'succeed'
  /** The card is declined: a card_error with Stripe's message. */
  | 'decline'
  /** The card details are incomplete: a validation_error. */
  | 'incomplete'
  /** Stripe cannot be reached: an api_connection_error. */
  | 'network'
  /** The bank asks for 3-D Secure: a challenge opens, and the payment waits for `passChallenge()`. */
  | 'authenticate';

export const DECLINED = 'Your card was declined.';
export const INCOMPLETE = 'Your card number is incomplete.';

interface ElementsOptions {
  clientSecret: string;
  appearance?: Appearance;
  locale?: string;
}

interface ConfirmParams {
  elements: unknown;
  redirect?: 'always' | 'if_required';
  confirmParams?: { return_url?: string };
}

type ConfirmMethod = 'confirmPayment' | 'confirmSetup';

export class FakeStripeJs {
  /** Each `Stripe(publishableKey, options)` call. */
  readonly instances: { publishableKey: string; options: StripeConstructorOptions | undefined }[] = [];
  readonly elementsOptions: ElementsOptions[] = [];
  /** The containers the Payment Element was mounted in. */
  readonly mounted: HTMLElement[] = [];
  /** Each confirmPayment and confirmSetup call, with which it was. */
  readonly confirms: (ConfirmParams & { method: ConfirmMethod })[] = [];
  destroyed = 0;
  /** Taken one per confirmPayment or confirmSetup; 'succeed' once empty. */
  confirmOutcomes: ConfirmOutcome[] = [];
  /** The open 3-D Secure challenge (Stripe.js shows it in a frame over the page). */
  challenge: HTMLElement | null = null;
  private passChallengeWith: ((passed: boolean) => void) | null = null;

  /** The `window.Stripe` function. */
  readonly Stripe = Object.assign(
    (publishableKey: string, options?: StripeConstructorOptions) => {
      this.instances.push({ publishableKey, options });
      return this.instance();
    },
    // What loadStripe compares with the Stripe.js version it expects (`endive`), warning otherwise.
    { version: 'endive' },
  );

  clear(): void {
    this.instances.length = 0;
    this.elementsOptions.length = 0;
    this.mounted.length = 0;
    this.confirms.length = 0;
    this.destroyed = 0;
    this.confirmOutcomes = [];
    this.challenge?.remove();
    this.challenge = null;
  }

  /** The client completes (or fails) the bank's 3-D Secure challenge. */
  passChallenge(passed = true): void {
    this.passChallengeWith?.(passed);
  }

  private instance() {
    let mountedIn: HTMLElement | null = null;
    let clientSecret = '';
    const elements = {
      create: (type: string) => {
        if (type !== 'payment') throw new Error(`fake Stripe.js: no ${type} Element`);
        return {
          mount: (target: HTMLElement | string) => {
            const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
            if (!(node instanceof HTMLElement)) throw new Error('IntegrationError: Invalid DOM element.');
            if (node.getRootNode() instanceof ShadowRoot) {
              throw new Error(
                'IntegrationError: Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.',
              );
            }
            const frame = document.createElement('iframe');
            frame.title = 'Secure payment input frame';
            frame.style.cssText = 'display:block;width:100%;height:120px;border:0';
            node.append(frame);
            mountedIn = node;
            this.mounted.push(node);
          },
          on: () => undefined,
          destroy: () => {
            mountedIn?.replaceChildren();
            mountedIn = null;
            this.destroyed += 1;
          },
        };
      },
    };
    const confirm = async (method: ConfirmMethod, params: ConfirmParams) => {
      this.confirms.push({ ...params, method });
      if (params.elements !== elements || !mountedIn?.isConnected) {
        throw new Error(
          'IntegrationError: We could not retrieve data from the specified Element. Please make sure the Element you are attempting to use is still mounted.',
        );
      }
      const setup = clientSecret.startsWith('seti_');
      if (setup !== (method === 'confirmSetup')) {
        throw new Error(
          `IntegrationError: ${method} was called with elements made for a ${setup ? 'SetupIntent' : 'PaymentIntent'}.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10)); // a round trip to Stripe
      const answer = await this.outcome(this.confirmOutcomes.shift() ?? 'succeed', setup);
      // A success carries the intent under its own name: `paymentIntent` or `setupIntent`.
      if (!('intent' in answer)) return answer;
      return setup ? { setupIntent: answer.intent } : { paymentIntent: answer.intent };
    };
    return {
      elements: (options: ElementsOptions) => {
        this.elementsOptions.push(options);
        clientSecret = options.clientSecret;
        return elements;
      },
      confirmPayment: (params: ConfirmParams) => confirm('confirmPayment', params),
      confirmSetup: (params: ConfirmParams) => confirm('confirmSetup', params),
    };
  }

  private async outcome(outcome: ConfirmOutcome, setup: boolean) {
    const intent = setup
      ? { id: 'seti_fake', object: 'setup_intent', status: 'succeeded' }
      : { id: 'pi_fake', object: 'payment_intent', status: 'succeeded' };
    switch (outcome) {
      case 'succeed':
        return { intent };
      case 'decline':
        return {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: DECLINED,
          },
        };
      case 'incomplete':
        return { error: { type: 'validation_error', code: 'incomplete_number', message: INCOMPLETE } };
      case 'network':
        return {
          error: {
            type: 'api_connection_error',
            message: 'An error occurred with our connection to Stripe.',
          },
        };
      case 'authenticate': {
        const challenge = (this.challenge = document.createElement('div'));
        challenge.setAttribute('data-fake-3ds', '');
        challenge.textContent = '3-D Secure';
        document.body.append(challenge);
        const passed = await new Promise<boolean>((resolve) => (this.passChallengeWith = resolve));
        challenge.remove();
        this.challenge = null;
        this.passChallengeWith = null;
        return passed
          ? { intent }
          : {
              error: {
                type: 'card_error',
                code: `${setup ? 'setup' : 'payment'}_intent_authentication_failure`,
                message: 'We are unable to authenticate your payment method.',
              },
            };
      }
    }
  }
}

let fake: FakeStripeJs | undefined;

/** Puts the fake on `window.Stripe` (once per page) and answers it, with its records cleared. */
export function installFakeStripe(): FakeStripeJs {
  fake ??= new FakeStripeJs();
  fake.clear();
  (window as unknown as { Stripe: unknown }).Stripe = fake.Stripe;
  return fake;
}
