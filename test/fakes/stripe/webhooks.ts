import Stripe from 'stripe';

/**
 * Webhook delivery as Stripe does it: a POST of the event's JSON with a `Stripe-Signature:
 * t=…,v1=…` header (HMAC-SHA256 of `t.payload` under the endpoint's secret), which
 * `stripe.webhooks.constructEvent(rawBody, header, secret)` verifies. Stripe may deliver an event
 * more than once and in any order (https://docs.stripe.com/webhooks#handle-duplicate-events), so
 * both can be asked for.
 */

export interface DeliveryOptions {
  /** Deliver every event twice. */
  duplicate?: boolean;
  /** Deliver in a shuffled order (never the original one when there are two or more); a number seeds it. */
  shuffle?: boolean | number;
  /** Sign with this secret instead of the fake's (to test that a wrong secret is refused). */
  secret?: string;
  /** Deliver these events instead of those generated since the last delivery. */
  events?: Stripe.Event[];
}

export interface Delivery {
  event: Stripe.Event;
  /** The endpoint's HTTP status. */
  status: number;
  /** The endpoint's answer body. */
  body: string;
}

export async function deliver(
  events: Stripe.Event[],
  url: string,
  secret: string,
  options: DeliveryOptions,
): Promise<Delivery[]> {
  let queue = options.duplicate ? events.flatMap((event) => [event, event]) : [...events];
  if (options.shuffle !== undefined && options.shuffle !== false) {
    queue = shuffled(queue, typeof options.shuffle === 'number' ? options.shuffle : 1);
  }
  const deliveries: Delivery[] = [];
  for (const event of queue) {
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Stripe-Signature': signature,
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: payload,
    });
    deliveries.push({ event, status: response.status, body: await response.text() });
  }
  return deliveries;
}

/** A seeded Fisher–Yates shuffle (mulberry32), reversed if it happens to keep the original order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  const unchanged = result.every((item, i) => item === items[i]);
  return unchanged ? result.reverse() : result;
}
