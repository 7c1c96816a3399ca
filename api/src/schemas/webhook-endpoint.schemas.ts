import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks/webhook-events.ts';
import { ListQuery, Timestamp, Uuid } from './common.ts';
import { SafeText, text } from './text.ts';

/** Outgoing webhooks: a tenant's endpoints and their deliveries (api/README.md, "Outgoing webhooks"). */

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const WebhookEndpointSchema = z
  .object({
    id: Uuid,
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    disabledReason: z.enum(['manual', 'failing']).nullable().meta({
      description: 'failing: every attempt of a delivery failed for days; the owners were emailed.',
    }),
    disabledAt: Timestamp.nullable(),
    lastSuccessAt: Timestamp.nullable(),
    previousSecretExpiresAt: Timestamp.nullable().meta({
      description:
        'Until then, requests carry a second v1 signature made with the secret before the last rotation.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpointDto = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().meta({ description: 'whsec_…: shown here once; keep it to verify MAIS-Signature.' }),
}).meta({ id: 'WebhookEndpointWithSecret' });

const EndpointUrl = SafeText.trim().min(1).max(2048);
const Events = z
  .array(WebhookEventType)
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((events) => new Set(events).size === events.length, { message: 'must not repeat an event' });

export const CreateWebhookEndpointBodySchema = z
  .object({
    url: EndpointUrl,
    events: Events,
    description: text({ trim: true, max: 500 }).default(''),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBodySchema>;

export const UpdateWebhookEndpointBodySchema = z
  .object({
    url: EndpointUrl,
    events: Events,
    description: text({ trim: true, max: 500 }),
    enabled: z.boolean().meta({ description: 'true turns a disabled endpoint back on (a failing one too).' }),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateWebhookEndpointBody = z.infer<typeof UpdateWebhookEndpointBodySchema>;

export const RotateWebhookSecretBodySchema = z
  .object({
    previousSecretValidHours: z.number().int().min(0).max(168).default(24).meta({
      description: 'How long the old secret keeps signing beside the new one (0: stop at once).',
    }),
  })
  .strict();

export const WebhookDeliveryStatus = z.enum(['PENDING', 'SUCCEEDED', 'FAILED']);

export const WebhookDeliverySchema = z
  .object({
    id: Uuid,
    endpointId: Uuid,
    eventId: z.string(),
    eventType: WebhookEventType,
    status: WebhookDeliveryStatus,
    attempts: z.int(),
    lastAttemptAt: Timestamp.nullable(),
    responseStatus: z.int().nullable(),
    responseBody: z.string().nullable().meta({ description: 'The first 1 KB of the last answer.' }),
    lastError: z.string().nullable(),
    deliveredAt: Timestamp.nullable(),
    redeliveryOf: Uuid.nullable(),
    createdAt: Timestamp,
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The JSON body sent.' }),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListQuery = ListQuery.extend({
  status: WebhookDeliveryStatus.optional(),
}).strict();
