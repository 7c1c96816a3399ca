import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { ServiceBusyError } from '../domain/errors.ts';
import { platformFeeCents } from '../domain/payments/platform-fee.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/** What the browser needs to take the card: Stripe.js on the tenant's account, for this intent. */
export interface PaymentRequestDto {
  clientSecret: string;
  publishableKey: string;
  stripeAccount: string;
  amountCents: number;
  currency: string;
}

/**
 * The PaymentIntent of a held booking (PENDING, AWAITING_PAYMENT), for what is due at booking:
 * the deposit, or the full price. Called after the booking committed, outside its lock and
 * transaction, so a slow Stripe never holds a slot's lock. The intent's idempotency key comes
 * from the appointment, so a retried booking (the same Idempotency-Key finds the same
 * appointment) gets the same intent back, never a second one.
 *
 * null when nothing is to be paid by card: a free service, or no card payments on this platform
 * or for this tenant (paid at the appointment).
 */
export async function requestPayment(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  appointment: AppointmentDto,
  options: { platformFeePercent: number; now: Date },
): Promise<PaymentRequestDto | null> {
  if (!gateway || appointment.status !== 'PENDING' || appointment.paymentStatus !== 'AWAITING_PAYMENT')
    return null;
  const account = await scope.payments.connectedAccount();
  if (!account) return null;
  const amountCents = appointment.depositAmountCents;
  let intent;
  try {
    intent = await gateway.createPaymentIntent(account, {
      appointmentId: appointment.id,
      tenantId: scope.tenantId,
      amountCents,
      currency: appointment.currency,
      applicationFeeCents: platformFeeCents(amountCents, options.platformFeePercent),
      receiptEmail: appointment.client.email,
      saveCard: false,
      idempotencyKey: `appointment-${appointment.id}-payment`,
    });
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    // The hold stays: retrying the booking with the same Idempotency-Key finds it and asks again.
    throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
  }
  await scope.transaction(async (tx) => {
    const { created } = await tx.payments.recordRequested({
      appointmentId: appointment.id,
      kind: amountCents < appointment.totalAmountCents ? 'DEPOSIT' : 'FULL',
      amountCents,
      currency: appointment.currency,
      stripePaymentIntentId: intent.id,
      now: options.now,
    });
    if (created) {
      await tx.appointmentWrites.recordPaymentEvent(
        appointment.id,
        'PAYMENT_REQUESTED',
        'system',
        options.now,
        {
          paymentIntentId: intent.id,
          amountCents,
          currency: appointment.currency,
        },
      );
    }
  });
  return {
    clientSecret: intent.clientSecret,
    publishableKey: gateway.publishableKey,
    stripeAccount: account,
    amountCents,
    currency: appointment.currency,
  };
}
