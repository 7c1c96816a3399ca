import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, ErrorResponse, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  CreateLocationBodySchema,
  LocationListQuery,
  LocationSchema,
  UpdateLocationBodySchema,
} from '../../../schemas/location.schemas.ts';

const tags = ['Locations'];
const security = [{ secretKey: [] }];

/** Locations: manager and owner only (no `access` declared), like resources. */
export const locationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/locations', {
    schema: {
      tags,
      security,
      summary: 'Create a location',
      description: 'A place where services are performed. 409 conflict when another location has the name.',
      body: CreateLocationBodySchema,
      response: { 201: LocationSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const location = await request.scope.locations.create(request.body);
      return reply.status(201).send(location);
    },
  });

  app.get('/locations', {
    schema: {
      tags,
      security,
      summary: 'List locations',
      querystring: LocationListQuery,
      response: { 200: pageOf(LocationSchema), ...authenticatedErrors },
    },
    handler: async (request) => {
      const { active, ...page } = request.query;
      return request.scope.locations.list({
        ...page,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  });

  app.get('/locations/:id', {
    schema: {
      tags,
      security,
      summary: 'Get a location',
      params: IdParams,
      response: { 200: LocationSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.locations.get(request.params.id),
  });

  app.patch('/locations/:id', {
    schema: {
      tags,
      security,
      summary: 'Update a location',
      params: IdParams,
      body: UpdateLocationBodySchema,
      response: { 200: LocationSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.locations.update(request.params.id, request.body),
  });

  app.delete('/locations/:id', {
    schema: {
      tags,
      security,
      summary: 'Delete a location',
      description:
        'Only a location no service names (409 location_in_use otherwise: deactivate it with PATCH active: false).',
      params: IdParams,
      response: {
        204: z.null().meta({ description: 'Deleted.' }),
        409: ErrorResponse,
        ...authenticatedErrors,
      },
    },
    handler: async (request, reply) => {
      await request.scope.locations.delete(request.params.id);
      return reply.status(204).send(null);
    },
  });
};
