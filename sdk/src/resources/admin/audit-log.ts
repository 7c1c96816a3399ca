import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import type { AuditLogEntry, AuditLogQuery } from '../../types.ts';

/** The audit log (owners): every admin change, who made it (key or staff session), when and from where. */
export class AuditLog extends ApiResource {
  /** Entries newest first, a page at a time; `actorId` keeps one key's or account's. */
  list(query?: AuditLogQuery, options?: RequestOptions): PagePromise<AuditLogEntry> {
    return this.client.requestPage('/v1/tenant-admin/audit-log', query, options);
  }
}
