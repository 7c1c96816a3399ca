import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { PublicTenant } from '../../types.ts';

export class PublicTenantResource extends ApiResource {
  /** The business's name, time zone, currency and branding. */
  async retrieve(options?: RequestOptions): Promise<PublicTenant> {
    return this.client.request({ method: 'GET', path: '/v1/public/tenant', options });
  }
}
