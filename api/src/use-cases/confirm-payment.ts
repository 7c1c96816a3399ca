import { toAppointmentDto } from '../adapters/db/repositories/appointments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { InvalidStateError, PaymentsNotConfiguredError, ServiceBusyError } from '../domain/errors.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';
import { settleSetupIntent } from './save-card.ts';
import { settlePaymentIntent } from './settle-payment.ts';

/**
 * The client's "I have paid": reads the booking's PaymentIntent back from Stripe (never trusting
 * the browser) and, when it succeeded, settles it (settle-payment.ts), so a booking is confirmed
 * even when Stripe's webhook is late or lost. An intent still processing or declined leaves the
 * booking as it is; the answer shows it (status PENDING, paymentStatus AWAITING_PAYMENT).
 * A booking that only kept a card (a SetupIntent, for a no-show fee) is confirmed the same way
 * once the SetupIntent succeeded (save-card.ts).
 */
export async function confirmPayment(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  target: { id: string; tokenHash: string },
  now: Date,
): Promise<AppointmentDto> {
  const appointment = await scope.appointments.record(target.id, target.tokenHash);
  if (!gateway) throw new PaymentsNotConfiguredError();
  const [payment, account] = await Promise.all([
    scope.payments.awaiting(appointment.id),
    scope.payments.connectedAccount(),
  ]);
  if (!payment && appointment.stripeSetupIntentId && account) {
    if (appointment.stripePaymentMethodId) return toAppointmentDto(appointment);
    const intent = await fromStripe(() =>
      gateway.retrieveSetupIntent(account, appointment.stripeSetupIntentId!),
    );
    return (await settleSetupIntent(scope, intent, now)) ?? toAppointmentDto(appointment);
  }
  if (!payment?.stripePaymentIntentId || !account)
    throw new InvalidStateError('No card payment was asked for this booking.');
  const live = appointment.status === 'PENDING' || appointment.status === 'CONFIRMED';
  // Settled by a request that ran alongside: the booking as that settlement left it (same commit).
  if (payment.status === 'SUCCEEDED' && live)
    return toAppointmentDto(await scope.appointments.record(target.id, target.tokenHash));
  const intent = await fromStripe(() =>
    gateway.retrievePaymentIntent(account, payment.stripePaymentIntentId!),
  );
  if (intent.state !== 'succeeded') return toAppointmentDto(appointment);
  return settlePaymentIntent(scope, gateway, account, intent, now);
}

async function fromStripe<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof PaymentGatewayUnavailableError)
      throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
    throw error;
  }
}
