import type { CreateResourceBody, Resource } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import '../../ui/confirm-action.ts';
import { consoleStyles } from '../../ui/console.styles.ts';

/** What the form edits: a new resource (id null) or an existing one. */
interface Editing {
  id: string | null;
  values: CreateResourceBody;
}

/**
 * Rooms, chairs and equipment: a table, one form for adding and editing, and deactivation
 * (resources are never deleted: appointments refer to them).
 */
@customElement('mais-resource-list')
export class ResourceList extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @state() private editing: Editing | null = null;
  @state() private formError = '';
  @state() private rowError = '';
  @state() private busy = false;

  private readonly resources = new Task(this, {
    task: async (_args, { signal }) => this.ctx.admin.resources.list({ limit: 100 }, { signal }).toArray(),
    args: () => [this.ctx],
  });

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.editing) return;
    const data = new FormData(event.target as HTMLFormElement);
    const values: CreateResourceBody = {
      name: String(data.get('name') ?? '').trim(),
      kind: String(data.get('kind') ?? '').trim(),
      capacity: Number(data.get('capacity')),
      active: data.get('active') === 'on',
    };
    this.busy = true;
    this.formError = '';
    try {
      const { id } = this.editing;
      const saved = id
        ? await this.ctx.admin.resources.update(id, values)
        : await this.ctx.admin.resources.create(values);
      this.ctx.announce(`${saved.name} ${id ? 'saved' : 'added'}.`);
      this.editing = null;
      await this.resources.run();
    } catch (error) {
      this.formError = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private async deactivate(resource: Resource) {
    this.rowError = '';
    try {
      await this.ctx.admin.resources.deactivate(resource.id);
      this.ctx.announce(`${resource.name} deactivated: no new bookings need it.`);
    } catch (error) {
      this.rowError = errorText(error);
    }
    await this.resources.run();
  }

  private edit(resource: Resource | null) {
    this.formError = '';
    this.editing = resource
      ? {
          id: resource.id,
          values: {
            name: resource.name,
            kind: resource.kind,
            capacity: resource.capacity,
            active: resource.active,
          },
        }
      : { id: null, values: { name: '', kind: 'room', capacity: 1, active: true } };
  }

  override render() {
    return html`
      <div class="toolbar"><button class="btn" @click=${() => this.edit(null)}>New resource</button></div>
      ${this.editing ? this.form(this.editing) : nothing}
      ${this.resources.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (resources) => this.table(resources),
      })}
      ${this.rowError ? html`<p class="error" role="alert">${this.rowError}</p>` : nothing}
    `;
  }

  private form({ id, values }: Editing) {
    return html`<form class="card" aria-labelledby="resource-form-title" @submit=${this.submit}>
      <h3 id="resource-form-title">${id ? `Edit ${values.name}` : 'New resource'}</h3>
      <div class="field-row">
        <div class="field">
          <label for="resource-name">Name</label>
          <input id="resource-name" name="name" required maxlength="200" .value=${values.name} />
        </div>
        <div class="field">
          <label for="resource-kind">Kind</label>
          <input
            id="resource-kind"
            name="kind"
            required
            maxlength="50"
            list="resource-kinds"
            .value=${values.kind}
          />
          <datalist id="resource-kinds">
            <option value="room"></option>
            <option value="chair"></option>
            <option value="equipment"></option>
          </datalist>
        </div>
        <div class="field">
          <label for="resource-capacity">Capacity</label>
          <input
            id="resource-capacity"
            name="capacity"
            type="number"
            min="1"
            max="1000"
            required
            .value=${String(values.capacity ?? 1)}
            aria-describedby="resource-capacity-hint"
          />
          <p class="hint" id="resource-capacity-hint">Bookings that may use it at once.</p>
        </div>
      </div>
      <label class="check"
        ><input type="checkbox" name="active" .checked=${values.active ?? true} /> Active</label
      >
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>
          ${id ? 'Save resource' : 'Add resource'}
        </button>
        <button class="btn btn--quiet" type="button" @click=${() => (this.editing = null)}>Cancel</button>
      </div>
    </form>`;
  }

  private table(resources: Resource[]) {
    if (resources.length === 0) return html`<p class="muted">No rooms or equipment yet.</p>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th class="num">Capacity</th>
            <th>Status</th>
            <th><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${resources.map(
            (resource) =>
              html`<tr data-resource=${resource.id}>
                <td>${resource.name}</td>
                <td>${resource.kind}</td>
                <td class="num">${resource.capacity}</td>
                <td>
                  <span class="badge" data-tone=${resource.active ? 'ok' : 'danger'}
                    >${resource.active ? 'Active' : 'Inactive'}</span
                  >
                </td>
                <td>
                  <div class="actions" style="margin-top:0">
                    <button class="btn btn--quiet" @click=${() => this.edit(resource)}>
                      Edit<span class="sr-only"> ${resource.name}</span>
                    </button>
                    ${
                      resource.active
                        ? html`<mais-confirm-action
                            label="Deactivate"
                            subject=${resource.name}
                            question="New bookings will not use it; existing ones keep it."
                            confirm-label="Deactivate"
                            danger
                            @confirm=${() => this.deactivate(resource)}
                          ></mais-confirm-action>`
                        : nothing
                    }
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
