import { z } from 'zod';
import { SafeText } from './text.ts';

/**
 * A tenant's Stripe settings: the connected account its clients' cards are charged on
 * (api/README.md, Decisions: direct charges on the tenant's account).
 */

/** Stripe's account ids: "acct_" and up to 64 letters and digits (the column has the same CHECK). */
export const StripeAccountId = SafeText.regex(/^acct_[A-Za-z0-9]{1,64}$/, {
  message: 'must be a Stripe account id "acct_…"',
}).meta({ example: 'acct_1Nv0FGQ9RKHgCVdK' });

export const ConnectStripeAccountBodySchema = z.object({ accountId: StripeAccountId }).strict();
export type ConnectStripeAccountBody = z.infer<typeof ConnectStripeAccountBodySchema>;

export const ConnectedStripeAccountSchema = z
  .object({
    accountId: z.string(),
    chargesEnabled: z
      .boolean()
      .meta({ description: 'Whether Stripe lets the account take card payments yet (onboarding done).' }),
    country: z.string().nullable().meta({ example: 'DE' }),
    defaultCurrency: z.string().nullable().meta({ example: 'EUR' }),
  })
  .meta({ id: 'ConnectedStripeAccount' });
export type ConnectedStripeAccountDto = z.infer<typeof ConnectedStripeAccountSchema>;

export const PaymentMode = z
  .enum(['card', 'venue'])
  .meta({ description: 'card: paid online by card; venue: paid at the appointment.' });
export type PaymentModeDto = z.infer<typeof PaymentMode>;

export const StripeSettingsSchema = z
  .object({
    accountId: z.string().nullable().meta({ description: 'The connected account; null when none is.' }),
    paymentsEnabled: z
      .boolean()
      .meta({ description: 'Stripe is set up on the platform and the tenant has connected an account.' }),
    mode: PaymentMode,
  })
  .meta({ id: 'StripeSettings' });
export type StripeSettingsDto = z.infer<typeof StripeSettingsSchema>;
