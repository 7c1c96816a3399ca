import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { Availability, AvailabilityQuery, AvailableDates, AvailableDatesQuery } from '../../types.ts';

export class PublicAvailability extends ApiResource {
  /** Bookable slots on the days startDate…endDate (at most 62) of the client's `timezone`. */
  async list(serviceId: string, query: AvailabilityQuery, options?: RequestOptions): Promise<Availability> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/public/services/${serviceId}/availability`,
      query,
      options,
    });
  }

  /** The days of `month` (YYYY-MM, in the client's `timezone`) with at least one slot. */
  async dates(
    serviceId: string,
    query: AvailableDatesQuery,
    options?: RequestOptions,
  ): Promise<AvailableDates> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/public/services/${serviceId}/availability/dates`,
      query,
      options,
    });
  }
}
