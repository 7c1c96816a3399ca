import Stripe from 'stripe';
import { newId, unixNow, type Account, type FakeStripeState, type RequestInfo } from './state.ts';

/** Requests made by the control API (a browser finishing 3-D Secure, a bank opening a dispute). */
export const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

/**
 * Records an event as Stripe would send it to a webhook endpoint: a snapshot of the object at that
 * moment, and `account` set for a connected account's events (Connect webhooks).
 * https://docs.stripe.com/api/events/object
 */
export function emitEvent(
  state: FakeStripeState,
  account: Account,
  type: string,
  object: { id: string },
  request: RequestInfo,
): Stripe.Event {
  const event = {
    id: newId('evt'),
    object: 'event',
    ...(account ? { account } : {}),
    api_version: Stripe.API_VERSION,
    created: unixNow(state),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request,
    type,
  } as unknown as Stripe.Event;
  state.events.push(event);
  return event;
}
