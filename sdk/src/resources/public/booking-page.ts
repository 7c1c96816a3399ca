import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type { BookingPage, BookingPageQuery } from '../../types.ts';

export class PublicBookingPage extends ApiResource {
  /**
   * A booking widget's first screen in one request: the business, its services with the prices that
   * will be charged and, for `serviceId` (or the only service), a month of open days and the first
   * open day's times. `only: 'schedule'` leaves out the business and services (prefetching).
   */
  async retrieve(query: BookingPageQuery, options?: RequestOptions): Promise<BookingPage> {
    return this.client.request({ method: 'GET', path: '/v1/public/booking-page', query, options });
  }
}
