import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { AvailabilityRuleList, ReplaceAvailabilityBody } from '../../types.ts';

/** Weekly opening hours, of a provider or of a service. */
export class AvailabilityRules extends ApiResource {
  /** A provider's weekly rules. */
  async listForProvider(providerId: string, options?: RequestOptions): Promise<AvailabilityRuleList> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/providers/${providerId}/availability`,
      options,
    });
  }

  /** Replaces all of a provider's weekly rules at once. */
  async replaceForProvider(
    providerId: string,
    body: ReplaceAvailabilityBody,
    options?: RequestOptions,
  ): Promise<AvailabilityRuleList> {
    return this.client.request({
      method: 'PUT',
      path: path`/v1/tenant-admin/providers/${providerId}/availability`,
      body,
      options,
    });
  }

  /** A service's weekly rules. */
  async listForService(serviceId: string, options?: RequestOptions): Promise<AvailabilityRuleList> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/services/${serviceId}/availability`,
      options,
    });
  }

  /** Replaces all of a service's weekly rules at once. */
  async replaceForService(
    serviceId: string,
    body: ReplaceAvailabilityBody,
    options?: RequestOptions,
  ): Promise<AvailabilityRuleList> {
    return this.client.request({
      method: 'PUT',
      path: path`/v1/tenant-admin/services/${serviceId}/availability`,
      body,
      options,
    });
  }
}
