import type { ApiKey, CreatedApiKey } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';

/**
 * API keys (owner): the list by prefix, a new key shown once in a dialog with a copy button (the
 * API keeps only its hash), and revoking with a confirmation in the key's row.
 */
@customElement('mais-api-keys-settings')
export class ApiKeysSettings extends SettingsSection {
  static override styles = [
    SettingsSection.styles,
    css`
      dialog {
        max-width: min(36rem, calc(100vw - 2rem));
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      .key {
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  @state() private created: CreatedApiKey | undefined;
  @state() private createError = '';
  @state() private confirming: string | undefined;
  @state() private rowError: { id: string; message: string } | undefined;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly keys = new Task(this, {
    task: async ([ctx], { signal }) => ctx.admin.apiKeys.list({ limit: 100 }, { signal }).toArray(),
    args: () => [this.ctx] as const,
  });

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.createError = '';
    try {
      this.created = await this.ctx.admin.apiKeys.create({
        name: String(data.get('name') ?? '').trim(),
        kind: data.get('kind') === 'SECRET' ? 'SECRET' : 'PUBLISHABLE',
        mode: data.get('mode') === 'TEST' ? 'TEST' : 'LIVE',
      });
      form.reset();
      await this.updateComplete;
      this.dialog.showModal();
      void this.keys.run();
    } catch (error) {
      this.createError = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.created!.key);
      this.ctx.announce('Key copied.');
    } catch {
      // Clipboard refused (permissions): the key stays selected in its field to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>('#new-key')?.select();
      this.ctx.announce('Copying was refused by the browser: the key is selected, copy it by hand.');
    }
  }

  private closeDialog() {
    this.dialog.close();
    // The key is forgotten: it can never be shown again.
    this.created = undefined;
  }

  private async revoke(key: ApiKey) {
    this.busy = true;
    this.rowError = undefined;
    try {
      await this.ctx.admin.apiKeys.revoke(key.id);
      this.confirming = undefined;
      this.ctx.announce(`Key ${key.name ?? key.prefix} revoked.`);
    } catch (error) {
      this.rowError = { id: key.id, message: errorText(error) };
    } finally {
      this.busy = false;
      void this.keys.run();
    }
  }

  override render() {
    return html`
      <h2>API keys</h2>
      <p class="hint">
        Publishable keys (pk_) go in your website's widget; secret keys (sk_) stay on your servers. Test keys
        see test payments only.
      </p>
      ${this.keys.render({
        pending: () => html`<p class="muted" role="status">Loading keys…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (keys) => this.table(keys),
      })}
      <h3>New key</h3>
      <form @submit=${this.create}>
        <div class="field-row">
          <div class="field">
            <label for="key-name">Name</label>
            <input id="key-name" name="name" required maxlength="100" placeholder="Website" />
          </div>
          <div class="field">
            <label for="key-kind">Kind</label>
            <select id="key-kind" name="kind">
              <option value="PUBLISHABLE">Publishable (widget)</option>
              <option value="SECRET">Secret (server)</option>
            </select>
          </div>
          <div class="field">
            <label for="key-mode">Mode</label>
            <select id="key-mode" name="mode">
              <option value="LIVE">Live</option>
              <option value="TEST">Test</option>
            </select>
          </div>
        </div>
        ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : ''}
        <button class="btn" type="submit" ?disabled=${this.busy}>Create key</button>
      </form>
      <dialog aria-labelledby="created-title" @close=${() => (this.created = undefined)}>
        ${
          this.created
            ? html`<h3 id="created-title">Your new key: ${this.created.name}</h3>
                <p>
                  <strong>Copy it now. It is shown only this once</strong>; we keep only a fingerprint of it.
                </p>
                <div class="field">
                  <label for="new-key">Key</label>
                  <input
                    id="new-key"
                    class="key"
                    readonly
                    .value=${this.created.key}
                    @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
                  />
                </div>
                <div class="actions">
                  <button class="btn" type="button" @click=${this.copy}>Copy key</button>
                  <button class="btn btn--quiet" type="button" @click=${this.closeDialog}>Done</button>
                </div>`
            : html`<h3 id="created-title">New key</h3>`
        }
      </dialog>
    `;
  }

  private table(keys: ApiKey[]) {
    if (keys.length === 0) return html`<p class="muted">No keys yet.</p>`;
    const zone = this.ctx.zone;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="API keys table">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Kind</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${keys.map(
            (key) =>
              html`<tr>
                <th scope="row">${key.name ?? '—'}</th>
                <td><code>${key.prefix}…</code></td>
                <td>${humanize(key.kind)}, ${key.mode.toLowerCase()}</td>
                <td>${formatDateTime(key.createdAt, zone)}</td>
                <td>${key.lastUsedAt ? formatDateTime(key.lastUsedAt, zone) : 'Never'}</td>
                <td>${key.revokedAt ? html`<span class="badge">Revoked</span>` : this.revokeControl(key)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private revokeControl(key: ApiKey) {
    const name = key.name ?? key.prefix;
    const error =
      this.rowError?.id === key.id ? html`<p class="error" role="alert">${this.rowError.message}</p>` : '';
    if (this.confirming !== key.id) {
      return html`<button
          class="btn btn--quiet"
          type="button"
          aria-label="Revoke ${name}"
          @click=${() => {
            this.confirming = key.id;
            this.rowError = undefined;
          }}
        >
          Revoke
        </button>
        ${error}`;
    }
    return html`<p>Revoke ${name}? Whatever uses it stops working at once.</p>
      <div class="actions">
        <button class="btn btn--danger" type="button" ?disabled=${this.busy} @click=${() => this.revoke(key)}>
          Revoke ${name}
        </button>
        <button class="btn btn--quiet" type="button" @click=${() => (this.confirming = undefined)}>
          Keep it
        </button>
      </div>
      ${error}`;
  }
}
