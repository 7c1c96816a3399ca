import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  CreateProviderBody,
  Provider,
  ProviderListQuery,
  SetProviderServicesBody,
  UpdateProviderBody,
} from '../../types.ts';

export class Providers extends ApiResource {
  /** Creates a provider (a person who performs services). */
  async create(body: CreateProviderBody, options?: RequestOptions): Promise<Provider> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/providers', body, options });
  }

  /** Providers, a page at a time; `for await` walks them all. */
  list(query?: ProviderListQuery, options?: RequestOptions): PagePromise<Provider> {
    return this.client.requestPage('/v1/tenant-admin/providers', query, options);
  }

  /** One provider, with the services they offer. */
  async retrieve(id: string, options?: RequestOptions): Promise<Provider> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/providers/${id}`, options });
  }

  /** Changes the given fields. */
  async update(id: string, body: UpdateProviderBody, options?: RequestOptions): Promise<Provider> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/providers/${id}`,
      body,
      options,
    });
  }

  /** Stops new bookings with a provider (never deleted: appointments refer to them). */
  async deactivate(id: string, options?: RequestOptions): Promise<Provider> {
    return this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/providers/${id}`, options });
  }

  /** Replaces the list of services a provider offers, with optional own prices. */
  async setServices(id: string, body: SetProviderServicesBody, options?: RequestOptions): Promise<Provider> {
    return this.client.request({
      method: 'PUT',
      path: path`/v1/tenant-admin/providers/${id}/services`,
      body,
      options,
    });
  }
}
