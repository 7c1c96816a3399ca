import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import {
  ConnectedStripeAccountSchema,
  ConnectStripeAccountBodySchema,
  StripeSettingsSchema,
} from '../../../schemas/stripe-settings.schemas.ts';
import {
  connectStripeAccount,
  disconnectStripeAccount,
  stripeSettings,
} from '../../../use-cases/connect-stripe-account.ts';

const tags = ['Tenant'];
const security = [{ secretKey: [] }];

/** /settings/stripe: the tenant's own Stripe account, on which its clients' cards are charged. */
export const stripeSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings/stripe', {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: "Get the tenant's Stripe account and payment mode",
      description:
        'mode is card when the platform has Stripe set up and the tenant has connected an account; ' +
        'otherwise venue (paid at the appointment).',
      response: { 200: StripeSettingsSchema, ...authenticatedErrors },
    },
    handler: async (request) => stripeSettings(request.scope, app.payments),
  });

  app.put('/settings/stripe', {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: "Connect the tenant's Stripe account",
      description:
        'The account is retrieved from Stripe first: 400 when the platform cannot reach it, 409 ' +
        'conflict when another tenant has connected it, 409 payments_not_configured without Stripe on ' +
        'the platform, 503 (with Retry-After) when Stripe does not answer. Nothing is stored on an error.',
      body: ConnectStripeAccountBodySchema,
      response: {
        200: ConnectedStripeAccountSchema,
        ...authenticatedErrors,
        409: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request) => connectStripeAccount(request.scope, app.payments, request.body.accountId),
  });

  app.delete('/settings/stripe', {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: "Disconnect the tenant's Stripe account",
      description: 'Paid services are then paid at the appointment. 204 also when none was connected.',
      response: { 204: z.void().meta({ description: 'Disconnected.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await disconnectStripeAccount(request.scope);
      return reply.status(204).send();
    },
  });
};
