import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  CreateResourceBodySchema,
  ResourceListQuery,
  ResourceSchema,
  UpdateResourceBodySchema,
} from '../../../schemas/resource.schemas.ts';

const tags = ['Resources'];
const security = [{ secretKey: [] }];

export const resourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/resources', {
    schema: {
      tags,
      security,
      summary: 'Create a resource',
      body: CreateResourceBodySchema,
      response: { 201: ResourceSchema, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const resource = await request.scope.resources.create(request.body);
      return reply.status(201).send(resource);
    },
  });

  app.get('/resources', {
    schema: {
      tags,
      security,
      summary: 'List resources',
      querystring: ResourceListQuery,
      response: { 200: pageOf(ResourceSchema), ...authenticatedErrors },
    },
    handler: async (request) => {
      const { active, ...page } = request.query;
      return request.scope.resources.list({
        ...page,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  });

  app.get('/resources/:id', {
    schema: {
      tags,
      security,
      summary: 'Get a resource',
      params: IdParams,
      response: { 200: ResourceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.resources.get(request.params.id),
  });

  app.patch('/resources/:id', {
    schema: {
      tags,
      security,
      summary: 'Update a resource',
      params: IdParams,
      body: UpdateResourceBodySchema,
      response: { 200: ResourceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.resources.update(request.params.id, request.body),
  });

  app.delete('/resources/:id', {
    schema: {
      tags,
      security,
      summary: 'Deactivate a resource',
      description: 'Resources are never deleted (appointments refer to them): this stops new bookings.',
      params: IdParams,
      response: { 200: ResourceSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.resources.deactivate(request.params.id),
  });
};
