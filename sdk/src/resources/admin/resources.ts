import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CreateResourceBody, Resource, ResourceListQuery, UpdateResourceBody } from '../../types.ts';

export class Resources extends ApiResource {
  /** Creates a resource (a room or a piece of equipment a service needs). */
  async create(body: CreateResourceBody, options?: RequestOptions): Promise<Resource> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/resources', body, options });
  }

  /** Resources, a page at a time; `for await` walks them all. */
  list(query?: ResourceListQuery, options?: RequestOptions): PagePromise<Resource> {
    return this.client.requestPage('/v1/tenant-admin/resources', query, options);
  }

  /** One resource. */
  async retrieve(id: string, options?: RequestOptions): Promise<Resource> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/resources/${id}`, options });
  }

  /** Changes the given fields. */
  async update(id: string, body: UpdateResourceBody, options?: RequestOptions): Promise<Resource> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/resources/${id}`,
      body,
      options,
    });
  }

  /** Stops new bookings needing this resource (never deleted: appointments refer to it). */
  async deactivate(id: string, options?: RequestOptions): Promise<Resource> {
    return this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/resources/${id}`, options });
  }
}
