import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import type { NewOutboxMessage } from '../../adapters/db/repositories/outbox.repository.ts';
import type { ClaimedDelivery } from '../../adapters/db/repositories/webhooks.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { WebhookSendError, type WebhookSender } from '../../adapters/webhooks/webhook-sender.ts';
import {
  ENDPOINT_DISABLED_KIND,
  endpointDisabledMessage,
} from '../../domain/webhooks/endpoint-disabled-message.ts';
import { shouldDisableEndpoint } from '../../domain/webhooks/webhook-retries.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../../domain/webhooks/webhook-signature.ts';
import type { JobLog } from '../../jobs/job-context.ts';
import { webhookSecretContext } from './webhook-endpoints.ts';

export interface WebhookDeliveryServices {
  sender: WebhookSender;
  box: SecretBox;
  now(): Date;
  log: JobLog;
  /** Attempts per delivery, the first included (WEBHOOK_ATTEMPTS). */
  attempts: number;
  publicUrl: string | undefined;
}

/** An attempt failed and others remain: thrown so the job fails and pg-boss retries it later. */
export class WebhookAttemptFailedError extends Error {
  override name = 'WebhookAttemptFailedError';
}

export type DeliveryResult = 'delivered' | 'retrying' | 'failed' | 'settled';

/**
 * One attempt at one delivery (the webhooks.deliver job). The delivery is claimed (attempts + 1,
 * only while PENDING: a settled one is left alone), signed now with the endpoint's secrets and
 * POSTed; a 2xx settles it SUCCEEDED. Any other answer, or none, is recorded and thrown while
 * attempts remain (pg-boss waits and runs the job again); the last one settles it FAILED and, when
 * nothing reached the endpoint since the delivery was queued, turns the endpoint off and emails
 * the owners. Delivery is at least once: a crash after the POST sends it again, with the same
 * event id for the receiver to drop.
 */
export async function deliverWebhook(
  services: WebhookDeliveryServices,
  scope: TenantScope,
  deliveryId: string,
): Promise<DeliveryResult> {
  const claimed = await scope.webhooks.claimDelivery(deliveryId, services.now());
  if (!claimed) return 'settled';
  const { delivery, endpoint } = claimed;
  if (!endpoint.enabled) {
    await scope.webhooks.recordOutcome(
      delivery,
      { status: 'FAILED', responseStatus: null, responseBody: null, error: 'the endpoint is disabled' },
      services.now(),
    );
    return 'failed';
  }

  const sentAt = services.now();
  const body = JSON.stringify(delivery.payload);
  let answer: { status: number; body: string } | null = null;
  let error: string | null = null;
  try {
    answer = await services.sender.post(endpoint.url, body, {
      'content-type': 'application/json',
      'user-agent': 'MAIS-Webhooks/1.0',
      'mais-event-id': delivery.eventId,
      [SIGNATURE_HEADER]: signatureHeader(
        signingSecrets(services.box, scope.tenantId, claimed, sentAt),
        Math.floor(sentAt.getTime() / 1000),
        body,
      ),
    });
    if (answer.status < 200 || answer.status > 299) error = `answered ${answer.status}`;
  } catch (failure) {
    if (!(failure instanceof WebhookSendError)) throw failure;
    error = failure.message;
  }

  const now = services.now();
  const response = { responseStatus: answer?.status ?? null, responseBody: answer?.body ?? null };
  if (error === null) {
    await scope.webhooks.recordOutcome(delivery, { status: 'SUCCEEDED', ...response, error: null }, now);
    return 'delivered';
  }
  const last = delivery.attempts >= services.attempts;
  const disable =
    last &&
    shouldDisableEndpoint({ deliveryCreatedAt: delivery.createdAt, lastSuccessAt: endpoint.lastSuccessAt });
  const disabled = await scope.webhooks.recordOutcome(
    delivery,
    { status: last ? 'FAILED' : 'PENDING', ...response, error },
    now,
    disable ? await endpointDisabledNotices(services, scope, claimed, error, now) : undefined,
  );
  if (!last)
    throw new WebhookAttemptFailedError(`attempt ${delivery.attempts} of ${services.attempts}: ${error}`);
  if (disabled)
    services.log.warn(
      { tenantId: scope.tenantId, endpointId: endpoint.id },
      'webhooks: endpoint disabled after failing for the retry span',
    );
  return 'failed';
}

/** The current secret, and the one before it while it is honoured. */
function signingSecrets(box: SecretBox, tenantId: string, claimed: ClaimedDelivery, now: Date): string[] {
  const { endpoint } = claimed;
  const context = webhookSecretContext(tenantId, endpoint.id);
  const secrets = [box.open(endpoint.secretSealed, context)];
  if (
    endpoint.previousSecretSealed &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
  ) {
    secrets.push(box.open(endpoint.previousSecretSealed, context));
  }
  return secrets;
}

/** The email to each active owner that the endpoint was turned off, for `recordOutcome`. */
async function endpointDisabledNotices(
  services: WebhookDeliveryServices,
  scope: TenantScope,
  claimed: ClaimedDelivery,
  lastError: string,
  now: Date,
): Promise<(owners: string[]) => NewOutboxMessage[]> {
  const tenant = await scope.tenant.get();
  const message = endpointDisabledMessage({
    businessName: tenant.name,
    url: claimed.endpoint.url,
    lastError,
    consoleUrl: `${services.publicUrl ?? 'http://localhost:3000'}/admin/#/settings`,
  });
  return (owners) =>
    owners.map((recipient) => ({
      appointmentId: null,
      kind: ENDPOINT_DISABLED_KIND,
      channel: 'email' as const,
      recipient,
      dedupeKey: `${ENDPOINT_DISABLED_KIND}:${claimed.endpoint.id}:${now.getTime()}:${recipient}`,
      subject: message.subject,
      textBody: message.textBody,
      htmlBody: null,
      ics: null,
      scheduledFor: now,
      sendBy: null,
    }));
}
