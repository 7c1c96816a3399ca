import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { ApiKey, ApiKeyListQuery, CreateApiKeyBody, CreatedApiKey } from '../../types.ts';

export class ApiKeys extends ApiResource {
  /** Creates a key; the answer holds the whole key, once. */
  async create(body: CreateApiKeyBody, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/api-keys', body, options });
  }

  /** The keys, by prefix only (never their secrets). */
  list(query?: ApiKeyListQuery, options?: RequestOptions): PagePromise<ApiKey> {
    return this.client.requestPage('/v1/tenant-admin/api-keys', query, options);
  }

  /** Revokes a key at once; the last live secret key cannot be revoked (409). */
  async revoke(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/api-keys/${id}`, options });
  }
}
