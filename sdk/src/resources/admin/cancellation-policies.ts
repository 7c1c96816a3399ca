import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CancellationPolicy, SetCancellationPolicyBody } from '../../types.ts';

/** Cancellation fee tiers: the tenant's default, and per service. */
export class CancellationPolicies extends ApiResource {
  /** The tenant's default policy (NotFoundError when none is set). */
  async retrieveDefault(options?: RequestOptions): Promise<CancellationPolicy> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/cancellation-policy', options });
  }

  /** Sets the tenant's default policy, replacing all its tiers. */
  async setDefault(body: SetCancellationPolicyBody, options?: RequestOptions): Promise<CancellationPolicy> {
    return this.client.request({
      method: 'PUT',
      path: '/v1/tenant-admin/cancellation-policy',
      body,
      options,
    });
  }

  /** A service's own policy (NotFoundError when it uses the default). */
  async retrieveForService(serviceId: string, options?: RequestOptions): Promise<CancellationPolicy> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/services/${serviceId}/cancellation-policy`,
      options,
    });
  }

  /** Sets a service's own policy, overriding the default. */
  async setForService(
    serviceId: string,
    body: SetCancellationPolicyBody,
    options?: RequestOptions,
  ): Promise<CancellationPolicy> {
    return this.client.request({
      method: 'PUT',
      path: path`/v1/tenant-admin/services/${serviceId}/cancellation-policy`,
      body,
      options,
    });
  }

  /** Removes a service's own policy: the default applies again. */
  async removeForService(serviceId: string, options?: RequestOptions): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: path`/v1/tenant-admin/services/${serviceId}/cancellation-policy`,
      options,
    });
  }
}
