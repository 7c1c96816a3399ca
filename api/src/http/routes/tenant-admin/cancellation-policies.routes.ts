import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CancellationPolicySchema,
  PutCancellationPolicyBodySchema,
} from '../../../schemas/cancellation-policy.schemas.ts';
import { authenticatedErrors, IdParams } from '../../../schemas/common.ts';

const tags = ['Cancellation policies'];
const security = [{ secretKey: [] }];

export const cancellationPoliciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/cancellation-policy', {
    schema: {
      tags,
      security,
      summary: "Get the tenant's default cancellation policy",
      description: 'Applies to every service without a policy of its own. 404 when none is set.',
      response: { 200: CancellationPolicySchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.cancellationPolicies.get(null),
  });

  app.put('/cancellation-policy', {
    schema: {
      tags,
      security,
      summary: "Set the tenant's default cancellation policy",
      description: 'Replaces all tiers, and the reschedule limit when `rescheduleAllowedUntilHours` is sent.',
      body: PutCancellationPolicyBodySchema,
      response: { 200: CancellationPolicySchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.cancellationPolicies.put(null, request.body),
  });

  app.get('/services/:id/cancellation-policy', {
    schema: {
      tags,
      security,
      summary: "Get a service's own cancellation policy",
      description: '404 when the service has none (the tenant default then applies).',
      params: IdParams,
      response: { 200: CancellationPolicySchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.cancellationPolicies.get(request.params.id),
  });

  app.put('/services/:id/cancellation-policy', {
    schema: {
      tags,
      security,
      summary: "Set a service's own cancellation policy",
      description:
        'Overrides the tenant default for this service (tiers and reschedule limit). Replaces all tiers, ' +
        'and the reschedule limit when `rescheduleAllowedUntilHours` is sent.',
      params: IdParams,
      body: PutCancellationPolicyBodySchema,
      response: { 200: CancellationPolicySchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.cancellationPolicies.put(request.params.id, request.body),
  });

  app.delete('/services/:id/cancellation-policy', {
    schema: {
      tags,
      security,
      summary: "Remove a service's own cancellation policy",
      description:
        'The tenant default applies to the service again. 404 when the service has no policy of its own.',
      params: IdParams,
      response: { 204: z.void().meta({ description: 'Removed.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await request.scope.cancellationPolicies.removeForService(request.params.id);
      return reply.status(204).send();
    },
  });
};
