import type { Provider, StaffAccount } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import { humanize } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';
import './staff-form.ts';
import type { StaffFormValues } from './staff-form.ts';

interface StaffData {
  accounts: StaffAccount[];
  providers: Provider[];
}

/**
 * Staff and roles (owner): invite someone (or give them a password), change a role or provider,
 * disable, delete. The owner's own account is not changed here, so nobody locks themselves out.
 */
@customElement('mais-staff-settings')
export class StaffSettings extends SettingsSection {
  @state() private editing: string | undefined;
  @state() private confirmingDelete: string | undefined;
  @state() private rowError: { id: string; message: string } | undefined;
  @state() private inviteError = '';
  @state() private busy = false;

  private readonly data = new Task(this, {
    task: async ([ctx], { signal }): Promise<StaffData> => {
      const [accounts, providers] = await Promise.all([
        ctx.admin.staff.list({ limit: 100 }, { signal }).toArray(),
        ctx.admin.providers.list({ limit: 100 }, { signal }).toArray(),
      ]);
      return { accounts, providers };
    },
    args: () => [this.ctx] as const,
  });

  private async change(account: StaffAccount, work: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.rowError = undefined;
    try {
      await work();
      this.editing = undefined;
      this.confirmingDelete = undefined;
      this.ctx.announce(done);
    } catch (error) {
      this.rowError = { id: account.id, message: errorText(error) };
    } finally {
      this.busy = false;
      void this.data.run();
    }
  }

  private async invite(event: CustomEvent<StaffFormValues>) {
    const form = event.target as HTMLElement & { reset(): void };
    const { password, ...values } = event.detail;
    this.busy = true;
    this.inviteError = '';
    try {
      const account = await this.ctx.admin.staff.create({
        ...values,
        email: values.email!,
        providerId: values.providerId ?? undefined,
        ...(password ? { password } : {}),
      });
      form.reset();
      this.ctx.announce(
        account.status === 'invited'
          ? `${account.name} is invited: the email with their link is in Sent messages.`
          : `${account.name} can sign in now.`,
      );
    } catch (error) {
      this.inviteError = errorText(error);
    } finally {
      this.busy = false;
      void this.data.run();
    }
  }

  override render() {
    return html`
      <h2>Staff and roles</h2>
      <p class="hint">
        Owners manage everything, keys and staff included. Managers run the business but not keys, payments
        accounts or staff. Providers see their own calendar and appointments.
      </p>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading staff…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (data) => this.view(data),
      })}
    `;
  }

  private view({ accounts, providers }: StaffData) {
    const providerName = (id: string | null) => providers.find((p) => p.id === id)?.name ?? '—';
    return html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Staff table">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${accounts.map(
              (account) =>
                html`<tr>
                  <th scope="row">
                    ${account.name}
                    <div class="muted">${account.email}</div>
                  </th>
                  <td>${humanize(account.role)}</td>
                  <td>${providerName(account.providerId)}</td>
                  <td><span class="badge">${humanize(account.status)}</span></td>
                  <td>${this.actions(account, providers)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>Add someone</h3>
      <mais-staff-form
        mode="invite"
        .providers=${providers}
        .busy=${this.busy}
        .error=${this.inviteError}
        @staff-submit=${this.invite}
      ></mais-staff-form>
    `;
  }

  private actions(account: StaffAccount, providers: Provider[]) {
    if (account.id === this.ctx.account.id) return html`<span class="muted">You</span>`;
    const error =
      this.rowError?.id === account.id
        ? html`<p class="error" role="alert">${this.rowError.message}</p>`
        : '';
    if (this.editing === account.id) {
      return html`<mais-staff-form
          mode="edit"
          .account=${account}
          .providers=${providers}
          .busy=${this.busy}
          @staff-submit=${(event: CustomEvent<StaffFormValues>) =>
            this.change(
              account,
              () =>
                this.ctx.admin.staff.update(account.id, {
                  name: event.detail.name,
                  role: event.detail.role,
                  providerId: event.detail.providerId,
                }),
              `${event.detail.name} is now ${event.detail.role === 'owner' ? 'an' : 'a'} ${event.detail.role}.`,
            )}
          @staff-cancel=${() => (this.editing = undefined)}
        ></mais-staff-form>
        ${error}`;
    }
    if (this.confirmingDelete === account.id) {
      return html`<p>Delete ${account.name}'s account? They are signed out at once.</p>
        <div class="actions">
          <button
            class="btn btn--danger"
            type="button"
            ?disabled=${this.busy}
            @click=${() => this.change(account, () => this.ctx.admin.staff.delete(account.id), `${account.name} deleted.`)}
          >
            Delete ${account.name}
          </button>
          <button class="btn btn--quiet" type="button" @click=${() => (this.confirmingDelete = undefined)}>
            Keep
          </button>
        </div>
        ${error}`;
    }
    const disabled = account.status === 'disabled';
    return html`<div class="actions">
        <button
          class="btn btn--quiet"
          type="button"
          aria-label="Edit ${account.name}"
          @click=${() => {
            this.editing = account.id;
            this.rowError = undefined;
          }}
        >
          Edit
        </button>
        <button
          class="btn btn--quiet"
          type="button"
          aria-label="${disabled ? 'Enable' : 'Disable'} ${account.name}"
          ?disabled=${this.busy}
          @click=${() =>
            this.change(
              account,
              () => this.ctx.admin.staff.update(account.id, { disabled: !disabled }),
              `${account.name} ${disabled ? 'can sign in again' : 'is disabled and signed out'}.`,
            )}
        >
          ${disabled ? 'Enable' : 'Disable'}
        </button>
        <button
          class="btn btn--quiet"
          type="button"
          aria-label="Delete ${account.name}"
          @click=${() => {
            this.confirmingDelete = account.id;
            this.rowError = undefined;
          }}
        >
          Delete
        </button>
      </div>
      ${error}`;
  }
}
