import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import {
  PaymentGatewayRefusedError,
  PaymentGatewayUnavailableError,
  type PaymentGateway,
} from '../adapters/payments/payment-gateway.ts';
import { PaymentsNotConfiguredError, ServiceBusyError, ValidationError } from '../domain/errors.ts';
import type { ConnectedStripeAccountDto, StripeSettingsDto } from '../schemas/stripe-settings.schemas.ts';

/** Seconds a client should wait before retrying when Stripe did not answer. */
const STRIPE_RETRY_AFTER_SECONDS = 2;

/**
 * Connects the tenant's own Stripe account: cards are charged on it (direct charges). The account
 * is retrieved first, so only an account the platform can reach is stored; nothing is stored when
 * Stripe refuses or does not answer. `payments` is null when the platform has no STRIPE_SECRET_KEY.
 */
export async function connectStripeAccount(
  scope: Pick<TenantScope, 'tenant'>,
  payments: PaymentGateway | null,
  accountId: string,
): Promise<ConnectedStripeAccountDto> {
  if (!payments) throw new PaymentsNotConfiguredError();
  const account = await retrieve(payments, accountId);
  await scope.tenant.connectStripeAccount(account.id);
  return {
    accountId: account.id,
    chargesEnabled: account.chargesEnabled,
    country: account.country,
    defaultCurrency: account.defaultCurrency,
  };
}

/** The connected account and how the tenant's clients pay: by card, or at the appointment. */
export async function stripeSettings(
  scope: Pick<TenantScope, 'tenant'>,
  payments: PaymentGateway | null,
): Promise<StripeSettingsDto> {
  const accountId = await scope.tenant.stripeAccountId();
  const paymentsEnabled = payments !== null && accountId !== null;
  return { accountId, paymentsEnabled, mode: paymentsEnabled ? 'card' : 'venue' };
}

/** Forgets the connected account: paid services are then paid at the appointment. */
export async function disconnectStripeAccount(scope: Pick<TenantScope, 'tenant'>): Promise<void> {
  await scope.tenant.disconnectStripeAccount();
}

async function retrieve(payments: PaymentGateway, accountId: string) {
  try {
    return await payments.retrieveAccount(accountId);
  } catch (error) {
    // Stripe's own message is not passed on: it is about the platform's account, not the client's.
    if (error instanceof PaymentGatewayRefusedError) {
      throw new ValidationError('Invalid body.', [
        { path: 'accountId', message: 'is not a Stripe account this platform can reach' },
      ]);
    }
    if (error instanceof PaymentGatewayUnavailableError) {
      throw new ServiceBusyError(
        'Stripe did not answer. Please retry in a moment.',
        STRIPE_RETRY_AFTER_SECONDS,
        error,
      );
    }
    throw error;
  }
}
