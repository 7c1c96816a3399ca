import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CreateStaffBody, StaffAccount, StaffListQuery, UpdateStaffBody } from '../../types.ts';

/** The tenant's staff accounts (owner, manager, provider): who may sign in to the console. */
export class Staff extends ApiResource {
  /** Adds an account: with `password` it can sign in at once, without one it is invited by email. */
  async create(body: CreateStaffBody, options?: RequestOptions): Promise<StaffAccount> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/staff', body, options });
  }

  /** The accounts, a page at a time; `for await` walks them all. */
  list(query?: StaffListQuery, options?: RequestOptions): PagePromise<StaffAccount> {
    return this.client.requestPage('/v1/tenant-admin/staff', query, options);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<StaffAccount> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/staff/${id}`, options });
  }

  /** Changes the name, role or provider, or disables the account (its sessions end). */
  async update(id: string, body: UpdateStaffBody, options?: RequestOptions): Promise<StaffAccount> {
    return this.client.request({ method: 'PATCH', path: path`/v1/tenant-admin/staff/${id}`, body, options });
  }

  /** Deletes the account and ends its sessions. */
  async delete(id: string, options?: RequestOptions): Promise<StaffAccount> {
    return this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/staff/${id}`, options });
  }
}
