import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretBoxOf } from '../../../adapters/crypto/secret-box.ts';
import { toWebhookEndpointDto } from '../../../adapters/db/repositories/webhooks.repository.ts';
import { targetPolicyOf } from '../../../domain/webhooks/webhook-targets.ts';
import { authenticatedErrors, ErrorResponse, IdParams, ListQuery, pageOf } from '../../../schemas/common.ts';
import {
  CreateWebhookEndpointBodySchema,
  RotateWebhookSecretBodySchema,
  UpdateWebhookEndpointBodySchema,
  WebhookDeliveryListQuery,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '../../../schemas/webhook-endpoint.schemas.ts';
import {
  createWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../../../use-cases/webhooks/webhook-endpoints.ts';

const tags = ['Webhooks'];
const security = [{ secretKey: [] }];
// Owners only, as API keys: an endpoint receives every client's name and email.
const config = { access: 'owner' as const };

/** Outgoing webhooks: endpoints, their delivery logs and redelivery (api/README.md, "Outgoing webhooks"). */
export const webhookEndpointsRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = () => ({
    box: secretBoxOf(app.config),
    policy: targetPolicyOf(app.config),
    now: app.now(),
  });

  app.post('/webhook-endpoints', {
    config: { ...config, noStore: true },
    schema: {
      tags,
      security,
      summary: 'Create a webhook endpoint',
      description:
        'Events are POSTed to the URL as JSON, signed in MAIS-Signature with the whsec_ secret answered here once. ' +
        'In production the URL must be https and reach a public address. 409 webhooks_not_configured without ENCRYPTION_KEY.',
      body: CreateWebhookEndpointBodySchema,
      response: { 201: WebhookEndpointWithSecretSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createWebhookEndpoint(request.scope, request.body, context())),
  });

  app.get('/webhook-endpoints', {
    config,
    schema: {
      tags,
      security,
      summary: 'List webhook endpoints',
      querystring: ListQuery,
      response: { 200: pageOf(WebhookEndpointSchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.webhooks.list(request.query),
  });

  app.get('/webhook-endpoints/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Get a webhook endpoint',
      params: IdParams,
      response: { 200: WebhookEndpointSchema, ...authenticatedErrors },
    },
    handler: async (request) => toWebhookEndpointDto(await request.scope.webhooks.getRow(request.params.id)),
  });

  app.patch('/webhook-endpoints/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Update a webhook endpoint',
      description: 'enabled: true turns an endpoint back on, one disabled for failing too.',
      params: IdParams,
      body: UpdateWebhookEndpointBodySchema,
      response: { 200: WebhookEndpointSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      updateWebhookEndpoint(request.scope, request.params.id, request.body, context()),
  });

  app.delete('/webhook-endpoints/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Delete a webhook endpoint',
      description: 'With its delivery log; deliveries not yet made are dropped.',
      params: IdParams,
      response: { 204: z.null().meta({ description: 'Deleted.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await request.scope.webhooks.delete(request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/webhook-endpoints/:id/rotate-secret', {
    config: { ...config, noStore: true },
    schema: {
      tags,
      security,
      summary: "Rotate a webhook endpoint's secret",
      description:
        'Answers a new whsec_ secret, once. The old one keeps signing beside it (a second v1 in MAIS-Signature) ' +
        'for previousSecretValidHours (default 24), so receivers can switch without losing events.',
      params: IdParams,
      body: RotateWebhookSecretBodySchema,
      response: { 200: WebhookEndpointWithSecretSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      rotateWebhookSecret(request.scope, request.params.id, request.body.previousSecretValidHours, context()),
  });

  app.get('/webhook-endpoints/:id/deliveries', {
    config,
    schema: {
      tags,
      security,
      summary: "A webhook endpoint's delivery log",
      description:
        'Newest first: each event sent or to be sent, its attempts, the last answer (1 KB of its body) or error.',
      params: IdParams,
      querystring: WebhookDeliveryListQuery,
      response: { 200: pageOf(WebhookDeliverySchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.webhooks.deliveries(request.params.id, request.query),
  });

  app.post('/webhook-endpoints/deliveries/:id/redeliver', {
    config,
    schema: {
      tags,
      security,
      summary: 'Redeliver a webhook event',
      description:
        "Sends the delivery's event again (same event id, signed anew) as a new delivery with its own attempts. " +
        '409 invalid_state when the endpoint is disabled.',
      params: IdParams,
      response: { 202: WebhookDeliverySchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await request.scope.webhooks.redeliver(request.params.id, app.now())),
  });
};
