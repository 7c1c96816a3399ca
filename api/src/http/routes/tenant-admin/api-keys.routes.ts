import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
} from '../../../schemas/api-key.schemas.ts';
import { authenticatedErrors, ErrorResponse, IdParams, ListQuery, pageOf } from '../../../schemas/common.ts';

const tags = ['API keys'];
const security = [{ secretKey: [] }];

export const apiKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api-keys', {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: 'List API keys (without their secrets)',
      querystring: ListQuery,
      response: { 200: pageOf(ApiKeySchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.apiKeys.list(request.query),
  });

  app.post('/api-keys', {
    // The answer holds the whole key (plugins/security-headers.ts; every admin route has it anyway).
    config: { noStore: true, access: 'owner' },
    schema: {
      tags,
      security,
      summary: 'Create an API key',
      description: 'The answer holds the whole key once; only its hash is kept.',
      body: CreateApiKeyBodySchema,
      response: { 201: CreatedApiKeySchema, ...authenticatedErrors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await request.scope.apiKeys.create(request.body)),
  });

  app.delete('/api-keys/:id', {
    config: { access: 'owner' },
    schema: {
      tags,
      security,
      summary: 'Revoke an API key',
      description: 'Takes effect at once. The last active secret key of a mode cannot be revoked (409).',
      params: IdParams,
      response: { 200: ApiKeySchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.apiKeys.revoke(request.params.id, new Date()),
  });
};
