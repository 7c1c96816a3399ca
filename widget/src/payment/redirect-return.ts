import type { Appointment, MaisClient } from '@mais/sdk';
import type { RequestController } from '../controllers/request.controller.ts';
import type { Failure } from '../errors/failure.ts';
import type { Translation } from '../i18n/translation.ts';

/** What confirming a booking on the way back from Stripe needs of `<mais-booking>`'s manage view. */
export interface ReturnHost {
  /** The manage link's booking, as loaded. */
  appointment: Appointment | null;
  /** The manage link's token. */
  readonly token: string;
  /** A line on the manage view (a reactive property). */
  notice: string;
  readonly l10n: { readonly t: Translation };
  readonly sdk: MaisClient;
  readonly submit: RequestController;
  readonly stepFocus: { announce(text: string): void };
  failureMessage(failure: Failure): string;
}

/** What Stripe adds to the return_url: the intent's id and client secret, and `redirect_status`. */
const STRIPE_PARAMS = /^(payment_intent|setup_intent|redirect_status)/;

/**
 * Back from a payment method that left the page (a bank's own site), paying or saving a card:
 * Stripe returns to the return_url, the manage link, with its parameters added. A booking still
 * PENDING is confirmed from here once (confirm-payment reads the intent back from Stripe, as after
 * a payment in the widget), without waiting for Stripe's webhook, and the result is said on the
 * manage view. Stripe's parameters leave the address bar first, so a reload or a copied link
 * neither asks again nor carries the client secret.
 */
export async function confirmReturn(host: ReturnHost): Promise<void> {
  const url = new URL(location.href);
  const params = url.searchParams;
  const setup = params.has('setup_intent_client_secret');
  const succeeded = params.get('redirect_status') === 'succeeded';
  for (const key of [...params.keys()]) if (STRIPE_PARAMS.test(key)) params.delete(key);
  history.replaceState(history.state, '', url.href);
  const { appointment, l10n } = host;
  if (!succeeded || appointment?.status !== 'PENDING') return;
  const confirmed = await host.submit.run(() =>
    host.sdk.appointments.confirmPayment(appointment.id, host.token),
  );
  if (!confirmed) {
    // Reported already (mais:error, the live region); Stripe's webhook confirms the booking later.
    const failure = host.submit.failure;
    if (failure) host.notice = host.failureMessage(failure);
    return;
  }
  host.appointment = confirmed;
  const { t } = l10n;
  // Still PENDING: a method that settles later, or Stripe not done yet (the webhook confirms it).
  const pending = setup ? t.cardPending : t.paymentPending;
  host.notice = confirmed.status === 'CONFIRMED' ? t.booked : confirmed.status === 'PENDING' ? pending : '';
  if (host.notice) host.stepFocus.announce(host.notice);
}
