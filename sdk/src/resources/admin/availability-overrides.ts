import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  AvailabilityOverride,
  AvailabilityOverrideListQuery,
  CreateAvailabilityOverrideBody,
} from '../../types.ts';

/** Closed days and special hours on one date, for the business or one provider. */
export class AvailabilityOverrides extends ApiResource {
  /** Closes a day (`closed: true`) or sets its hours (startTime, endTime). */
  async create(
    body: CreateAvailabilityOverrideBody,
    options?: RequestOptions,
  ): Promise<AvailabilityOverride> {
    return this.client.request({
      method: 'POST',
      path: '/v1/tenant-admin/availability-overrides',
      body,
      options,
    });
  }

  /** Overrides, a page at a time, optionally between dates or for one provider. */
  list(query?: AvailabilityOverrideListQuery, options?: RequestOptions): PagePromise<AvailabilityOverride> {
    return this.client.requestPage('/v1/tenant-admin/availability-overrides', query, options);
  }

  /** Deletes an override: the weekly hours apply that day again. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: path`/v1/tenant-admin/availability-overrides/${id}`,
      options,
    });
  }
}
