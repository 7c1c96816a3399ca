import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { sealContexts } from '../../adapters/crypto/sealed-columns.ts';
import { toWebhookEndpointDto } from '../../adapters/db/repositories/webhooks.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { ValidationError, WebhooksNotConfiguredError } from '../../domain/errors.ts';
import { newWebhookSecret } from '../../domain/webhooks/webhook-signature.ts';
import { targetUrlProblem, type TargetPolicy } from '../../domain/webhooks/webhook-targets.ts';
import type {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
} from '../../schemas/webhook-endpoint.schemas.ts';

/** Managing a tenant's webhook endpoints: the URL checked by policy, the secret sealed and shown once. */

export interface WebhookEndpointContext {
  box: SecretBox | null;
  policy: TargetPolicy;
  now: Date;
}

/** The SecretBox context of an endpoint's secrets (current and previous: the same row). */
export const webhookSecretContext = sealContexts.webhookSecret;

export async function createWebhookEndpoint(
  scope: TenantScope,
  body: CreateWebhookEndpointBody,
  context: WebhookEndpointContext,
) {
  const box = requireBox(context.box);
  checkUrl(body.url, context.policy);
  const id = scope.webhooks.newId();
  const secret = newWebhookSecret();
  const row = await scope.webhooks.create({
    id,
    url: body.url,
    description: body.description,
    events: body.events,
    enabled: body.enabled,
    secretSealed: box.seal(secret, webhookSecretContext(scope.tenantId, id)),
    now: context.now,
  });
  return { ...toWebhookEndpointDto(row), secret };
}

export async function updateWebhookEndpoint(
  scope: TenantScope,
  id: string,
  body: UpdateWebhookEndpointBody,
  context: WebhookEndpointContext,
) {
  if (body.url !== undefined) checkUrl(body.url, context.policy);
  return toWebhookEndpointDto(await scope.webhooks.update(id, body, context.now));
}

/** A new secret, shown once; the old one keeps signing beside it for `previousValidHours`. */
export async function rotateWebhookSecret(
  scope: TenantScope,
  id: string,
  previousValidHours: number,
  context: WebhookEndpointContext,
) {
  const box = requireBox(context.box);
  const secret = newWebhookSecret();
  const previousExpiresAt =
    previousValidHours > 0 ? new Date(context.now.getTime() + previousValidHours * 3_600_000) : null;
  const row = await scope.webhooks.rotateSecret(
    id,
    box.seal(secret, webhookSecretContext(scope.tenantId, id)),
    previousExpiresAt,
    context.now,
  );
  return { ...toWebhookEndpointDto(row), secret };
}

function requireBox(box: SecretBox | null): SecretBox {
  if (!box) throw new WebhooksNotConfiguredError();
  return box;
}

function checkUrl(url: string, policy: TargetPolicy): void {
  const problem = targetUrlProblem(url, policy);
  if (problem) throw new ValidationError(`The URL ${problem}.`, [{ path: 'url', message: problem }]);
}
