import type { Page } from '@playwright/test';

/**
 * Stripe.js for the end-to-end tests, which cannot reach js.stripe.com: a fake `window.Stripe` put
 * on every page before the widget runs (@stripe/stripe-js's loadStripe uses `window.Stripe` when it
 * is there and adds no script tag). Its Payment Element is a small frame; like Stripe.js it refuses
 * a container inside a shadow root. Its `confirmPayment` and `confirmSetup` do what Stripe.js does
 * on Stripe's side, against the fake Stripe the API uses (test/fakes/stripe): they confirm the
 * PaymentIntent or SetupIntent with a test card (`cards`, one per attempt, else pm_card_visa)
 * through the fake's HTTP API, from the test process (exposed to the page), and answer as Stripe.js
 * would: `{ paymentIntent }` or `{ setupIntent }`, or `{ error }` with the card error (a decline's
 * type, code and message). Each refuses an Elements made with the other kind of client secret.
 */

export interface FakeStripeJs {
  /** The test cards of the next payments, in order (test/fakes/stripe/test-cards.ts). */
  readonly cards: string[];
  /** What the page passed to `Stripe()` and `elements()`, for the checks. */
  calls(): Promise<FakeStripeCalls>;
}

export interface FakeStripeCalls {
  constructed: { publishableKey: string; stripeAccount: string | null }[];
  elements: { clientSecret: string; theme: string | null }[];
  confirms: number;
}

export async function installFakeStripeJs(
  page: Page,
  stripe: { url: string; secretKey: string },
): Promise<FakeStripeJs> {
  const cards: string[] = [];
  await page.exposeFunction('maisFakeStripeConfirm', async (clientSecret: string, account: string | null) => {
    const id = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
    const setup = id.startsWith('seti_');
    const response = await fetch(
      `${stripe.url}/v1/${setup ? 'setup_intents' : 'payment_intents'}/${id}/confirm`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${stripe.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          ...(account ? { 'stripe-account': account } : {}),
        },
        body: new URLSearchParams({ payment_method: cards.shift() ?? 'pm_card_visa' }),
      },
    );
    const body = (await response.json()) as {
      id?: string;
      status?: string;
      error?: { type: string; code?: string; decline_code?: string; message?: string };
    };
    if (!response.ok) {
      const { type, code, decline_code, message } = body.error!;
      return { error: { type, code, decline_code, message } };
    }
    return setup
      ? { setupIntent: { id: body.id, object: 'setup_intent', status: body.status } }
      : { paymentIntent: { id: body.id, object: 'payment_intent', status: body.status } };
  });
  await page.addInitScript(fakeStripeJs);
  return {
    cards,
    calls: () =>
      page.evaluate(
        () => (window as unknown as { maisFakeStripeCalls: FakeStripeCalls }).maisFakeStripeCalls,
      ),
  };
}

/** Runs in the page, before its scripts. */
function fakeStripeJs(): void {
  type Confirm = (clientSecret: string, account: string | null) => Promise<unknown>;
  const page = window as unknown as {
    Stripe: unknown;
    maisFakeStripeConfirm: Confirm;
    maisFakeStripeCalls: FakeStripeCalls;
  };
  const calls: FakeStripeCalls = { constructed: [], elements: [], confirms: 0 };
  page.maisFakeStripeCalls = calls;
  const Stripe = (publishableKey: string, options?: { stripeAccount?: string }) => {
    const stripeAccount = options?.stripeAccount ?? null;
    calls.constructed.push({ publishableKey, stripeAccount });
    let mounted: HTMLElement | null = null;
    let clientSecret = '';
    const elements = {
      create: () => ({
        mount(node: HTMLElement) {
          if (node.getRootNode() instanceof ShadowRoot) {
            throw new Error(
              'IntegrationError: Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.',
            );
          }
          const frame = document.createElement('iframe');
          frame.title = 'Secure payment input frame';
          frame.srcdoc = '<p style="font:16px system-ui;margin:8px">Card number 4242 4242 4242 4242</p>';
          frame.style.cssText = 'display:block;width:100%;height:56px;border:1px solid #8a93a3';
          node.append(frame);
          mounted = node;
        },
        on() {},
        destroy() {
          mounted?.replaceChildren();
          mounted = null;
        },
      }),
    };
    const confirm = (params: { elements: unknown }, kind: 'pi_' | 'seti_') => {
      calls.confirms += 1;
      if (params.elements !== elements || !mounted?.isConnected) {
        throw new Error('IntegrationError: the Payment Element is not mounted.');
      }
      if (!clientSecret.startsWith(kind)) {
        throw new Error(
          `IntegrationError: these Elements are for ${clientSecret.split('_')[0]}_, not ${kind}.`,
        );
      }
      return page.maisFakeStripeConfirm(clientSecret, stripeAccount);
    };
    return {
      elements(options: { clientSecret: string; appearance?: { theme?: string } }) {
        clientSecret = options.clientSecret;
        calls.elements.push({ clientSecret, theme: options.appearance?.theme ?? null });
        return elements;
      },
      confirmPayment: (params: { elements: unknown }) => confirm(params, 'pi_'),
      confirmSetup: (params: { elements: unknown }) => confirm(params, 'seti_'),
    };
  };
  // The Stripe.js version @stripe/stripe-js 10 expects (it warns about any other).
  page.Stripe = Object.assign(Stripe, { version: 'endive' });
}
