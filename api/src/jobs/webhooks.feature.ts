import { z } from 'zod';
import { secretBoxOf } from '../adapters/crypto/secret-box.ts';
import { takeWaitingDeliveries } from '../adapters/db/repositories/webhook-queue.ts';
import { WebhooksRepository } from '../adapters/db/repositories/webhooks.repository.ts';
import { forTenant } from '../adapters/db/tenant-scope.ts';
import { createWebhookSender, type WebhookSender } from '../adapters/webhooks/webhook-sender.ts';
import type { Config } from '../config.ts';
import {
  webhookEventId,
  webhookEventTypeOf,
  type WebhookEnvelope,
} from '../domain/webhooks/webhook-events.ts';
import { WEBHOOK_RETRY_DELAY_MAX_SECONDS } from '../domain/webhooks/webhook-retries.ts';
import { targetPolicyOf } from '../domain/webhooks/webhook-targets.ts';
import { deliverWebhook } from '../use-cases/webhooks/deliver-webhook.ts';
import type { DispatchedEvent, JobFeature, JobQueue, JobReader } from './job-context.ts';

/**
 * Outgoing webhooks (issue 13), as jobs. For each history event that makes a webhook event, the
 * dispatcher's transaction stores one delivery per enabled endpoint that asked for it (with the
 * JSON body, the appointment as the event's change left it): deliveries and the cursor commit
 * together. The
 * worker's poll (every dispatcher tick) enqueues webhooks.deliver for every delivery without a job
 * yet, these and the API's redeliveries alike, in the transaction that marks them queued. The job
 * makes one attempt; a failure makes pg-boss retry it with backoff over about three days
 * (domain/webhooks/webhook-retries.ts).
 */

export const WEBHOOK_DELIVER_QUEUE = 'webhooks.deliver';

const DeliverJob = z.object({ tenantId: z.uuid(), deliveryId: z.uuid() });

/** One sender per configuration, reused by every job (the policy comes from NODE_ENV). */
const senders = new WeakMap<Config, WebhookSender>();
function senderFor(config: Config): WebhookSender {
  let sender = senders.get(config);
  if (!sender) {
    sender = createWebhookSender({ policy: targetPolicyOf(config) });
    senders.set(config, sender);
  }
  return sender;
}

export const webhooksFeature: JobFeature = {
  jobs: [
    {
      queue: WEBHOOK_DELIVER_QUEUE,
      retry: (config) => ({
        // The job runs once per attempt: the first run and WEBHOOK_ATTEMPTS - 1 retries.
        limit: config.WEBHOOK_ATTEMPTS - 1,
        delaySeconds: config.WEBHOOK_RETRY_DELAY_SECONDS,
        maxDelaySeconds: WEBHOOK_RETRY_DELAY_MAX_SECONDS,
      }),
      async handler(data, context) {
        const job = DeliverJob.parse(data);
        const box = secretBoxOf(context.config);
        // Endpoints exist only with a key; one removed since is a configuration error to see.
        if (!box) throw new Error('ENCRYPTION_KEY is unset: webhook secrets cannot be opened');
        await deliverWebhook(
          {
            sender: senderFor(context.config),
            box,
            now: context.now,
            log: context.log,
            attempts: context.config.WEBHOOK_ATTEMPTS,
            publicUrl: context.config.PUBLIC_URL,
          },
          forTenant(context.db, job.tenantId),
          job.deliveryId,
        );
      },
    },
  ],

  async onAppointmentEvent(event: DispatchedEvent, _queue: JobQueue, reader?: JobReader) {
    const type = webhookEventTypeOf(event.type);
    if (!type || !reader) return;
    const webhooks = new WebhooksRepository(reader, event.tenantId);
    const endpoints = await webhooks.subscribedEndpoints(type);
    if (endpoints.length === 0) return;
    const envelope: WebhookEnvelope = {
      id: webhookEventId(event.tenantId, event.seq),
      type,
      created: event.occurredAt.toISOString(),
      tenant: event.tenantId,
      data: {
        appointment: await webhooks.appointmentSnapshot(event.appointmentId, event.state),
        change: { actor: event.actor.toLowerCase(), ...event.data },
      },
    };
    await webhooks.queueDeliveries(
      endpoints.map((endpoint) => endpoint.id),
      envelope,
      new Date(),
    );
  },

  async poll(inTransaction) {
    return inTransaction(async (tx, queue) => {
      const waiting = await takeWaitingDeliveries(tx, new Date());
      for (const delivery of waiting) await queue.send(WEBHOOK_DELIVER_QUEUE, delivery);
      return waiting.length;
    });
  },
};
