import type { Provider } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';

/** The providers of the business, and "New provider" (name and email; the rest on their page). */
@customElement('mais-provider-list')
export class ProviderList extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @state() private creating = false;
  @state() private createError = '';
  @state() private busy = false;

  private readonly providers = new Task(this, {
    task: async (_args, { signal }) => this.ctx.admin.providers.list({ limit: 100 }, { signal }).toArray(),
    args: () => [this.ctx],
  });

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.createError = '';
    try {
      const provider = await this.ctx.admin.providers.create({
        name: String(data.get('name') ?? ''),
        email: String(data.get('email') ?? ''),
      });
      this.ctx.announce(`${provider.name} added. Set their hours and services next.`);
      location.hash = hrefFor('providers', [provider.id]);
    } catch (error) {
      this.createError = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h1>Providers</h1>
      <div class="toolbar">
        <button
          class="btn"
          aria-expanded=${this.creating ? 'true' : 'false'}
          aria-controls="new-provider"
          @click=${() => (this.creating = !this.creating)}
        >
          New provider
        </button>
      </div>
      ${this.creating ? this.createForm() : ''}
      ${this.providers.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (providers) => this.table(providers),
      })}
    `;
  }

  private createForm() {
    return html`<form id="new-provider" class="card" @submit=${this.create}>
      <h2>New provider</h2>
      <div class="field-row">
        <div class="field">
          <label for="new-name">Name</label>
          <input id="new-name" name="name" required maxlength="200" autocomplete="off" />
        </div>
        <div class="field">
          <label for="new-email">Email</label>
          <input id="new-email" name="email" type="email" required maxlength="254" autocomplete="off" />
        </div>
      </div>
      ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : ''}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>Add provider</button>
        <button class="btn btn--quiet" type="button" @click=${() => (this.creating = false)}>Cancel</button>
      </div>
    </form>`;
  }

  private table(providers: Provider[]) {
    if (providers.length === 0) return html`<p class="muted">No providers yet: add the first one.</p>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th class="num">Services</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          ${providers.map(
            (provider) =>
              html`<tr>
                <td><a href=${hrefFor('providers', [provider.id])}>${provider.name}</a></td>
                <td>${provider.email}</td>
                <td class="num">${provider.services.length}</td>
                <td>
                  <span class="badge" data-tone=${provider.active ? 'ok' : 'danger'}
                    >${provider.active ? 'Active' : 'Inactive'}</span
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
