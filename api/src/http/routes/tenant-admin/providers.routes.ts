import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  CreateProviderBodySchema,
  ProviderListQuery,
  ProviderSchema,
  SetProviderServicesBodySchema,
  UpdateProviderBodySchema,
} from '../../../schemas/provider.schemas.ts';

const tags = ['Providers'];
const security = [{ secretKey: [] }];

export const providersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/providers', {
    schema: {
      tags,
      security,
      summary: 'Create a provider',
      body: CreateProviderBodySchema,
      response: { 201: ProviderSchema, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const provider = await request.scope.providers.create(request.body);
      return reply.status(201).send(provider);
    },
  });

  app.get('/providers', {
    schema: {
      tags,
      security,
      summary: 'List providers',
      querystring: ProviderListQuery,
      response: { 200: pageOf(ProviderSchema), ...authenticatedErrors },
    },
    handler: async (request) => {
      const { active, ...page } = request.query;
      return request.scope.providers.list({
        ...page,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  });

  app.get('/providers/:id', {
    // A provider session may read its own profile (the console's own page); changing it stays manager+.
    config: { access: 'provider', owns: 'providerParam' },
    schema: {
      tags,
      security,
      summary: 'Get a provider',
      params: IdParams,
      response: { 200: ProviderSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.providers.get(request.params.id),
  });

  app.patch('/providers/:id', {
    schema: {
      tags,
      security,
      summary: 'Update a provider',
      params: IdParams,
      body: UpdateProviderBodySchema,
      response: { 200: ProviderSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.providers.update(request.params.id, request.body),
  });

  app.delete('/providers/:id', {
    schema: {
      tags,
      security,
      summary: 'Deactivate a provider',
      description: 'Providers are never deleted (appointments refer to them): this stops new bookings.',
      params: IdParams,
      response: { 200: ProviderSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.providers.deactivate(request.params.id),
  });

  app.put('/providers/:id/services', {
    schema: {
      tags,
      security,
      summary: 'Set the services a provider offers',
      description: 'Replaces the whole list at once; an unknown serviceId changes nothing and answers 404.',
      params: IdParams,
      body: SetProviderServicesBodySchema,
      response: { 200: ProviderSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.providers.setServices(request.params.id, request.body),
  });
};
