import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CreateLocationBody, Location, LocationListQuery, UpdateLocationBody } from '../../types.ts';

/** Places where services are performed (a studio, a branch); a service names one by `locationId`. */
export class Locations extends ApiResource {
  /** Creates a location (409 conflict when another has the name). */
  async create(body: CreateLocationBody, options?: RequestOptions): Promise<Location> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/locations', body, options });
  }

  /** Locations, a page at a time; `for await` walks them all. */
  list(query?: LocationListQuery, options?: RequestOptions): PagePromise<Location> {
    return this.client.requestPage('/v1/tenant-admin/locations', query, options);
  }

  /** One location. */
  async retrieve(id: string, options?: RequestOptions): Promise<Location> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/locations/${id}`, options });
  }

  /** Changes the given fields (`active: false` stops showing it to clients). */
  async update(id: string, body: UpdateLocationBody, options?: RequestOptions): Promise<Location> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/locations/${id}`,
      body,
      options,
    });
  }

  /** Deletes a location no service names (409 location_in_use otherwise: deactivate it instead). */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/locations/${id}`, options });
  }
}
