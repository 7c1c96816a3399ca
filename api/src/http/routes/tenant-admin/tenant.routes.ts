import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors } from '../../../schemas/common.ts';
import { TenantSchema, UpdateTenantBodySchema } from '../../../schemas/tenant.schemas.ts';

const tags = ['Tenant'];
const security = [{ secretKey: [] }];

export const tenantSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tenant', {
    schema: {
      tags,
      security,
      summary: "Get the tenant's settings",
      response: { 200: TenantSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.tenant.get(),
  });

  app.patch('/tenant', {
    schema: {
      tags,
      security,
      summary: "Update the tenant's settings",
      description:
        'allowedOrigins limits which web sites may call the public routes from a browser; empty = any.',
      body: UpdateTenantBodySchema,
      response: { 200: TenantSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.tenant.update(request.body),
  });
};
