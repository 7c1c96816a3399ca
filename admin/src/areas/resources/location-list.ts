import type { Location } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorCode, errorText } from '../../ui/api-error.ts';
import '../../ui/confirm-action.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import {
  addressText,
  draftOf,
  EMPTY_LOCATION,
  locationBody,
  locationProblems,
  type LocationDraft,
} from './location-draft.ts';
import './location-form.ts';

/**
 * The business's locations: a table, one form for adding and editing, deactivation (clients stop
 * seeing the address) and deletion of a location no service uses (the API answers 409
 * location_in_use otherwise, shown as it says).
 */
@customElement('mais-location-list')
export class LocationList extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @state() private editing: { id: string | null; draft: LocationDraft } | null = null;
  @state() private formError = '';
  @state() private rowError = '';
  @state() private busy = false;

  private readonly locations = new Task(this, {
    task: async (_args, { signal }) => this.ctx.admin.locations.list({ limit: 100 }, { signal }).toArray(),
    args: () => [this.ctx],
  });

  private async save(event: CustomEvent<LocationDraft>) {
    if (!this.editing) return;
    const draft = event.detail;
    const problem = Object.values(locationProblems(draft))[0];
    if (problem) {
      this.formError = problem;
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      const { id } = this.editing;
      const body = locationBody(draft);
      const saved = id
        ? await this.ctx.admin.locations.update(id, body)
        : await this.ctx.admin.locations.create(body);
      this.ctx.announce(`${saved.name} ${id ? 'saved' : 'added'}.`);
      this.editing = null;
      await this.locations.run();
    } catch (error) {
      this.formError = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private async setActive(location: Location, active: boolean) {
    this.rowError = '';
    try {
      await this.ctx.admin.locations.update(location.id, { active });
      this.ctx.announce(
        active
          ? `${location.name} is active again.`
          : `${location.name} deactivated: clients no longer see it.`,
      );
    } catch (error) {
      this.rowError = errorText(error);
    }
    await this.locations.run();
  }

  private async deleteLocation(location: Location) {
    this.rowError = '';
    try {
      await this.ctx.admin.locations.delete(location.id);
      this.ctx.announce(`${location.name} deleted.`);
    } catch (error) {
      const text = errorText(error);
      this.rowError =
        errorCode(error) === 'location_in_use' ? `${location.name} was not deleted. ${text}` : text;
    }
    await this.locations.run();
  }

  private edit(location: Location | null) {
    this.formError = '';
    this.editing = location
      ? { id: location.id, draft: draftOf(location) }
      : { id: null, draft: EMPTY_LOCATION };
  }

  override render() {
    return html`
      <div class="toolbar"><button class="btn" @click=${() => this.edit(null)}>New location</button></div>
      ${
        this.editing
          ? html`<mais-location-form
              .draft=${this.editing.draft}
              heading=${this.editing.id ? `Edit ${this.editing.draft.name}` : 'New location'}
              submit-label=${this.editing.id ? 'Save location' : 'Add location'}
              .zone=${this.ctx.zone}
              .error=${this.formError}
              ?busy=${this.busy}
              @save=${this.save}
              @cancel=${() => (this.editing = null)}
            ></mais-location-form>`
          : nothing
      }
      ${this.locations.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (locations) => this.table(locations),
      })}
      ${this.rowError ? html`<p class="error" role="alert">${this.rowError}</p>` : nothing}
    `;
  }

  private table(locations: Location[]) {
    if (locations.length === 0)
      return html`<p class="muted">
        No locations yet. Add one to show clients where a service takes place.
      </p>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Address</th>
            <th>Phone</th>
            <th>Status</th>
            <th><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${locations.map(
            (location) =>
              html`<tr data-location=${location.id}>
                <td>${location.name}</td>
                <td>${addressText(location) || html`<span class="muted">—</span>`}</td>
                <td>${location.phone ?? '—'}</td>
                <td>
                  <span class="badge" data-tone=${location.active ? 'ok' : 'danger'}
                    >${location.active ? 'Active' : 'Inactive'}</span
                  >
                </td>
                <td>
                  <div class="actions" style="margin-top:0">
                    <button class="btn btn--quiet" @click=${() => this.edit(location)}>
                      Edit<span class="sr-only"> ${location.name}</span>
                    </button>
                    ${
                      location.active
                        ? html`<button class="btn btn--quiet" @click=${() => this.setActive(location, false)}>
                            Deactivate<span class="sr-only"> ${location.name}</span>
                          </button>`
                        : html`<button class="btn btn--quiet" @click=${() => this.setActive(location, true)}>
                            Activate<span class="sr-only"> ${location.name}</span>
                          </button>`
                    }
                    <mais-confirm-action
                      label="Delete"
                      subject=${location.name}
                      question="Delete this location for good? Services must not use it."
                      confirm-label="Delete"
                      danger
                      @confirm=${() => this.deleteLocation(location)}
                    ></mais-confirm-action>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
