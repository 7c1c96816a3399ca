import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { OutboxListQuery, OutboxMessage, OutboxMessageDetail } from '../../types.ts';

/** Every email and SMS built for the tenant's bookings, sent or not, newest first. */
export class Outbox extends ApiResource {
  /** Messages with their status (PENDING, SENDING, SENT, FAILED, SKIPPED); `for await` walks all pages. */
  list(query?: OutboxListQuery, options?: RequestOptions): PagePromise<OutboxMessage> {
    return this.client.requestPage('/v1/tenant-admin/outbox', query, options);
  }

  /** One message with its bodies and invitation, as it was (or would have been) sent. */
  async retrieve(id: string, options?: RequestOptions): Promise<OutboxMessageDetail> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/outbox/${id}`, options });
  }
}
