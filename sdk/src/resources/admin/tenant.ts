import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { Tenant, UpdateTenantBody } from '../../types.ts';

export class TenantSettings extends ApiResource {
  /** The tenant's settings: name, time zone, currency, allowedOrigins, branding. */
  async retrieve(options?: RequestOptions): Promise<Tenant> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/tenant', options });
  }

  /** Changes the given settings; allowedOrigins limits which sites may use the public routes. */
  async update(body: UpdateTenantBody, options?: RequestOptions): Promise<Tenant> {
    return this.client.request({ method: 'PATCH', path: '/v1/tenant-admin/tenant', body, options });
  }
}
