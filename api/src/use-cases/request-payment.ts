import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { PaymentGatewayUnavailableError, type PaymentGateway } from '../adapters/payments/payment-gateway.ts';
import { ServiceBusyError } from '../domain/errors.ts';
import { cardRequestAtBooking } from '../domain/payments/card-request.ts';
import { platformFeeCents } from '../domain/payments/platform-fee.ts';
import type { AppointmentDto } from '../schemas/appointment.schemas.ts';

/** What the browser needs to take the card: Stripe.js on the tenant's account, for this intent. */
export interface PaymentRequestDto {
  clientSecret: string;
  publishableKey: string;
  stripeAccount: string;
  amountCents: number;
  currency: string;
  kind: 'payment' | 'setup';
}

/**
 * What a held booking asks of the client's card (domain/payments/card-request.ts): a
 * PaymentIntent for what is due at booking, the card kept on a Stripe customer when something may
 * be charged later; or, with nothing to pay now and a no-show fee agreed, a SetupIntent that only
 * saves the card. Called after the booking committed, outside its lock and transaction, so a slow
 * Stripe never holds a slot's lock. Every Stripe object's idempotency key comes from the
 * appointment, so a retried booking (the same Idempotency-Key finds the same appointment) gets the
 * same customer and intent back, never a second one.
 *
 * null when nothing is asked of the card: nothing to pay or keep, or no card payments on this
 * platform or for this tenant (paid at the appointment).
 */
export async function requestPayment(
  scope: TenantScope,
  gateway: PaymentGateway | null,
  appointment: AppointmentDto,
  options: { platformFeePercent: number; now: Date },
): Promise<PaymentRequestDto | null> {
  if (!gateway || appointment.status !== 'PENDING') return null;
  const asked = cardRequestAtBooking(appointment);
  if (!asked) return null;
  const account = await scope.payments.connectedAccount();
  if (!account) return null;
  const common = {
    publishableKey: gateway.publishableKey,
    stripeAccount: account,
    currency: appointment.currency,
  };
  const key = `appointment-${appointment.id}`;
  try {
    const customerId =
      asked.kind === 'setup' || asked.keepCard
        ? await gateway.createCustomer(account, {
            email: appointment.client.email,
            name: appointment.client.name,
            appointmentId: appointment.id,
            idempotencyKey: `${key}-customer`,
          })
        : null;
    if (asked.kind === 'setup') {
      const intent = await gateway.createSetupIntent(account, {
        appointmentId: appointment.id,
        tenantId: scope.tenantId,
        customerId: customerId!,
        idempotencyKey: `${key}-setup`,
      });
      await scope.appointmentWrites.recordCardRequest(appointment.id, {
        customerId: customerId!,
        setupIntentId: intent.id,
      });
      return { ...common, clientSecret: intent.clientSecret, amountCents: 0, kind: 'setup' };
    }
    const intent = await gateway.createPaymentIntent(account, {
      appointmentId: appointment.id,
      tenantId: scope.tenantId,
      amountCents: asked.amountCents,
      currency: appointment.currency,
      applicationFeeCents: platformFeeCents(asked.amountCents, options.platformFeePercent),
      receiptEmail: appointment.client.email,
      saveCardFor: customerId,
      idempotencyKey: `${key}-payment`,
    });
    await recordRequested(scope, appointment, intent.id, asked.amountCents, customerId, options.now);
    return { ...common, clientSecret: intent.clientSecret, amountCents: asked.amountCents, kind: 'payment' };
  } catch (error) {
    if (!(error instanceof PaymentGatewayUnavailableError)) throw error;
    // The hold stays: retrying the booking with the same Idempotency-Key finds it and asks again.
    throw new ServiceBusyError('The card processor did not answer; try again in a moment.', 5, error);
  }
}

/** The payment row of the intent and its PAYMENT_REQUESTED event, once however often it is asked. */
async function recordRequested(
  scope: TenantScope,
  appointment: AppointmentDto,
  paymentIntentId: string,
  amountCents: number,
  customerId: string | null,
  now: Date,
): Promise<void> {
  await scope.transaction(async (tx) => {
    if (customerId) await tx.appointmentWrites.recordCardRequest(appointment.id, { customerId });
    const { created } = await tx.payments.recordRequested({
      appointmentId: appointment.id,
      kind: amountCents < appointment.totalAmountCents ? 'DEPOSIT' : 'FULL',
      amountCents,
      currency: appointment.currency,
      stripePaymentIntentId: paymentIntentId,
      now,
    });
    if (created) {
      await tx.appointmentWrites.recordPaymentEvent(appointment.id, 'PAYMENT_REQUESTED', 'system', now, {
        paymentIntentId,
        amountCents,
        currency: appointment.currency,
      });
    }
  });
}
