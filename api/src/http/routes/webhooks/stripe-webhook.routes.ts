import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyStripeEvent } from '../../../adapters/payments/stripe-webhooks.ts';
import { PaymentsNotConfiguredError } from '../../../domain/errors.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { handleStripeEvent } from '../../../use-cases/handle-stripe-event.ts';

/** Stripe's events can outgrow the API's 64 KB body limit (a charge with its refunds, a dispute's evidence). */
const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

const StripeWebhookAnswerSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.literal(true).optional().meta({ description: 'The event was handled before.' }),
    ignored: z.literal(true).optional().meta({ description: 'Nothing for us: acknowledged.' }),
  })
  .meta({ id: 'StripeWebhookAnswer' });

/**
 * /v1/webhooks: called by Stripe, not by clients, so no API key (the tenant-auth hooks belong to
 * /v1/public and /v1/tenant-admin only); the signature is the authentication. Its JSON parser,
 * which keeps the raw bytes the signature covers, applies in this plugin's scope only.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/stripe', {
    bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
    schema: {
      tags: ['Webhooks'],
      summary: "Stripe's events (payments, refunds, disputes on tenants' connected accounts)",
      description:
        'For Stripe only: the body is verified against `Stripe-Signature` with STRIPE_WEBHOOK_SECRET ' +
        '(400 `invalid_signature` otherwise; 409 `payments_not_configured` without Stripe). Each event ' +
        'is handled once: a repeat answers `duplicate: true`. 503 when it cannot be handled yet (Stripe ' +
        'delivers it again later).',
      response: {
        200: StripeWebhookAnswerSchema,
        400: ErrorResponse,
        409: ErrorResponse,
        413: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request) => {
      const secret = app.config.STRIPE_WEBHOOK_SECRET;
      if (!secret || !app.payments) throw new PaymentsNotConfiguredError();
      const now = app.now();
      const event = verifyStripeEvent(request.body as Buffer, request.headers['stripe-signature'], secret);
      const outcome = await handleStripeEvent(app.db, app.payments, event, { now, log: request.log });
      if (outcome === 'duplicate') return { received: true as const, duplicate: true as const };
      if (outcome === 'ignored') return { received: true as const, ignored: true as const };
      return { received: true as const };
    },
  });
};
