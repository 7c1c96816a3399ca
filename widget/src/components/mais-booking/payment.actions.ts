import type { Appointment } from '@mais/sdk';
import { MaisPaidEvent } from '../../events/events.ts';
import { loadPaymentModule } from '../../payment/payment-chunk.ts';
import type { MaisBooking } from './mais-booking.component.ts';

/**
 * The payment step of a booking to be paid by card (its answer has `payment`): the step's code, and
 * then Stripe.js, load now and only now (payment-chunk.ts); the card form and the payment are the
 * payment module's (payment-form.ts).
 */
export async function startPayment(host: MaisBooking): Promise<void> {
  host.pay = { loading: true };
  try {
    (await loadPaymentModule()).startPayment(host, (appointment) => paid(host, appointment));
  } catch (error) {
    console.warn('[mais-booking] The payment step could not be loaded.', error);
    const message = host.l10n.t.paymentUnavailable;
    host.pay = { message, retry: () => void startPayment(host) };
    host.stepFocus.announce(message);
  }
}

/** Paid and confirmed by the API: the confirmation, now with the calendar links. */
function paid(host: MaisBooking, appointment: Appointment): void {
  const booked = host.booked!;
  const { amountCents, currency } = booked.payment!;
  host.booked = { ...booked, appointment };
  host.go('confirmation');
  host.dispatchEvent(new MaisPaidEvent({ appointmentId: appointment.id, amountCents, currency }));
}

/**
 * The manage link opened by Stripe on the way back from a payment method that left the page (a
 * bank's own site): the payment module confirms the booking (payment/redirect-return.ts). Should
 * it not load, Stripe's webhook confirms the booking all the same.
 */
export async function confirmReturn(host: MaisBooking): Promise<void> {
  try {
    await (await loadPaymentModule()).confirmReturn(host);
  } catch (error) {
    console.warn('[mais-booking] The payment step could not be loaded.', error);
  }
}
