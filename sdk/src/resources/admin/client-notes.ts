import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { ClientNote, ClientNoteBody, ClientNoteListQuery } from '../../types.ts';

/** Staff notes about a client (a client is their email, any case); managers and owners. */
export class ClientNotes extends ApiResource {
  /** A client's notes, newest first, a page at a time; `for await` walks them all. */
  list(email: string, query?: ClientNoteListQuery, options?: RequestOptions): PagePromise<ClientNote> {
    return this.client.requestPage(path`/v1/tenant-admin/clients/${email}/notes`, query, options);
  }

  /** Adds a note; its author is the signed-in staff member ("API key" for a secret key). NotFoundError when the tenant has no such client. */
  async create(email: string, body: ClientNoteBody, options?: RequestOptions): Promise<ClientNote> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/clients/${email}/notes`,
      body,
      options,
    });
  }

  /** Replaces a note's text. */
  async update(id: string, body: ClientNoteBody, options?: RequestOptions): Promise<ClientNote> {
    return this.client.request({
      method: 'PATCH',
      path: path`/v1/tenant-admin/client-notes/${id}`,
      body,
      options,
    });
  }

  /** Deletes a note. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', path: path`/v1/tenant-admin/client-notes/${id}`, options });
  }
}
