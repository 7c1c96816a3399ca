import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { PublicServiceList } from '../../types.ts';

export class PublicServices extends ApiResource {
  /** Every active service, with its providers and intake form, in one page (nextCursor is null). */
  async list(options?: RequestOptions): Promise<PublicServiceList> {
    return this.client.request({ method: 'GET', path: '/v1/public/services', options });
  }
}
