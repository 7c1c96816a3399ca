import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CreateServiceBody, Service, ServiceListQuery, UpdateServiceBody } from '../../types.ts';

export class Services extends ApiResource {
  /** Creates a service (currency defaults to the tenant's). */
  async create(body: CreateServiceBody, options?: RequestOptions): Promise<Service> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/services', body, options });
  }

  /** Services, a page at a time; `for await` walks them all. */
  list(query?: ServiceListQuery, options?: RequestOptions): PagePromise<Service> {
    return this.client.requestPage('/v1/tenant-admin/services', query, options);
  }

  /** One service. */
  async retrieve(id: string, options?: RequestOptions): Promise<Service> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/services/${id}`, options });
  }

  /** Changes the given fields. */
  async update(id: string, body: UpdateServiceBody, options?: RequestOptions): Promise<Service> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/services/${id}`,
      body,
      options,
    });
  }

  /** Hides a service from booking (services are never deleted: appointments refer to them). */
  async deactivate(id: string, options?: RequestOptions): Promise<Service> {
    return this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/services/${id}`, options });
  }
}
