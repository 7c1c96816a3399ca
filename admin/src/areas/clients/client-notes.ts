import type { ClientNote, Page } from '@mais/sdk';
import { NotFoundError } from '@mais/sdk';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDateTime } from '../../ui/format.ts';
import { clientNotesStyles } from './client-notes.styles.ts';

/** The API's limit (api/src/schemas/client-note.schemas.ts); shown as a count, enforced by the API. */
const NOTE_MAX = 5000;
const PAGE_SIZE = 20;

/** What one note's row is doing: being read, edited (with the draft) or asked to confirm a delete. */
type NoteMode = { kind: 'edit'; draft: string } | { kind: 'confirmDelete' };

/**
 * <mais-client-notes>: a client's notes, newest first, with their author and time; add, edit,
 * and delete after a confirmation. Errors show beside the action that failed; when the note is gone
 * (deleted elsewhere) the list is read again.
 */
@customElement('mais-client-notes')
export class ClientNotes extends LitElement {
  static override styles = [consoleStyles, clientNotesStyles];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() email = '';
  /** The first page, fetched by the client page together with the history. */
  @property({ attribute: false }) initial: Page<ClientNote> = { data: [], nextCursor: null };

  @state() private notes: ClientNote[] = [];
  @state() private nextCursor: string | null = null;
  @state() private draft = '';
  @state() private adding = false;
  @state() private addError = '';
  @state() private listError = '';
  @state() private loadingMore = false;
  @state() private modes = new Map<string, NoteMode>();
  @state() private busy = new Set<string>();
  @state() private noteErrors = new Map<string, string>();

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('initial')) {
      this.notes = this.initial.data;
      this.nextCursor = this.initial.nextCursor;
    }
  }

  private setMode(id: string, mode: NoteMode | undefined) {
    const modes = new Map(this.modes);
    if (mode) modes.set(id, mode);
    else modes.delete(id);
    this.modes = modes;
  }

  private setNoteError(id: string, message: string) {
    const errors = new Map(this.noteErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.noteErrors = errors;
  }

  private setBusy(id: string, on: boolean) {
    const busy = new Set(this.busy);
    if (on) busy.add(id);
    else busy.delete(id);
    this.busy = busy;
  }

  /** Reads the first page again: after a note turned out to be gone, the list shows what is. */
  private async reload() {
    try {
      const page = await this.ctx.admin.clientNotes.list(this.email, { limit: PAGE_SIZE });
      this.notes = page.data;
      this.nextCursor = page.nextCursor;
      this.listError = '';
    } catch (error) {
      this.listError = errorText(error);
    }
  }

  private async add(event: Event) {
    event.preventDefault();
    this.adding = true;
    this.addError = '';
    try {
      const note = await this.ctx.admin.clientNotes.create(this.email, { body: this.draft });
      this.notes = [note, ...this.notes];
      this.draft = '';
      this.ctx.announce('Note added.');
    } catch (error) {
      this.addError = errorText(error);
    } finally {
      this.adding = false;
    }
  }

  private async save(note: ClientNote, draft: string) {
    this.setBusy(note.id, true);
    this.setNoteError(note.id, '');
    try {
      const saved = await this.ctx.admin.clientNotes.update(note.id, { body: draft });
      this.notes = this.notes.map((n) => (n.id === saved.id ? saved : n));
      this.setMode(note.id, undefined);
      this.ctx.announce('Note saved.');
      await this.focusNote(note.id, '.edit');
    } catch (error) {
      await this.failed(note.id, error);
    } finally {
      this.setBusy(note.id, false);
    }
  }

  private async deleteNote(note: ClientNote) {
    this.setBusy(note.id, true);
    this.setNoteError(note.id, '');
    try {
      await this.ctx.admin.clientNotes.delete(note.id);
      this.notes = this.notes.filter((n) => n.id !== note.id);
      this.setMode(note.id, undefined);
      this.ctx.announce('Note deleted.');
      this.renderRoot.querySelector<HTMLElement>('#notes-heading')?.focus();
    } catch (error) {
      await this.failed(note.id, error);
    } finally {
      this.setBusy(note.id, false);
    }
  }

  /** A failed edit or delete: a note deleted meanwhile is announced and the list read again. */
  private async failed(id: string, error: unknown) {
    if (error instanceof NotFoundError) {
      this.setMode(id, undefined);
      this.ctx.announce('That note was deleted meanwhile; the notes were reloaded.');
      await this.reload();
      return;
    }
    this.setNoteError(id, errorText(error));
  }

  private async loadMore() {
    if (!this.nextCursor) return;
    this.loadingMore = true;
    this.listError = '';
    try {
      const page = await this.ctx.admin.clientNotes.list(this.email, {
        limit: PAGE_SIZE,
        cursor: this.nextCursor,
      });
      this.notes = [...this.notes, ...page.data];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.listError = errorText(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private async focusNote(id: string, selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-note="${id}"] ${selector}`)?.focus();
  }

  private async startMode(note: ClientNote, mode: NoteMode, focus: string) {
    this.setNoteError(note.id, '');
    this.setMode(note.id, mode);
    await this.focusNote(note.id, focus);
  }

  override render() {
    return html`
      <h2 id="notes-heading" tabindex="-1">Notes</h2>
      <form class="card" @submit=${this.add}>
        <div class="field">
          <label for="new-note">Add a note</label>
          <textarea
            id="new-note"
            aria-describedby="new-note-count"
            .value=${this.draft}
            @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint" id="new-note-count">${this.draft.length} of ${NOTE_MAX} characters</p>
        </div>
        ${this.addError ? html`<p class="error" role="alert">${this.addError}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.adding || this.draft.trim() === ''}>
            ${this.adding ? 'Adding…' : 'Add note'}
          </button>
        </div>
      </form>
      ${
        this.notes.length === 0
          ? html`<p class="muted">No notes yet.</p>`
          : html`<ol aria-labelledby="notes-heading">
              ${this.notes.map((note) => this.noteItem(note))}
            </ol>`
      }
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button class="btn btn--quiet" ?disabled=${this.loadingMore} @click=${this.loadMore}>
                ${this.loadingMore ? 'Loading…' : 'Older notes'}
              </button>
            </div>`
          : nothing
      }
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
    `;
  }

  private noteItem(note: ClientNote) {
    const mode = this.modes.get(note.id);
    const busy = this.busy.has(note.id);
    const error = this.noteErrors.get(note.id);
    const { zone } = this.ctx;
    const edited = note.updatedAt !== note.createdAt;
    return html`<li class="card" data-note=${note.id}>
      ${
        mode?.kind === 'edit'
          ? html`<form
              @submit=${(event: Event) => (event.preventDefault(), void this.save(note, mode.draft))}
            >
              <div class="field">
                <label for="edit-${note.id}">Edit note</label>
                <textarea
                  id="edit-${note.id}"
                  class="draft"
                  aria-describedby="edit-count-${note.id}"
                  .value=${mode.draft}
                  @input=${(event: Event) =>
                    this.setMode(note.id, {
                      kind: 'edit',
                      draft: (event.target as HTMLTextAreaElement).value,
                    })}
                ></textarea>
                <p class="hint" id="edit-count-${note.id}">${mode.draft.length} of ${NOTE_MAX} characters</p>
              </div>
              ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
              <div class="actions">
                <button class="btn" type="submit" ?disabled=${busy || mode.draft.trim() === ''}>
                  ${busy ? 'Saving…' : 'Save note'}
                </button>
                <button
                  class="btn btn--quiet"
                  type="button"
                  @click=${() => (this.setMode(note.id, undefined), void this.focusNote(note.id, '.edit'))}
                >
                  Cancel
                </button>
              </div>
            </form>`
          : html`<p class="body">${note.body}</p>
              <p class="meta muted">
                ${note.author.name},
                ${formatDateTime(note.createdAt, zone)}${
                  edited ? html` (edited ${formatDateTime(note.updatedAt, zone)})` : nothing
                }
              </p>
              ${
                mode?.kind === 'confirmDelete'
                  ? html`<div class="actions" role="group" aria-label="Confirm delete">
                      <span>Delete this note?</span>
                      <button
                        class="btn btn--danger confirm"
                        ?disabled=${busy}
                        @click=${() => this.deleteNote(note)}
                      >
                        ${busy ? 'Deleting…' : 'Delete note'}
                      </button>
                      <button
                        class="btn btn--quiet"
                        @click=${() => (this.setMode(note.id, undefined), void this.focusNote(note.id, '.delete'))}
                      >
                        Keep it
                      </button>
                    </div>`
                  : html`<div class="actions">
                      <button
                        class="btn btn--quiet edit"
                        @click=${() => this.startMode(note, { kind: 'edit', draft: note.body }, '.draft')}
                      >
                        Edit
                      </button>
                      <button
                        class="btn btn--quiet delete"
                        @click=${() => this.startMode(note, { kind: 'confirmDelete' }, '.confirm')}
                      >
                        Delete
                      </button>
                    </div>`
              }
              ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-client-notes': ClientNotes;
  }
}
