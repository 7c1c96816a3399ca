import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  CreateWebhookEndpointBody,
  RotateWebhookSecretBody,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../types.ts';

/**
 * Outgoing webhooks (owners only): URLs that receive signed events. Check each request with
 * verifyWebhookSignature (from '@mais/sdk') and the endpoint's secret.
 */
export class WebhookEndpoints extends ApiResource {
  /** Creates an endpoint; the answer's `secret` (whsec_…) is shown this once. */
  async create(
    body: CreateWebhookEndpointBody,
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/webhook-endpoints', body, options });
  }

  /** Endpoints, a page at a time; `for await` walks them all. */
  list(query?: { cursor?: string; limit?: number }, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.client.requestPage('/v1/tenant-admin/webhook-endpoints', query, options);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/webhook-endpoints/${id}`,
      options,
    });
  }

  /** Changes the given fields; `enabled: true` turns a disabled endpoint back on. */
  async update(
    id: string,
    body: UpdateWebhookEndpointBody,
    options?: RequestOptions,
  ): Promise<WebhookEndpoint> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/webhook-endpoints/${id}`,
      body,
      options,
    });
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: path`/v1/tenant-admin/webhook-endpoints/${id}`,
      options,
    });
  }

  /** A new secret, shown once; the old one keeps signing beside it for a while (default 24 h). */
  async rotateSecret(
    id: string,
    body: RotateWebhookSecretBody = {},
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/webhook-endpoints/${id}/rotate-secret`,
      body,
      options,
    });
  }

  /** The endpoint's deliveries, newest first. */
  deliveries(
    id: string,
    query?: WebhookDeliveryListQuery,
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery> {
    return this.client.requestPage(path`/v1/tenant-admin/webhook-endpoints/${id}/deliveries`, query, options);
  }

  /** Sends a delivery's event again, as a new delivery. */
  async redeliver(deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/webhook-endpoints/deliveries/${deliveryId}/redeliver`,
      options,
    });
  }
}
