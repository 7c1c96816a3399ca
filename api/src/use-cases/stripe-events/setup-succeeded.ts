import type { StripeWebhookEvent } from '../../adapters/payments/stripe-webhooks.ts';
import { settleSetupIntent } from '../save-card.ts';
import { fromStripe, type StripeEventContext, type StripeEventOutcome } from './context.ts';

/**
 * `setup_intent.succeeded`: a card saved for a booking's no-show fee. The intent is read back
 * from Stripe and settled through save-card.ts, like confirm-payment: the card is kept and the
 * held booking confirmed, once however often it runs. A SetupIntent that is not ours (another
 * sale on the tenant's own account) is acknowledged.
 */
export async function setupSucceeded(
  context: StripeEventContext,
  event: Extract<StripeWebhookEvent, { type: 'setup_intent.succeeded' }>,
): Promise<StripeEventOutcome> {
  const { scope, gateway, account, now } = context;
  if (!(await scope.appointments.idBySetupIntent(event.setupIntentId))) return 'ignored';
  const intent = await fromStripe(() => gateway.retrieveSetupIntent(account, event.setupIntentId));
  return (await settleSetupIntent(scope, intent, now)) ? 'handled' : 'ignored';
}
