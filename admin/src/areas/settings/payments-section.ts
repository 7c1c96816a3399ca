import type { QuickBooksStatus, StripeSettings } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { today } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';

interface PaymentsData {
  /** Owners only: the API refuses the Stripe settings to managers. */
  stripe: StripeSettings | null;
  quickbooks: QuickBooksStatus;
}

type Action = 'stripe' | 'quickbooks' | 'sync';

/**
 * The tenant's Stripe account (owner: connect by account id, disconnect) and QuickBooks Online
 * (status for managers; connecting and disconnecting for the owner; pushing a past period).
 */
@customElement('mais-payments-settings')
export class PaymentsSettings extends SettingsSection {
  @state() private errors: Partial<Record<Action, string>> = {};
  @state() private confirming: 'stripe' | 'quickbooks' | undefined;
  @state() private busy = false;

  private readonly data = new Task(this, {
    task: async ([ctx], { signal }): Promise<PaymentsData> => {
      const [stripe, quickbooks] = await Promise.all([
        this.isOwner ? ctx.admin.settings.stripe.retrieve({ signal }) : Promise.resolve(null),
        ctx.admin.quickbooks.status({ signal }),
      ]);
      return { stripe, quickbooks };
    },
    args: () => [this.ctx] as const,
  });

  /** Runs a change; its error shows beside its own button, and the state is reloaded either way. */
  private async act(action: Action, work: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.errors = { ...this.errors, [action]: '' };
    try {
      await work();
      this.confirming = undefined;
      if (done) this.ctx.announce(done);
    } catch (error) {
      this.errors = { ...this.errors, [action]: errorText(error) };
    } finally {
      this.busy = false;
      void this.data.run();
    }
  }

  private connectStripe(event: SubmitEvent) {
    event.preventDefault();
    const accountId = String(new FormData(event.target as HTMLFormElement).get('accountId') ?? '').trim();
    void this.act(
      'stripe',
      () => this.ctx.admin.settings.stripe.connect({ accountId }),
      'Stripe account connected.',
    );
  }

  private async connectQuickBooks() {
    await this.act(
      'quickbooks',
      async () => {
        const { authorizationUrl } = await this.ctx.admin.quickbooks.connect();
        // Intuit's page asks the QuickBooks admin to allow access, then returns to the API.
        location.assign(authorizationUrl);
      },
      '',
    );
  }

  private sync(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { startDate: String(data.get('startDate')), endDate: String(data.get('endDate')) };
    void this.act(
      'sync',
      () => this.ctx.admin.quickbooks.sync(body),
      `The payments of ${body.startDate} to ${body.endDate} will be pushed to QuickBooks within a minute.`,
    );
  }

  override render() {
    return html`
      <h2>Payments and QuickBooks</h2>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: ({ stripe, quickbooks }) =>
          html`${stripe ? this.stripeView(stripe) : ''} ${this.quickbooksView(quickbooks)}`,
      })}
    `;
  }

  private error(action: Action) {
    const message = this.errors[action];
    return message ? html`<p class="error" role="alert">${message}</p>` : '';
  }

  private stripeView(stripe: StripeSettings) {
    return html`
      <h3>Stripe</h3>
      <dl class="facts">
        <dt>Account</dt>
        <dd>${stripe.accountId ?? 'None connected'}</dd>
        <dt>Clients pay</dt>
        <dd>${stripe.mode === 'card' ? 'By card when booking' : 'At the appointment'}</dd>
      </dl>
      ${
        stripe.accountId
          ? this.confirming === 'stripe'
            ? html`<p>Disconnect ${stripe.accountId}? Paid services are then paid at the appointment.</p>
                <div class="actions">
                  <button
                    class="btn btn--danger"
                    type="button"
                    ?disabled=${this.busy}
                    @click=${() =>
                      this.act(
                        'stripe',
                        () => this.ctx.admin.settings.stripe.disconnect(),
                        'Stripe disconnected.',
                      )}
                  >
                    Disconnect Stripe
                  </button>
                  <button class="btn btn--quiet" type="button" @click=${() => (this.confirming = undefined)}>
                    Keep it
                  </button>
                </div>`
            : html`<div class="actions">
                <button class="btn btn--quiet" type="button" @click=${() => (this.confirming = 'stripe')}>
                  Disconnect…
                </button>
              </div>`
          : html`<form @submit=${this.connectStripe}>
              <div class="field">
                <label for="stripe-account">Stripe account id</label>
                <input
                  id="stripe-account"
                  name="accountId"
                  required
                  pattern="acct_[A-Za-z0-9]{1,64}"
                  placeholder="acct_…"
                  aria-describedby="stripe-hint"
                />
                <p class="hint" id="stripe-hint">
                  In your Stripe dashboard under Settings → Account details.
                </p>
              </div>
              <button class="btn" type="submit" ?disabled=${this.busy}>Connect Stripe</button>
            </form>`
      }
      ${this.error('stripe')}
    `;
  }

  private quickbooksView(qb: QuickBooksStatus) {
    const zone = this.ctx.zone;
    const todayDate = today(zone);
    return html`
      <h3>QuickBooks Online</h3>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          ${
            qb.status === 'NEEDS_REAUTH'
              ? html`<span class="badge" data-tone="danger">Needs to be connected again</span>`
              : humanize(qb.status)
          }
        </dd>
        ${
          qb.connectedAt
            ? html`<dt>Connected</dt>
                <dd>${formatDateTime(qb.connectedAt, zone)}</dd>`
            : ''
        }
        ${
          qb.lastSyncedAt
            ? html`<dt>Last pushed</dt>
                <dd>${formatDateTime(qb.lastSyncedAt, zone)}</dd>`
            : ''
        }
        <dt>Receipts pushed</dt>
        <dd>${qb.receiptsPushed}</dd>
        ${
          qb.pushesWaiting > 0
            ? html`<dt>Waiting to push</dt>
                <dd>${qb.pushesWaiting}</dd>`
            : ''
        }
        ${
          qb.lastError
            ? html`<dt>Last problem</dt>
                <dd>${qb.lastError} (${qb.failures} failed)</dd>`
            : ''
        }
      </dl>
      ${this.isOwner ? this.quickbooksOwnerActions(qb) : ''} ${this.error('quickbooks')}
      ${
        qb.connected
          ? html`<h4 class="label">Push a past period</h4>
              <form @submit=${this.sync}>
                <div class="field-row">
                  <div class="field">
                    <label for="sync-start">From</label>
                    <input id="sync-start" name="startDate" type="date" required max=${todayDate} />
                  </div>
                  <div class="field">
                    <label for="sync-end">To</label>
                    <input
                      id="sync-end"
                      name="endDate"
                      type="date"
                      required
                      max=${todayDate}
                      .value=${todayDate}
                    />
                  </div>
                </div>
                ${qb.backfillWaiting ? html`<p class="hint">A push is already waiting to start.</p>` : ''}
                <button class="btn btn--quiet" type="submit" ?disabled=${this.busy}>
                  Push to QuickBooks
                </button>
              </form>
              ${this.error('sync')}`
          : ''
      }
    `;
  }

  private quickbooksOwnerActions(qb: QuickBooksStatus) {
    if (qb.status === 'ACTIVE') {
      return this.confirming === 'quickbooks'
        ? html`<p>Disconnect QuickBooks? Receipts already there stay; new payments are no longer pushed.</p>
            <div class="actions">
              <button
                class="btn btn--danger"
                type="button"
                ?disabled=${this.busy}
                @click=${() =>
                  this.act(
                    'quickbooks',
                    () => this.ctx.admin.quickbooks.disconnect(),
                    'QuickBooks disconnected.',
                  )}
              >
                Disconnect QuickBooks
              </button>
              <button class="btn btn--quiet" type="button" @click=${() => (this.confirming = undefined)}>
                Keep it
              </button>
            </div>`
        : html`<div class="actions">
            <button class="btn btn--quiet" type="button" @click=${() => (this.confirming = 'quickbooks')}>
              Disconnect…
            </button>
          </div>`;
    }
    return html`<div class="actions">
      <button class="btn" type="button" ?disabled=${this.busy} @click=${this.connectQuickBooks}>
        ${qb.status === 'NEEDS_REAUTH' ? 'Connect QuickBooks again' : 'Connect QuickBooks'}
      </button>
    </div>`;
  }
}
