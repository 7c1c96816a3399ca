import type { FastifyContextConfig } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  AvailabilityOverrideListQuery,
  AvailabilityOverrideSchema,
  AvailabilityRulesResponseSchema,
  CreateAvailabilityOverrideBodySchema,
  PutAvailabilityBodySchema,
} from '../../../schemas/availability.schemas.ts';

const tags = ['Availability'];
const security = [{ secretKey: [] }];

const PROVIDER_OWN: FastifyContextConfig = { access: 'provider', owns: 'providerParam' };

const owners = [
  { path: 'providers', field: 'providerId', noun: 'provider', other: 'serviceId' },
  { path: 'services', field: 'serviceId', noun: 'service', other: 'providerId' },
] as const;

export const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const owner of owners) {
    app.get(`/${owner.path}/:id/availability`, {
      // A provider session may read and replace its own rules (not a service's).
      config: owner.path === 'providers' ? PROVIDER_OWN : {},
      schema: {
        tags,
        security,
        summary: `Get a ${owner.noun}'s weekly availability rules`,
        params: IdParams,
        response: { 200: AvailabilityRulesResponseSchema, ...authenticatedErrors },
      },
      handler: async (request) => ({
        data: await request.scope.availabilityRules.list({ field: owner.field, id: request.params.id }),
      }),
    });

    app.put(`/${owner.path}/:id/availability`, {
      // A provider session may read and replace its own rules (not a service's).
      config: owner.path === 'providers' ? PROVIDER_OWN : {},
      schema: {
        tags,
        security,
        summary: `Replace a ${owner.noun}'s weekly availability rules`,
        description:
          `Replaces, in one transaction, every rule whose ${owner.field} is the path id. ` +
          `In the body ${owner.field} may be omitted or must equal the path id; ${owner.other} is optional.`,
        params: IdParams,
        body: PutAvailabilityBodySchema,
        response: { 200: AvailabilityRulesResponseSchema, ...authenticatedErrors },
      },
      handler: async (request) => ({
        data: await request.scope.availabilityRules.replace(
          { field: owner.field, id: request.params.id },
          request.body,
        ),
      }),
    });
  }

  app.post('/availability-overrides', {
    config: { access: 'provider', owns: 'overrideBody' },
    schema: {
      tags,
      security,
      summary: 'Close a day or set special hours on it',
      description:
        'Either `closed: true` without times (a holiday or blackout), or startTime and endTime that replace ' +
        'the weekly hours that day. Without providerId it applies to the whole business.',
      body: CreateAvailabilityOverrideBodySchema,
      response: { 201: AvailabilityOverrideSchema, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const override = await request.scope.availabilityOverrides.create(request.body);
      return reply.status(201).send(override);
    },
  });

  app.get('/availability-overrides', {
    config: { access: 'provider', owns: 'overrideList' },
    schema: {
      tags,
      security,
      summary: 'List availability overrides',
      querystring: AvailabilityOverrideListQuery,
      response: { 200: pageOf(AvailabilityOverrideSchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.availabilityOverrides.list(request.query),
  });

  app.delete('/availability-overrides/:id', {
    config: { access: 'provider', owns: 'overrideParam' },
    schema: {
      tags,
      security,
      summary: 'Delete an availability override',
      params: IdParams,
      response: { 204: z.null().meta({ description: 'Deleted.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await request.scope.availabilityOverrides.delete(request.params.id);
      return reply.status(204).send(null);
    },
  });
};
