import type { Provider, StaffAccount, StaffRole } from '@mais/sdk';
import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';

export interface StaffFormValues {
  name: string;
  role: StaffRole;
  /** Only for the provider role (the API refuses it otherwise). */
  providerId: string | null;
  /** Invite only. */
  email?: string;
  /** Invite only; empty: an invitation by email. */
  password?: string;
}

declare global {
  interface HTMLElementEventMap {
    'staff-submit': CustomEvent<StaffFormValues>;
    'staff-cancel': CustomEvent<void>;
  }
}

let formCount = 0;

/**
 * <mais-staff-form>: a staff account's name, role and provider (a provider account belongs to one
 * provider); inviting adds email and an optional password. Fires `staff-submit` with the values.
 */
@customElement('mais-staff-form')
export class StaffForm extends LitElement {
  static override styles = consoleStyles;

  @property() mode: 'invite' | 'edit' = 'invite';
  @property({ attribute: false }) account: StaffAccount | undefined;
  @property({ attribute: false }) providers: Provider[] = [];
  @property({ type: Boolean }) busy = false;
  @property() error = '';
  @state() private chosenRole: StaffRole | undefined;
  @query('form') private form!: HTMLFormElement;

  /** Ids unique per form: several edit forms and the invite form can be on the page at once. */
  private readonly idBase = `staff-form-${++formCount}`;

  reset() {
    this.form.reset();
    this.chosenRole = undefined;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(this.form);
    const role = String(data.get('role')) as StaffRole;
    const values: StaffFormValues = {
      name: String(data.get('name') ?? '').trim(),
      role,
      providerId: role === 'provider' ? String(data.get('providerId') ?? '') || null : null,
    };
    if (this.mode === 'invite') {
      values.email = String(data.get('email') ?? '').trim();
      values.password = String(data.get('password') ?? '');
    }
    this.dispatchEvent(new CustomEvent('staff-submit', { detail: values, bubbles: true, composed: true }));
  }

  override render() {
    const id = this.idBase;
    const role = this.chosenRole ?? this.account?.role ?? 'manager';
    const invite = this.mode === 'invite';
    return html`
      <form @submit=${this.submit}>
        <div class="field-row">
          <div class="field">
            <label for="${id}-name">Name</label>
            <input id="${id}-name" name="name" required maxlength="200" .value=${this.account?.name ?? ''} />
          </div>
          ${
            invite
              ? html`<div class="field">
                  <label for="${id}-email">Email</label>
                  <input id="${id}-email" name="email" type="email" required maxlength="254" />
                </div>`
              : ''
          }
          <div class="field">
            <label for="${id}-role">Role</label>
            <select
              id="${id}-role"
              name="role"
              @change=${(e: Event) => (this.chosenRole = (e.target as HTMLSelectElement).value as StaffRole)}
            >
              ${(['owner', 'manager', 'provider'] as const).map(
                (option) =>
                  html`<option value=${option} ?selected=${option === role}>
                    ${option[0]!.toUpperCase()}${option.slice(1)}
                  </option>`,
              )}
            </select>
          </div>
          ${
            role === 'provider'
              ? html`<div class="field">
                  <label for="${id}-provider">Provider</label>
                  <select id="${id}-provider" name="providerId" required>
                    ${this.providers.map(
                      (provider) =>
                        html`<option
                          value=${provider.id}
                          ?selected=${provider.id === this.account?.providerId}
                        >
                          ${provider.name}
                        </option>`,
                    )}
                  </select>
                </div>`
              : ''
          }
        </div>
        ${
          invite
            ? html`<div class="field">
                <label for="${id}-password">Password (optional)</label>
                <input
                  id="${id}-password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  aria-describedby="${id}-password-hint"
                />
                <p class="hint" id="${id}-password-hint">
                  Empty: we email them a link to choose their own. With a password they can sign in at once.
                </p>
              </div>`
            : ''
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.busy}>${invite ? 'Add' : 'Save'}</button>
          ${
            invite
              ? ''
              : html`<button
                  class="btn btn--quiet"
                  type="button"
                  @click=${() => this.dispatchEvent(new CustomEvent('staff-cancel', { bubbles: true, composed: true }))}
                >
                  Cancel
                </button>`
          }
        </div>
      </form>
    `;
  }
}
