import { NotFoundError } from '../../../domain/errors.ts';
import type { ClientNote } from '../../../generated/prisma/client.ts';
import type { ClientNoteDto } from '../../../schemas/client-note.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';

/** Who writes a note: a staff account, or a secret key (accountId null). */
export interface NoteAuthor {
  accountId: string | null;
  name: string;
}

export function toClientNoteDto(row: ClientNote): ClientNoteDto {
  return {
    id: row.id,
    clientEmail: row.clientEmail,
    body: row.body,
    author: { accountId: row.authorAccountId, name: row.authorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Staff notes about the tenant's clients. A client is a lower-cased email, as in the clients
 * report; callers pass it lower-cased (the route's schema does). Every statement is one row or
 * one page, so an edit racing a delete ends as the delete alone would leave it.
 */
export class ClientNotesRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** A client's notes, newest first. */
  async list(
    email: string,
    query: { cursor?: string | undefined; limit: number },
  ): Promise<Page<ClientNoteDto>> {
    const page = pageQuery(query.cursor, query.limit, 'createdAt', 'desc');
    const rows = await this.db.clientNote.findMany({
      ...page,
      where: { ...page.where, tenantId: this.tenantId, clientEmail: email },
    });
    return toPage(rows, query.limit, toClientNoteDto);
  }

  /**
   * Adds a note to a client the tenant has: one statement that inserts only when an appointment of
   * that email exists (the clients report's index answers it), else NotFoundError.
   */
  async create(email: string, body: string, author: NoteAuthor): Promise<ClientNoteDto> {
    const [row] = await this.db.$queryRaw<ClientNote[]>`
      INSERT INTO client_notes ("tenantId", "clientEmail", body, "authorAccountId", "authorName")
      SELECT ${this.tenantId}::uuid, ${email}, ${body}, ${author.accountId}::uuid, ${author.name}
       WHERE EXISTS (SELECT 1 FROM appointments a
                      WHERE a."tenantId" = ${this.tenantId}::uuid AND lower(a."clientEmail") = ${email})
      RETURNING *`;
    if (!row) throw new NotFoundError('Client', email);
    return toClientNoteDto(row);
  }

  /** Replaces a note's text; one UPDATE … RETURNING, so a concurrent delete makes this a 404. */
  async update(id: string, body: string): Promise<ClientNoteDto> {
    const [row] = await this.db.clientNote.updateManyAndReturn({
      where: { id, tenantId: this.tenantId },
      data: { body },
    });
    if (!row) throw new NotFoundError('Note', id);
    return toClientNoteDto(row);
  }

  async remove(id: string): Promise<void> {
    const { count } = await this.db.clientNote.deleteMany({ where: { id, tenantId: this.tenantId } });
    if (count === 0) throw new NotFoundError('Note', id);
  }
}
