import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { PublicServiceListSchema } from '../../../schemas/public-catalog.schemas.ts';
import { PublicTenantSchema } from '../../../schemas/tenant.schemas.ts';

const tags = ['Public catalog'];
const security = [{ publishableKey: [] }];

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tenant', {
    schema: {
      tags,
      security,
      summary: "The business's name, time zone, currency and branding",
      response: { 200: PublicTenantSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { name, timezone, currency, branding } = await request.scope.tenant.get();
      return { name, timezone, currency, branding };
    },
  });

  app.get('/services', {
    schema: {
      tags,
      security,
      summary: 'Active services with their providers and intake form',
      description: 'Every active service in one page (nextCursor is always null), ordered by sortOrder.',
      response: { 200: PublicServiceListSchema, ...authenticatedErrors },
    },
    handler: async (request) => ({
      data: await request.scope.publicCatalog.listServices(),
      nextCursor: null,
    }),
  });
};
