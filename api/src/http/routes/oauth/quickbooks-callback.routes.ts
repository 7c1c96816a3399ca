import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QUICKBOOKS_CALLBACK_PATH } from '../../../adapters/quickbooks/quickbooks-client.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { QuickBooksCallbackQuerySchema } from '../../../schemas/quickbooks.schemas.ts';
import { completeQuickBooksConnection } from '../../../use-cases/quickbooks/complete-quickbooks-connection.ts';
import { quickbooksServices } from '../../../use-cases/quickbooks/quickbooks-services.ts';
import { oauthCallbackLogSerializers, sendConnectedPage } from '../../oauth-callback-page.ts';

/**
 * GET /v1/oauth/quickbooks/callback: where Intuit sends the browser after the authorize page. No
 * API key (a browser coming back from Intuit has none): the single-use `state` we issued is what
 * ties it to a tenant. The URL carries the authorization code, so the request's log line keeps
 * `code` and `state` out.
 */
export const quickbooksCallbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(QUICKBOOKS_CALLBACK_PATH, {
    logSerializers: oauthCallbackLogSerializers,
    config: { noStore: true },
    schema: {
      tags: ['QuickBooks'],
      summary: "Intuit's consent comes back (the browser)",
      description:
        'Called by Intuit, not by API clients. Exchanges the code, keeps the tokens sealed with the company ' +
        '(realmId); answers a small HTML page. A state that is forged, expired (10 minutes) or used before: ' +
        '400 invalid_oauth_state; declined or no company: 400 oauth_denied; nothing is stored then.',
      querystring: QuickBooksCallbackQuerySchema,
      response: {
        200: z.string().meta({ description: 'An HTML page saying QuickBooks is connected.' }),
        400: ErrorResponse,
        409: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request, reply) => {
      await completeQuickBooksConnection(
        app.db,
        quickbooksServices(app.config, app.now, request.log),
        request.query,
      );
      return sendConnectedPage(
        reply,
        'QuickBooks connected',
        'Payments and refunds are now sent to QuickBooks as sales receipts and refund receipts. You can close this window.',
      );
    },
  });
};
