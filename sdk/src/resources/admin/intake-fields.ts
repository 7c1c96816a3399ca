import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { IntakeFieldList, ReplaceIntakeFieldsBody } from '../../types.ts';

/** The questions a client answers when booking a service. */
export class IntakeFields extends ApiResource {
  /** A service's active fields, in form order. */
  async list(serviceId: string, options?: RequestOptions): Promise<IntakeFieldList> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/services/${serviceId}/intake-fields`,
      options,
    });
  }

  /** Replaces the whole form: items with an id update that field, others are added, the rest removed. */
  async replace(
    serviceId: string,
    body: ReplaceIntakeFieldsBody,
    options?: RequestOptions,
  ): Promise<IntakeFieldList> {
    return this.client.request({
      method: 'PUT',
      path: path`/v1/tenant-admin/services/${serviceId}/intake-fields`,
      body,
      options,
    });
  }
}
