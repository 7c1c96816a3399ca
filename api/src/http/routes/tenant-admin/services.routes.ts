import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  CreateServiceBodySchema,
  ServiceListQuery,
  ServiceSchema,
  UpdateServiceBodySchema,
} from '../../../schemas/service.schemas.ts';

const tags = ['Services'];
const security = [{ secretKey: [] }];

export const servicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/services', {
    schema: {
      tags,
      security,
      summary: 'Create a service',
      body: CreateServiceBodySchema,
      response: { 201: ServiceSchema, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const service = await request.scope.services.create(request.body, request.auth!.tenant.currency);
      return reply.status(201).send(service);
    },
  });

  app.get('/services', {
    schema: {
      tags,
      security,
      summary: 'List services',
      querystring: ServiceListQuery,
      response: { 200: pageOf(ServiceSchema), ...authenticatedErrors },
    },
    handler: async (request) => {
      const { active, ...page } = request.query;
      return request.scope.services.list({
        ...page,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  });

  app.get('/services/:id', {
    schema: {
      tags,
      security,
      summary: 'Get a service',
      params: IdParams,
      response: { 200: ServiceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.services.get(request.params.id),
  });

  app.patch('/services/:id', {
    schema: {
      tags,
      security,
      summary: 'Update a service',
      params: IdParams,
      body: UpdateServiceBodySchema,
      response: { 200: ServiceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.services.update(request.params.id, request.body),
  });

  app.delete('/services/:id', {
    schema: {
      tags,
      security,
      summary: 'Deactivate a service',
      description: 'Services are never deleted (appointments refer to them): this hides it from booking.',
      params: IdParams,
      response: { 200: ServiceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.services.deactivate(request.params.id),
  });
};
